#!/usr/bin/python3
"""Make the inputs of Vigil's performance benchmark: a ResNet-20 and a large image folder.

Run with Debian's interpreter (torch 1.13, PIL, numpy), from anywhere:

    /usr/bin/python3 bench-data/make_bench_data.py --out /tmp/vigil-bench [--images 10000] [--seed 2024]
        [--jobs 2] [--force]

It writes, under --out (keep that outside the repository; the script refuses a path inside it):

    resnet20.pt          ResNet-20 (He et al. 2016, CIFAR variant: 3 stages of 3 basic blocks with
                         16/32/64 channels, BatchNorm, zero-padding identity shortcuts, 269,722
                         parameters), trained briefly on synthetic images, saved with torch.jit.trace
                         in eval() mode. Input: float32 NCHW [N,3,32,32] ALREADY normalized with
                         MEAN/STD below (the normalization is not in the model). Output: raw logits [N,10].
    images/<class>/*.png --images 32x32 RGB PNGs in 10 class folders (an ImageFolder set).
    labels.txt           the class names, one per line, in label order (= sorted folder names).
    info.json            what was made and how: mean, std, classes, image count, seed, parameter
                         count, clean accuracy of resnet20.pt on images/ (read back from the PNGs as
                         the plain-PyTorch peer reads them), versions, SHA-256 digests and timings.

The images come from the synthetic generator of the test fixtures (testdata/make_fixtures.py:
coloured shapes and textures on gradient backgrounds with clutter, occluders and noise). Image i
has class i % 10 and its own random stream seeded with (seed, i), so the bytes do not depend on
--jobs, and a smaller --images gives a subset of a larger one (up to 100,000 images). The model
is trained on in-memory images from the same generator with another seed (TRAIN_SEED), so it
never sees these files.

Reruns are cached. The script exits at once when info.json records the same --images and --seed,
the same recipe (a digest of the generator's and the training's code and settings) and the
SHA-256 of the files there now. When only the image set differs it keeps resnet20.pt and redoes
the images. --force redoes everything. Everything is seeded and torch runs on THREADS threads, so
a rerun on the same machine gives byte-identical PNGs and, in practice, an identical resnet20.pt
(its bytes include this script's path as TorchScript debug information, and training is floating
point on the CPU, so another machine or path may give other bytes).
"""
import argparse
import hashlib
import inspect
import json
import math
import multiprocessing
import os
import shutil
import sys
import time

import numpy as np
import PIL
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, 'testdata'))
import make_fixtures as fixtures  # noqa: E402  (the test fixtures' image generator)

CLASSES = fixtures.CLASSES  # c0_circle ... c9_dots: already sorted, so folder order = label order
MEAN = fixtures.CIFAR_MEAN  # (0.4914, 0.4822, 0.4465)
STD = fixtures.CIFAR_STD    # (0.2470, 0.2435, 0.2616)
SIZE = fixtures.S           # 32
THREADS = 2                 # torch threads, fixed so that training gives the same weights everywhere
TRAIN_SEED = 1
DEFAULT_SEED = 2024
EVAL_BATCH = 128            # the peer's default batch size
TRAINING = {                # one pass over fresh images: none is seen twice, so no augmentation
    'images': 48000,
    'seed': TRAIN_SEED,
    'batch_size': 64,
    'optimizer': 'SGD',
    'momentum': 0.9,          # Nesterov
    'weight_decay': 5e-4,
    'schedule': 'one-cycle',
    'peak_lr': 0.1,
    'warmup': 0.25,           # fraction of the steps spent rising to peak_lr
}


# ----------------------------------------------------------------------------------------
# Images
# ----------------------------------------------------------------------------------------

def render(seed, index):
    """Image `index` of the set with this seed: (H, W, 3) uint8 of class index % 10."""
    return fixtures.make_image(index % 10, np.random.default_rng([seed, index]))


def render_range(job):
    seed, start, stop = job
    return np.stack([render(seed, i) for i in range(start, stop)])


def image_path(index, digits):
    """images/<class>/<shape>_<n>.png, with n counting the images of that class."""
    name = CLASSES[index % 10]
    return os.path.join(name, '%s_%0*d.png' % (name.split('_', 1)[1], digits, index // 10))


def write_range(job):
    seed, start, stop, root, digits = job
    for i in range(start, stop):
        Image.fromarray(render(seed, i), 'RGB').save(os.path.join(root, image_path(i, digits)), format='PNG')
    return stop - start


def chunks(n, jobs, size=1000):
    """Contiguous [start, stop) ranges, at least `jobs` of them when n allows."""
    size = max(1, min(size, math.ceil(n / jobs)))
    return [(s, min(s + size, n)) for s in range(0, n, size)]


def in_parallel(fn, tasks, jobs):
    if jobs <= 1 or len(tasks) <= 1:
        return [fn(t) for t in tasks]
    # fork: the workers run only numpy and PIL, and torch has run nothing yet when this is called
    with multiprocessing.get_context('fork').Pool(jobs) as pool:
        return pool.map(fn, tasks, chunksize=1)


def make_images(root, n, seed, jobs):
    digits = max(5, len(str(max(0, (n - 1) // 10))))
    for name in CLASSES:
        os.makedirs(os.path.join(root, name))
    written = in_parallel(write_range, [(seed, a, b, root, digits) for a, b in chunks(n, jobs)], jobs)
    assert sum(written) == n


def make_arrays(n, seed, jobs):
    xs = np.concatenate(in_parallel(render_range, [(seed, a, b) for a, b in chunks(n, jobs)], jobs))
    return xs, np.arange(n) % 10


def load_folder(root):
    """Exactly as the peer reads an image folder: sorted class folders, sorted files, RGB, bytes/255."""
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    xs, ys = [], []
    for label, name in enumerate(classes):
        for f in sorted(os.listdir(os.path.join(root, name))):
            with Image.open(os.path.join(root, name, f)) as img:
                xs.append(np.asarray(img.convert('RGB')))
            ys.append(label)
    return classes, np.stack(xs), np.array(ys)


def to_tensor(u8):
    """(N, H, W, 3) uint8 -> (N, 3, H, W) float32 in [0, 1], as the peer computes it."""
    return torch.from_numpy(u8.transpose(0, 3, 1, 2).astype(np.float32) / 255.0)


def folder_digest(root):
    """SHA-256 over every file's relative path and bytes, in sorted order."""
    h = hashlib.sha256()
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            p = os.path.join(d, f)
            h.update(os.path.relpath(p, root).replace(os.sep, '/').encode() + b'\0')
            with open(p, 'rb') as fh:
                h.update(fh.read())
    return h.hexdigest()


def file_digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def folder_bytes(root):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(root) for f in files)


# ----------------------------------------------------------------------------------------
# ResNet-20
# ----------------------------------------------------------------------------------------

class BasicBlock(nn.Module):
    """3x3 conv-BN-ReLU, 3x3 conv-BN, plus the shortcut, then ReLU.

    The shortcut is the identity; where a block halves the size and doubles the channels it is
    the identity subsampled by 2 and zero-padded to the new channels ("option A" of the paper),
    so shortcuts add no parameters.
    """

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.stride, self.extra = stride, cout - cin

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        if self.stride != 1 or self.extra:
            x = F.pad(x[:, :, ::self.stride, ::self.stride], (0, 0, 0, 0, self.extra // 2, self.extra - self.extra // 2))
        return F.relu(y + x)


class ResNet20(nn.Module):
    """conv3x3(16)-BN-ReLU, 3 stages of 3 basic blocks (16, 32, 64 channels; stages 2 and 3 start
    with stride 2), global average pooling, linear(64 -> classes). 6*3 + 2 = 20 weighted layers."""

    def __init__(self, classes=10, blocks=3):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        layers, cin = [], 16
        for cout, stride in ((16, 1), (32, 2), (64, 2)):
            for b in range(blocks):
                layers.append(BasicBlock(cin, cout, stride if b == 0 else 1))
                cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(64, classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        return self.fc(self.layers(x).mean((2, 3)))


def normalize(x):
    return (x - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)


def train(xs, ys):
    """One pass over (xs, ys) with TRAINING's recipe; returns the net in eval() mode."""
    torch.manual_seed(TRAINING['seed'])
    net = ResNet20()
    bs = TRAINING['batch_size']
    steps = math.ceil(len(xs) / bs)
    opt = torch.optim.SGD(net.parameters(), lr=TRAINING['peak_lr'], momentum=TRAINING['momentum'], nesterov=True,
                          weight_decay=TRAINING['weight_decay'])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, TRAINING['peak_lr'], total_steps=steps,
                                                pct_start=TRAINING['warmup'])
    order = torch.randperm(len(xs), generator=torch.Generator().manual_seed(TRAINING['seed']))
    ys = torch.from_numpy(ys)
    net.train()
    loss_sum = correct = seen = 0
    for step in range(steps):
        idx = order[step * bs:(step + 1) * bs]
        xb, yb = normalize(to_tensor(xs[idx.numpy()])), ys[idx]
        out = net(xb)
        loss = F.cross_entropy(out, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        loss_sum += loss.item() * len(idx)
        correct += (out.argmax(1) == yb).sum().item()
        seen += len(idx)
        if (step + 1) % 100 == 0 or step + 1 == steps:
            log('  step %d/%d  loss %.3f  train accuracy %.3f' % (step + 1, steps, loss_sum / seen, correct / seen))
            loss_sum = correct = seen = 0
    return net.eval()


def save_traced(net, path, example):
    for p in net.parameters():
        p.requires_grad_(False)
    with torch.no_grad():
        traced = torch.jit.trace(net, example)
    torch.jit.save(traced, path)


def evaluate(model_path, images_dir):
    """Clean accuracy of the saved model on the PNGs, computed the way the peer computes it."""
    classes, xs, ys = load_folder(images_dir)
    assert classes == CLASSES, classes
    model = torch.jit.load(model_path).eval()
    preds = []
    with torch.no_grad():
        for i in range(0, len(xs), EVAL_BATCH):
            out = model(normalize(to_tensor(xs[i:i + EVAL_BATCH])))
            assert out.shape == (len(xs[i:i + EVAL_BATCH]), len(CLASSES)), out.shape
            preds.append(out.argmax(1).numpy())
    ok = np.concatenate(preds) == ys
    return {
        'clean_correct': int(ok.sum()),
        'clean_accuracy': round(float(ok.mean()), 6),
        'per_class_accuracy': {c: round(float(ok[ys == k].mean()), 4) for k, c in enumerate(CLASSES) if (ys == k).any()},
    }


# ----------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------

def log(msg):
    print(msg, file=sys.stderr, flush=True)


def recipe_digest():
    """SHA-256 of everything the outputs depend on besides --images and --seed: the generator's
    code and constants, the network, the preprocessing and the training recipe. A cached output
    whose digest differs is remade."""
    parts = [inspect.getsource(f) for f in (fixtures.rot, fixtures.shape_mask, fixtures.make_image, render,
                                            BasicBlock, ResNet20, normalize, to_tensor, train, save_traced)]
    parts.append(repr((CLASSES, MEAN, STD, SIZE, fixtures.JITTER, fixtures.NOISE, THREADS, sorted(TRAINING.items()))))
    return hashlib.sha256('\n'.join(parts).encode()).hexdigest()


def read_info(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def write_text(path, text):
    with open(path + '.partial', 'w') as f:
        f.write(text)
    os.replace(path + '.partial', path)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--out', required=True, metavar='DIR',
                   help='output folder, outside the repository (e.g. /tmp/vigil-bench)')
    p.add_argument('--images', type=int, default=10000, metavar='N', help='images to generate (default: %(default)s)')
    p.add_argument('--seed', type=int, default=DEFAULT_SEED, metavar='S',
                   help='seed of the image set (default: %%(default)s; the model is trained with seed %d)' % TRAIN_SEED)
    p.add_argument('--jobs', type=int, default=min(THREADS, os.cpu_count() or 1), metavar='J',
                   help='processes that draw images (default: %(default)s; the bytes do not depend on it)')
    p.add_argument('--force', action='store_true', help='remake everything, even what is up to date')
    a = p.parse_args(argv)
    if a.images < 1:
        p.error('--images must be at least 1')
    if a.seed == TRAIN_SEED:
        p.error('--seed %d is the training seed; pick another so that the model is not scored on its '
                'training images' % TRAIN_SEED)
    a.out = os.path.realpath(a.out)
    repo = os.path.realpath(REPO)
    if os.path.commonpath([a.out, repo]) == repo:
        p.error('--out %s is inside the repository; write the (large) outputs elsewhere, e.g. /tmp/vigil-bench'
                % a.out)
    return a


class Output:
    """The files under --out and what info.json says about them."""

    def __init__(self, out):
        self.out = out
        self.model = os.path.join(out, 'resnet20.pt')
        self.images = os.path.join(out, 'images')
        self.labels = os.path.join(out, 'labels.txt')
        self.info = os.path.join(out, 'info.json')

    def model_is_current(self, old, recipe):
        return (old.get('recipe_sha256') == recipe and os.path.isfile(self.model)
                and old.get('sha256', {}).get('resnet20.pt') == file_digest(self.model))

    def images_are_current(self, old, n, seed):
        return (old.get('images') == n and old.get('seed') == seed and os.path.isdir(self.images)
                and old.get('sha256', {}).get('images') == folder_digest(self.images))


def write_images(o, n, seed, jobs):
    """Draws the set into images.partial, then swaps it in for the old images/."""
    if os.path.isdir(o.images) and not set(os.listdir(o.images)) <= set(CLASSES):
        sys.exit('%s holds folders this script did not make; move it away or pick another --out' % o.images)
    partial = o.images + '.partial'
    shutil.rmtree(partial, ignore_errors=True)
    make_images(partial, n, seed, jobs)
    shutil.rmtree(o.images, ignore_errors=True)
    os.replace(partial, o.images)
    write_text(o.labels, ''.join(c + '\n' for c in CLASSES))


def write_model(o, jobs):
    """Trains, traces, checks and saves the ResNet-20; returns what info.json records about it."""
    t = time.perf_counter()
    log('drawing %d training images (seed %d) ...' % (TRAINING['images'], TRAINING['seed']))
    xs, ys = make_arrays(TRAINING['images'], TRAINING['seed'], jobs)
    t_draw = time.perf_counter() - t
    log('  %.1f s; training ResNet-20 on %d threads ...' % (t_draw, THREADS))
    t = time.perf_counter()
    net = train(xs, ys)
    t_train = time.perf_counter() - t
    log('  %.1f s' % t_train)
    partial = o.model + '.partial'
    save_traced(net, partial, normalize(to_tensor(xs[:2])))
    traced = torch.jit.load(partial).eval()
    with torch.no_grad():
        x = normalize(to_tensor(xs[-5:]))
        assert torch.allclose(traced(x), net(x), atol=1e-5), 'the traced model differs from the trained one'
        assert traced(x[:1]).shape == (1, len(CLASSES))
    os.replace(partial, o.model)
    return {'parameters': sum(p.numel() for p in net.parameters()), 'recipe': TRAINING,
            'draw_seconds': round(t_draw, 2), 'train_seconds': round(t_train, 2)}


def main(argv=None):
    a = parse_args(argv)
    torch.set_num_threads(THREADS)
    t_start = time.perf_counter()
    o = Output(a.out)
    recipe = recipe_digest()
    old = {} if a.force else read_info(o.info)
    model_ok = o.model_is_current(old, recipe)
    if model_ok and o.images_are_current(old, a.images, a.seed):
        log('%s is up to date (%d images, seed %d); --force remakes it' % (a.out, a.images, a.seed))
        return 0

    os.makedirs(a.out, exist_ok=True)
    if os.path.exists(o.info):
        os.remove(o.info)  # info.json is written last: without it the output counts as unfinished
    seconds = {}

    # 1. the image set, drawn before torch runs anything, so that forking workers is safe
    t = time.perf_counter()
    log('drawing %d images (seed %d, %d processes) ...' % (a.images, a.seed, a.jobs))
    write_images(o, a.images, a.seed, a.jobs)
    seconds['images'] = round(time.perf_counter() - t, 2)
    log('  %.1f s' % seconds['images'])

    # 2. the model, unless the one there was made with the same recipe
    if model_ok:
        log('keeping %s (same recipe; --force retrains)' % o.model)
        model = old['training']
    else:
        t = time.perf_counter()
        model = write_model(o, a.jobs)
        seconds['model'] = round(time.perf_counter() - t, 2)

    # 3. clean accuracy of the saved model on the saved PNGs
    t = time.perf_counter()
    log('scoring resnet20.pt on the %d PNGs ...' % a.images)
    scores = evaluate(o.model, o.images)
    seconds['evaluate'] = round(time.perf_counter() - t, 2)
    log('  clean accuracy %.4f (%d of %d), %.1f s' % (scores['clean_accuracy'], scores['clean_correct'], a.images,
                                                      seconds['evaluate']))

    mean, std = ','.join(map(str, MEAN)), ','.join('%.4f' % v for v in STD)
    info = {
        'model': 'resnet20.pt',
        'architecture': 'ResNet-20, CIFAR variant (He et al. 2016): basic blocks, 16/32/64 channels, BatchNorm, '
                        'option-A shortcuts; torch.jit.trace in eval() mode; outputs raw logits',
        'parameters': model['parameters'],
        'input': 'float32 [N,3,%d,%d], pixels in [0,1] normalized with mean and std OUTSIDE the model' % (SIZE, SIZE),
        'mean': list(MEAN),
        'std': list(STD),
        'classes': CLASSES,
        'labels': 'labels.txt',
        'image_dir': 'images',
        'images': a.images,
        'seed': a.seed,
        **scores,
        'eval_batch_size': EVAL_BATCH,
        'training': model,
        'threads': THREADS,
        'torch': torch.__version__,
        'numpy': np.__version__,
        'pillow': PIL.__version__,
        'recipe_sha256': recipe,
        'sha256': {'resnet20.pt': file_digest(o.model), 'images': folder_digest(o.images)},
        'bytes': {'resnet20.pt': os.path.getsize(o.model), 'images': folder_bytes(o.images)},
        'peer_command': '/usr/bin/python3 ../shared/peers/pytorch_peer.py --model %s --data %s --mean %s --std %s '
                        '--threads %d' % (o.model, o.images, mean, std, THREADS),
        'vigil_command': './vigil bench --model %s --data %s --mean %s --std %s --threads %d'
                         % (o.model, o.images, mean, std, THREADS),
    }
    seconds['total'] = round(time.perf_counter() - t_start, 2)
    info['seconds'] = seconds
    write_text(o.info, json.dumps(info, indent=1) + '\n')
    log('wrote %s in %.1f s' % (a.out, seconds['total']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
