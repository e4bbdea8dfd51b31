#!/usr/bin/python3
"""Regenerate every fixture in testdata/ (TorchScript models, images, expected numbers).

Run from the repository root with Debian's interpreter (it has torch 1.13, PIL, numpy):

    /usr/bin/python3 testdata/make_fixtures.py            # everything
    /usr/bin/python3 testdata/make_fixtures.py small      # only the small models (seconds)
    /usr/bin/python3 testdata/make_fixtures.py cifar      # only testdata/cifar (a few minutes)
    /usr/bin/python3 testdata/make_fixtures.py degraded   # only testdata/cifar/degraded.pt (seconds; needs cifar)

Everything is seeded and runs on 2 CPU threads, so a rerun on the same machine gives
byte-identical PNGs and JSON numbers (peer_output.json's *_seconds fields are timings
and differ on every run).
"""
import glob
import io
import json
import math
import os
import shutil
import subprocess
import sys
import warnings
from fractions import Fraction

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEER = os.path.join(ROOT, '..', 'shared', 'peers', 'pytorch_peer.py')

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)
EPS = ['1/255', '2/255', '4/255', '8/255']
THREADS = 2

torch.set_num_threads(THREADS)


def seed_all(s):
    torch.manual_seed(s)
    np.random.seed(s)


def save(module, example, name, check_trace=True):
    module = module.float().eval()
    for p in module.parameters():
        p.requires_grad_(False)
    with torch.no_grad():
        traced = torch.jit.trace(module, example, check_trace=check_trace)
    traced.eval()
    path = os.path.join(HERE, name)
    torch.jit.save(traced, path)
    return torch.jit.load(path).eval()


def write_json(path, obj, indent=None):
    with open(path, 'w') as f:
        json.dump(obj, f, indent=indent)
        f.write('\n')


def input_grad(model, x):
    x = x.clone().requires_grad_(True)
    g, = torch.autograd.grad(model(x).sum(), x)
    return g


# ----------------------------------------------------------------------------------------
# Small models
# ----------------------------------------------------------------------------------------

class Linear(nn.Module):
    def __init__(self, W, b, softmax=False, quantize=False, dropout=False):
        super().__init__()
        self.fc = nn.Linear(W.shape[1], W.shape[0])
        with torch.no_grad():
            self.fc.weight.copy_(W)
            self.fc.bias.copy_(b)
        self.softmax, self.quantize, self.dropout = softmax, quantize, dropout

    def forward(self, x):
        if self.quantize:
            x = torch.floor(x * 8) / 8  # piecewise constant: zero gradient almost everywhere
        x = torch.flatten(x, 1)  # C,H,W order, same as x.reshape(N, -1)
        if self.dropout:
            x = F.dropout(x, 0.5, training=True)  # stays active in eval() mode
        y = self.fc(x)
        if self.softmax:
            y = torch.softmax(y, dim=1)
        return y


class Nonlinear(nn.Module):
    """conv(3->4, 3x3, pad 1) -> tanh -> flatten -> linear(256 -> 4): smooth everywhere."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(256, 4)

    def forward(self, x):
        return self.fc(torch.flatten(torch.tanh(self.conv(x)), 1))


class SmallNet(nn.Module):
    """conv(3->4, 3x3, pad 1) -> ReLU -> global average pool -> linear(4 -> 3)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(F.relu(self.conv(x)).mean((2, 3)))


class Normalized(nn.Module):
    def __init__(self, net, mean, std):
        super().__init__()
        self.net = net
        self.register_buffer('mean', torch.tensor(mean).view(1, -1, 1, 1))
        self.register_buffer('std', torch.tensor(std).view(1, -1, 1, 1))

    def forward(self, x):
        return self.net((x - self.mean) / self.std)


def make_small():
    rng = np.random.default_rng(20240601)
    # multiples of 1/64 in [-1, 1]: exactly representable in float32 and in decimal JSON
    W = (rng.integers(-64, 65, size=(3, 48)) / 64.0)
    # bias centres the logits for inputs near 0.5 so that uniform-noise inputs get every class
    b = (np.round(-32 * W.sum(1)) + rng.integers(-8, 9, size=3)) / 64.0
    Wt, bt = torch.tensor(W, dtype=torch.float32), torch.tensor(b, dtype=torch.float32)
    assert np.array_equal(Wt.double().numpy(), W) and np.array_equal(bt.double().numpy(), b)
    write_json(os.path.join(HERE, 'linear.json'),
               {'classes': 3, 'shape': [3, 4, 4], 'W': W.tolist(), 'b': b.tolist()})

    g = torch.Generator().manual_seed(1)
    ex = torch.rand(2, 3, 4, 4, generator=g)
    xs = torch.rand(16, 3, 4, 4, generator=g)

    # 1. linear.pt
    m = save(Linear(Wt, bt), ex, 'linear.pt')
    ref = xs.reshape(16, -1).double() @ torch.tensor(W).T + torch.tensor(b)
    assert torch.allclose(m(xs).double(), ref, atol=1e-5)
    assert torch.allclose(input_grad(m, xs[:5]), Wt.sum(0).view(1, 3, 4, 4).expand(5, 3, 4, 4))
    assert m(xs[:1]).shape == (1, 3) and m(xs).shape == (16, 3)
    assert len(set(m(xs).argmax(1).tolist())) == 3

    # 2. linear_softmax.pt
    m = save(Linear(Wt, bt, softmax=True), ex, 'linear_softmax.pt')
    p = m(xs)
    assert torch.allclose(p.sum(1), torch.ones(16)) and (p >= 0).all()
    assert torch.allclose(p, torch.softmax(ref.float(), 1), atol=1e-6)

    # 3. zero_grad.pt
    m = save(Linear(Wt, bt, quantize=True), ex, 'zero_grad.pt')
    gr = input_grad(m, xs)
    assert (gr == 0).all(), 'zero_grad.pt must have an all-zero input gradient'
    out = m(xs)
    assert out.std(0).min() > 0.1 and len(set(out.argmax(1).tolist())) > 1, 'outputs must vary'
    q = torch.floor(xs * 8) / 8
    assert torch.allclose(out, Linear(Wt, bt)(q), atol=1e-5)

    # 4. stochastic.pt: dropout traced with training=True stays in the graph
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        m = save(Linear(Wt, bt, dropout=True), ex, 'stochastic.pt', check_trace=False)
    assert 'dropout' in m.graph.__str__() or 'dropout' in m.code, 'dropout was traced away'
    with torch.no_grad():
        a, c = m(xs), m(xs)
    assert not torch.equal(a, c), 'two forwards of stochastic.pt must differ'
    assert not torch.equal(m(xs), m(xs))

    # 5. nonlinear.pt
    seed_all(5)
    net = Nonlinear()
    with torch.no_grad():
        net.conv.weight.normal_(0, 0.15)
        net.conv.bias.normal_(0, 0.1)
        net.fc.weight.normal_(0, 1 / 16)
        cal = torch.rand(256, 3, 8, 8, generator=torch.Generator().manual_seed(55))
        f = torch.flatten(torch.tanh(net.conv(cal)), 1)
        net.fc.bias.copy_(-net.fc.weight @ f.mean(0) + torch.randn(4) * 0.05)  # balanced classes
    x8 = torch.rand(32, 3, 8, 8, generator=g)
    m = save(net, torch.rand(2, 3, 8, 8, generator=g), 'nonlinear.pt')
    with torch.no_grad():
        pre = net.conv(x8)
    sat = (torch.tanh(pre).abs() > 0.95).float().mean().item()
    assert sat < 0.05, 'tanh saturated: %f' % sat
    # finite differences agree with autograd (float64 copy of the same net)
    net64 = Nonlinear().double()
    net64.load_state_dict({k: v.double() for k, v in net.state_dict().items()})
    x64 = x8[:2].double()
    v = torch.randn(x64.shape, generator=g, dtype=torch.float64)
    h = 1e-4
    fd = (net64(x64 + h * v).sum() - net64(x64 - h * v).sum()) / (2 * h)
    an = (input_grad(net64, x64) * v).sum()
    assert abs(fd - an) < 1e-6 * max(1, abs(an)), (fd, an)
    assert torch.allclose(m(x8), net(x8), atol=1e-6)
    assert len(set(m(x8).argmax(1).tolist())) > 2

    # 6. norm_inside.pt / norm_raw.pt
    seed_all(6)
    small = SmallNet()
    mean = torch.tensor(CIFAR_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(CIFAR_STD).view(1, 3, 1, 1)
    with torch.no_grad():  # calibrate the head so that predictions vary over uniform-noise inputs
        cal = torch.rand(256, 3, 8, 8, generator=torch.Generator().manual_seed(66))
        f = F.relu(small.conv((cal - mean) / std)).mean((2, 3))
        small.fc.weight.copy_(torch.randn(3, 4) / f.std(0))
        small.fc.bias.copy_(-small.fc.weight @ f.mean(0))
    ex8 = torch.rand(2, 3, 8, 8, generator=g)
    raw = save(small, ex8, 'norm_raw.pt')
    inside = save(Normalized(small, CIFAR_MEAN, CIFAR_STD), ex8, 'norm_inside.pt')
    a, c = inside(x8), raw((x8 - mean) / std)
    assert torch.allclose(a, c, atol=1e-6)
    assert not torch.allclose(raw(x8), a, atol=1e-3), 'normalization must matter'
    assert len(set(a.argmax(1).tolist())) > 1
    assert torch.allclose(input_grad(inside, x8), input_grad(lambda t: raw((t - mean) / std), x8), atol=1e-6)
    write_json(os.path.join(HERE, 'norm.json'),
               {'classes': 3, 'shape': [3, 8, 8], 'mean': list(CIFAR_MEAN), 'std': list(CIFAR_STD)})
    print('small fixtures written')


# ----------------------------------------------------------------------------------------
# CIFAR-style synthetic data
# ----------------------------------------------------------------------------------------

CLASSES = ['c0_circle', 'c1_square', 'c2_triangle', 'c3_cross', 'c4_ring',
           'c5_hstripes', 'c6_vstripes', 'c7_checker', 'c8_diagonal', 'c9_dots']
S = 32
YY, XX = np.mgrid[0:S, 0:S].astype(np.float64) + 0.5


def rot(x, y, cx, cy, ang):
    c, s = math.cos(ang), math.sin(ang)
    dx, dy = x - cx, y - cy
    return c * dx + s * dy, -s * dx + c * dy


def shape_mask(k, rng):
    """Soft mask in [0,1] for class k at a random place, size and orientation."""
    cx, cy = rng.uniform(10, 22, size=2)
    r = rng.uniform(5, 11)
    ang = rng.uniform(0, 2 * math.pi)
    u, v = rot(XX, YY, cx, cy, ang)
    d = np.hypot(XX - cx, YY - cy)
    soft = lambda sd: np.clip(0.5 - sd, 0, 1)  # ~1px anti-aliased edge from a signed distance
    if k == 0:  # disk
        return soft(d - r)
    if k == 1:  # rotated square
        return soft(np.maximum(np.abs(u), np.abs(v)) - r * 0.85)
    if k == 2:  # rotated equilateral triangle
        sd = -np.inf
        for i in range(3):
            a = ang + i * 2 * math.pi / 3
            sd = np.maximum(sd, math.cos(a) * (XX - cx) + math.sin(a) * (YY - cy) - r * 0.5)
        return soft(sd)
    if k == 3:  # rotated plus
        w = r * rng.uniform(0.25, 0.4)
        arm = np.minimum(np.maximum(np.abs(u) - r, np.abs(v) - w), np.maximum(np.abs(v) - r, np.abs(u) - w))
        return soft(arm)
    if k == 4:  # ring
        t = r * rng.uniform(0.25, 0.45)
        return soft(np.abs(d - (r - t / 2)) - t / 2)
    region = soft(np.maximum(np.abs(XX - cx), np.abs(YY - cy)) - r * 1.1)  # textured square patch
    period = rng.uniform(3.5, 6)
    if k in (5, 6, 8):
        base = {5: math.pi / 2, 6: 0.0, 8: math.pi / 4 * rng.choice([1, 3])}[k]
        a = base + rng.uniform(-1, 1) * math.radians(JITTER)
        s = math.cos(a) * XX + math.sin(a) * YY
        stripes = np.clip((np.sin(2 * math.pi * s / period + rng.uniform(0, 6.3)) + 0.0) * 3 + 0.5, 0, 1)
        # stripes along direction a: sin varies across the stripes
        return region * stripes
    if k == 7:  # checkerboard
        p = period * 0.8
        su, sv = rot(XX, YY, cx, cy, rng.uniform(-0.3, 0.3))
        chk = np.clip(np.sin(2 * math.pi * su / p) * np.sin(2 * math.pi * sv / p) * 6 + 0.5, 0, 1)
        return region * chk
    if k == 9:  # dots on a grid
        p = period * 1.1
        su, sv = rot(XX, YY, cx, cy, rng.uniform(-0.3, 0.3))
        du = (su / p + 0.5) % 1 - 0.5
        dv = (sv / p + 0.5) % 1 - 0.5
        dots = soft(np.hypot(du, dv) * p - p * 0.28)
        return region * dots
    raise ValueError(k)


JITTER = 30.0   # degrees of stripe-angle jitter; > 22.5 makes stripe classes overlap
NOISE = (0.04, 0.22)


def make_image(k, rng):
    bg = rng.uniform(0, 1, size=3)
    bg2 = np.clip(bg + rng.normal(0, 0.25, size=3), 0, 1)
    ga = rng.uniform(0, 2 * math.pi)
    t = ((math.cos(ga) * (XX - 16) + math.sin(ga) * (YY - 16)) / 32 + 0.5)[..., None]
    img = bg * (1 - t) + bg2 * t
    # low-frequency texture clutter in the background
    for _ in range(rng.integers(0, 3)):
        ca = rng.uniform(0, 2 * math.pi)
        f = rng.uniform(0.05, 0.2)
        img = img + rng.uniform(-0.15, 0.15, size=3) * np.sin(f * (math.cos(ca) * XX + math.sin(ca) * YY) + rng.uniform(0, 6.3))[..., None]
    fg = rng.uniform(0, 1, size=3)
    while np.abs(fg - bg).sum() < 0.35:
        fg = rng.uniform(0, 1, size=3)
    m = shape_mask(k, rng)[..., None]
    img = img * (1 - m) + fg * m
    # an occluding distractor rectangle now and then
    if rng.uniform() < 0.4:
        x0, y0 = rng.integers(0, 28, size=2)
        w, h = rng.integers(3, 9, size=2)
        img[y0:y0 + h, x0:x0 + w] = rng.uniform(0, 1, size=3)
    img = img + rng.normal(0, rng.uniform(*NOISE), size=img.shape)
    return np.clip(np.round(img * 255), 0, 255).astype(np.uint8)


def make_set(n_per_class, seed):
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for i in range(n_per_class):
        for k in range(10):
            xs.append(make_image(k, rng))
            ys.append(k)
    return np.stack(xs), np.array(ys)


# ----------------------------------------------------------------------------------------
# ResNet-8-ish
# ----------------------------------------------------------------------------------------

class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.short = None
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.b1(self.c1(x)))
        y = self.b2(self.c2(y))
        return F.relu(y + (x if self.short is None else self.short(x)))


class ResNet8(nn.Module):
    def __init__(self, classes=10, w=16):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, w, 3, 1, 1, bias=False), nn.BatchNorm2d(w), nn.ReLU())
        self.layers = nn.Sequential(Block(w, w, 1), Block(w, 2 * w, 2), Block(2 * w, 4 * w, 2))
        self.fc = nn.Linear(4 * w, classes)

    def forward(self, x):
        return self.fc(self.layers(self.stem(x)).mean((2, 3)))


def to_tensor(u8):
    return torch.tensor(u8.astype(np.float32).transpose(0, 3, 1, 2) / 255.0)


def train(xtr, ytr, epochs, seed=7, log=True):
    seed_all(seed)
    net = ResNet8()
    mean = torch.tensor(CIFAR_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(CIFAR_STD).view(1, 3, 1, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    bs = 64
    steps = epochs * ((len(xtr) + bs - 1) // bs)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 0.1, total_steps=steps, pct_start=0.25)
    g = torch.Generator().manual_seed(seed)
    for ep in range(epochs):
        net.train()
        perm = torch.randperm(len(xtr), generator=g)
        tot, corr, n = 0.0, 0, 0
        for i in range(0, len(xtr), bs):
            idx = perm[i:i + bs]
            xb, yb = xtr[idx], ytr[idx]
            flip = torch.rand(len(idx), generator=g) < 0.5
            xb = torch.where(flip.view(-1, 1, 1, 1), xb.flip(3), xb)
            out = net((xb - mean) / std)
            loss = F.cross_entropy(out, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * len(idx)
            corr += (out.argmax(1) == yb).sum().item()
            n += len(idx)
        if log:
            print('epoch %d loss %.4f train acc %.3f' % (ep, tot / n, corr / n), flush=True)
    return net.eval()


# ----------------------------------------------------------------------------------------
# testdata/cifar: images, model.pt, peer_output.json, expected.json
# ----------------------------------------------------------------------------------------

TRAIN_PER_CLASS, TRAIN_SEED, EPOCHS = 600, 1000, 15
TEST_PER_CLASS, TEST_SEED = 20, 2000
BATCH = 128  # the peer's default batch size


def load_folder(root):
    """Same as the peer: sorted class folders, sorted files, PIL .convert('RGB'), bytes / 255."""
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    xs, ys, paths = [], [], []
    for label, name in enumerate(classes):
        for path in sorted(glob.glob(os.path.join(root, name, '*'))):
            img = Image.open(path).convert('RGB')
            xs.append(np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / 255.0)
            ys.append(label)
            paths.append(os.path.relpath(path, os.path.dirname(root)))
    return torch.tensor(np.stack(xs)), torch.tensor(ys), classes, paths


def make_cifar():
    out_dir = os.path.join(HERE, 'cifar')
    img_dir = os.path.join(out_dir, 'images')
    if os.path.isdir(img_dir):
        shutil.rmtree(img_dir)
    # evaluation images
    xte, yte = make_set(TEST_PER_CLASS, TEST_SEED)
    count = [0] * 10
    for img, k in zip(xte, yte):
        d = os.path.join(img_dir, CLASSES[k])
        os.makedirs(d, exist_ok=True)
        Image.fromarray(img, 'RGB').save(os.path.join(d, '%s_%03d.png' % (CLASSES[k][3:], count[k])), format='PNG')
        count[k] += 1

    # training on a separate in-memory set from the same generator
    xtr, ytr = make_set(TRAIN_PER_CLASS, TRAIN_SEED)
    net = train(to_tensor(xtr), torch.tensor(ytr), EPOCHS)
    mean = torch.tensor(CIFAR_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(CIFAR_STD).view(1, 3, 1, 1)
    ex = (to_tensor(xte[:2]) - mean) / std
    model_path = os.path.join(out_dir, 'model.pt')
    traced = save(net, ex, os.path.join('cifar', 'model.pt'))
    print('model.pt: %d parameters' % sum(p.numel() for p in net.parameters()))

    # plain PyTorch, exactly the peer's preprocessing and batching
    x, y, classes, paths = load_folder(img_dir)
    assert classes == CLASSES and len(x) == 10 * TEST_PER_CLASS
    assert torch.equal(x, to_tensor(xte[np.argsort(yte, kind='stable')]))
    jit = torch.jit.load(model_path).eval()
    for w in jit.parameters():
        w.requires_grad_(False)
    model = lambda t: jit((t - mean) / std)
    with torch.no_grad():
        assert torch.allclose(model(x[:16]), net((x[:16] - mean) / std), atol=1e-5)
    eps_val = [float(Fraction(e)) for e in EPS]

    logits, fgsm_pred = [], {e: [] for e in EPS}
    for i in range(0, len(x), BATCH):
        xb, yb = x[i:i + BATCH], y[i:i + BATCH]
        with torch.no_grad():
            logits.append(model(xb))
        xg = xb.clone().requires_grad_(True)
        g, = torch.autograd.grad(F.cross_entropy(model(xg), yb), xg)
        with torch.no_grad():
            for e, ev in zip(EPS, eps_val):
                fgsm_pred[e].append(model((xg + ev * g.sign()).clamp(0, 1)).argmax(1))
    logits = torch.cat(logits)
    pred = logits.argmax(1)
    fgsm_pred = {e: torch.cat(v) for e, v in fgsm_pred.items()}

    # PGD at the largest eps, as the peer does it (cross-check only)
    e = eps_val[-1]
    step, pgd_correct = e / 4, 0
    gen = torch.Generator().manual_seed(0)
    for i in range(0, len(x), BATCH):
        xb, yb = x[i:i + BATCH], y[i:i + BATCH]
        adv = (xb + torch.empty_like(xb).uniform_(-e, e, generator=gen)).clamp(0, 1)
        for _ in range(10):
            adv.requires_grad_(True)
            g, = torch.autograd.grad(F.cross_entropy(model(adv), yb), adv)
            adv = torch.min(torch.max(adv.detach() + step * g.sign(), xb - e), xb + e).clamp(0, 1)
        with torch.no_grad():
            pgd_correct += (model(adv).argmax(1) == yb).sum().item()

    x8 = x[:8].clone().requires_grad_(True)
    g8, = torch.autograd.grad(F.cross_entropy(model(x8), y[:8]), x8)

    # the team's peer script, run exactly as documented, from the repository root
    cmd = ['/usr/bin/python3', '../shared/peers/pytorch_peer.py', '--model', 'testdata/cifar/model.pt',
           '--data', 'testdata/cifar/images', '--mean', ','.join(str(v) for v in CIFAR_MEAN),
           '--std', ','.join('%.4f' % v for v in CIFAR_STD), '--threads', str(THREADS)]
    peer_text = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    with open(os.path.join(out_dir, 'peer_output.json'), 'w') as f:
        f.write(peer_text)
    peer = json.loads(peer_text)

    n = len(x)
    clean_correct = int((pred == y).sum())
    fgsm = {}
    for e in EPS:
        c = int((fgsm_pred[e] == y).sum())
        fgsm[e] = {'correct': c, 'accuracy': c / n}
        assert peer['fgsm_robust_accuracy'][e] == c / n, (e, peer['fgsm_robust_accuracy'][e], c / n)
    assert peer['images'] == n and peer['clean_accuracy'] == clean_correct / n, peer
    pgd_acc = peer['pgd_robust_accuracy_at_max_eps']
    assert pgd_acc == pgd_correct / n, (pgd_acc, pgd_correct / n)

    per_sample = []
    for i in range(n):
        per_sample.append({
            'path': paths[i].replace(os.sep, '/'),
            'label': int(y[i]),
            'pred': int(pred[i]),
            'logits': [round(float(v), 6) for v in logits[i]],
            'fgsm_pred': {e: int(fgsm_pred[e][i]) for e in EPS},
        })
    expected = {
        'mean': list(CIFAR_MEAN), 'std': list(CIFAR_STD),
        'classes': CLASSES,
        'images': n,
        'batch_size': BATCH,
        'clean_correct': clean_correct,
        'clean_accuracy': clean_correct / n,
        'fgsm': fgsm,
        'pgd_at_8/255': {'correct': pgd_correct, 'accuracy': pgd_acc, 'steps': 10, 'step': '2/255',
                         'random_start_seed': 0},
        'input_grad_abs_sum': {'images': 8, 'loss': 'cross_entropy mean over the 8 images',
                               'value': round(float(g8.abs().sum()), 6)},
        'per_sample': per_sample,
    }
    write_json(os.path.join(out_dir, 'expected.json'), expected, indent=1)
    print('cifar: clean %d/%d, fgsm %s, pgd@8/255 %d/%d' % (
        clean_correct, n, {e: v['correct'] for e, v in fgsm.items()}, pgd_correct, n))


# ----------------------------------------------------------------------------------------
# A degraded copy of the CIFAR model, for 'vigil compare'
# ----------------------------------------------------------------------------------------
DEGRADE_SEED = 18
DEGRADE_NOISE = 0.15  # Gaussian noise per parameter tensor, as a share of that tensor's standard deviation


def predictions(model, x, y):
    """Clean and FGSM (L-inf, every EPS) predictions exactly as make_cifar computes them for model.pt."""
    clean, fgsm = [], {e: [] for e in EPS}
    for i in range(0, len(x), BATCH):
        xb, yb = x[i:i + BATCH], y[i:i + BATCH]
        with torch.no_grad():
            clean.append(model(xb).argmax(1))
        xg = xb.clone().requires_grad_(True)
        g, = torch.autograd.grad(F.cross_entropy(model(xg), yb), xg)
        with torch.no_grad():
            for e in EPS:
                fgsm[e].append(model((xg + float(Fraction(e)) * g.sign()).clamp(0, 1)).argmax(1))
    return torch.cat(clean), {e: torch.cat(v) for e, v in fgsm.items()}


def make_degraded():
    out_dir = os.path.join(HERE, 'cifar')
    x, y, classes, paths = load_folder(os.path.join(out_dir, 'images'))
    mean = torch.tensor(CIFAR_MEAN).view(1, 3, 1, 1)
    std = torch.tensor(CIFAR_STD).view(1, 3, 1, 1)
    gen = torch.Generator().manual_seed(DEGRADE_SEED)
    jit = torch.jit.load(os.path.join(out_dir, 'model.pt')).eval()
    with torch.no_grad():
        for _, p in jit.named_parameters():
            if p.numel() > 1:
                p.add_(torch.randn(p.shape, generator=gen) * DEGRADE_NOISE * p.std())
    path = os.path.join(out_dir, 'degraded.pt')
    torch.jit.save(jit, path)
    results = {}
    for name in ('model.pt', 'degraded.pt'):
        m = torch.jit.load(os.path.join(out_dir, name)).eval()
        for w in m.parameters():
            w.requires_grad_(False)
        results[name] = predictions(lambda t: m((t - mean) / std), x, y)
    base_clean, base_fgsm = results['model.pt']
    new_clean, new_fgsm = results['degraded.pt']
    with open(os.path.join(out_dir, 'expected.json')) as f:
        expected = json.load(f)
    assert [s['pred'] for s in expected['per_sample']] == base_clean.tolist(), 'model.pt no longer matches expected.json'
    write_json(os.path.join(out_dir, 'degraded.json'), {
        'made_from': 'model.pt',
        'noise': 'each parameter tensor with more than one element plus N(0, 1) * %g * its standard deviation,'
                 ' torch.Generator seed %d, in named_parameters() order' % (DEGRADE_NOISE, DEGRADE_SEED),
        'classes': classes,
        'eps': EPS,
        'per_sample': [{'path': paths[i].replace(os.sep, '/'), 'label': int(y[i]),
                        'base_pred': int(base_clean[i]), 'new_pred': int(new_clean[i]),
                        'base_fgsm_pred': {e: int(base_fgsm[e][i]) for e in EPS},
                        'new_fgsm_pred': {e: int(new_fgsm[e][i]) for e in EPS}} for i in range(len(x))],
    }, indent=1)
    print('degraded.pt: clean %d -> %d of %d' % (int((base_clean == y).sum()), int((new_clean == y).sum()), len(x)))


if __name__ == '__main__':
    what = sys.argv[1:]
    if not what:
        # one process per part: TorchScript names the classes it compiles with a per-process
        # counter (___torch_mangle_N), so running each part alone keeps model files identical
        # whether a part is made on its own or with the rest
        for part in ('small', 'cifar', 'degraded'):
            subprocess.run([sys.executable, os.path.abspath(__file__), part], check=True)
    for part in what:
        {'small': make_small, 'cifar': make_cifar, 'degraded': make_degraded}[part]()
