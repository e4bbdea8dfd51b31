#!/usr/bin/python3
"""torchattacks 3.5.1 as the peer of Vigil's APGD-CE, APGD-T, Square and AutoAttack-suite bench stages.

It reads the same files as the plain-PyTorch peer (../shared/peers/pytorch_peer.py): an ImageFolder set (one
sub-folder per class, sorted names = label indices), each image PIL convert('RGB'), bytes / 255, NCHW float32,
all of them in memory before anything is timed; the TorchScript model sees (x - mean) / std through a wrapper
module; torch.set_num_threads(--threads). Attacks run batch by batch (--batch-size), at L-inf eps = --eps.

Stages (--stages picks a subset), each with the paper's settings (Croce and Hein 2020; Andriushchenko et al. 2020):
  apgd-ce     torchattacks.APGD, cross-entropy loss, 100 iterations, 1 restart, rho 0.75
  apgd-t      torchattacks.APGDT, targeted DLR, 100 iterations, 1 restart, min(9, classes - 1) targets
  square      torchattacks.Square, 5000 queries, p_init 0.8, margin loss, rescaled schedule, 1 restart
  autoattack  torchattacks.MultiAttack([APGD-CE, APGD-T, Square]) with exactly those members: each next attack
              runs only on the images the earlier ones left correctly classified (a cascade)
torchattacks' own AutoAttack(version='standard') is not used: it builds APGD and APGD-T with their default of
10 iterations (not the paper's 100) and adds FAB-T, which Vigil's suite leaves out; so the ensemble here is
MultiAttack over the members at the paper's settings, the same members as Vigil's `autoattack`.
APGD in torchattacks runs all its iterations on every image it attacks (no early exit inside a run; APGD-T goes
on to the next target only with the images still correct); Square stops querying an image once it is broken.

Timing: before each stage, a warm-up runs the same attack class at a tiny budget (5 iterations, 1 target,
20 queries) on the first batch only; then the stage runs once over every image and is timed (wall clock,
time.perf_counter), including the forward that scores the adversarial images. The robust count is the number
of images classified correctly both unchanged and under the attack.

The L2 Square of torchattacks 3.5.1 calls .view() on a non-contiguous tensor under torch 1.13; as in
testdata/attack_peer.py, its two norm helpers are replaced by the same computation with .reshape() (unused at
L-inf, patched so that the script behaves as attack_peer.py does).

Output: one JSON object on stdout, with "<key>_seconds", "<key>_images" and "<key>_robust" per timed stage
(keys apgd_ce, apgd_t, square, autoattack), "clean_correct", "images", "threads", torch and torchattacks
versions. When torchattacks cannot be imported, it prints {"unavailable": "<why>"} and exits with status 3.

  PYTHONPATH=/path/to/torchattacks-checkout /usr/bin/python3 bench-data/torchattacks_peer.py --model m.pt \
      --data images/ [--mean 0.49,0.48,0.45 --std 0.25,0.24,0.26] [--eps 8/255] [--batch-size 128] [--threads 2]
      [--stages apgd-ce,apgd-t,square,autoattack]
"""
import argparse
import glob
import json
import os
import sys
import time
from fractions import Fraction

STAGES = ['apgd-ce', 'apgd-t', 'square', 'autoattack']


def unavailable(why):
    print(json.dumps({'unavailable': why}))
    sys.exit(3)


try:
    import torchattacks
except Exception as e:  # ImportError, or torchattacks failing on this torch
    unavailable('torchattacks is not importable by %s (%s: %s); give vigil bench --torchattacks DIR, a checkout of'
                ' torchattacks 3.5.1' % (sys.executable, type(e).__name__, e))

import numpy as np
import torch
import torch.nn as nn
from PIL import Image


def load_folder(root, size):
    """The plain-PyTorch peer's loader, unchanged: sorted class folders, sorted files in each."""
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    xs, ys = [], []
    for label, name in enumerate(classes):
        for path in sorted(glob.glob(os.path.join(root, name, '*'))):
            img = Image.open(path).convert('RGB')
            if size and img.size != (size[1], size[0]):
                img = img.resize((size[1], size[0]), Image.BILINEAR)
            xs.append(np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / 255.0)
            ys.append(label)
    return torch.tensor(np.stack(xs)), torch.tensor(ys), classes


class Normalized(nn.Module):
    """(x - mean) / std before the TorchScript net; torchattacks takes an nn.Module with parameters."""

    def __init__(self, net, mean, std):
        super().__init__()
        self.net = net
        self.register_buffer('mean', mean)
        self.register_buffer('std', std)
        self.anchor = nn.Parameter(torch.zeros(1), requires_grad=False)  # torchattacks reads the device from a parameter

    def forward(self, x):
        return self.net((x - self.mean) / self.std) if self.mean is not None else self.net(x)


def _normalize_delta(self, x):
    if self.norm == "Linf":
        t = x.abs().reshape(x.shape[0], -1).max(1)[0]
    else:
        t = (x ** 2).reshape(x.shape[0], -1).sum(-1).sqrt()
    return x / (t.view(-1, *([1] * self.ndims)) + 1e-12)


def _lp_norm(self, x):
    if self.norm == "L2":
        t = (x ** 2).reshape(x.shape[0], -1).sum(-1).sqrt()
        return t.view(-1, *([1] * self.ndims))


torchattacks.Square.normalize_delta = _normalize_delta
torchattacks.Square.lp_norm = _lp_norm


def attacks(model, eps, classes, steps=100, queries=5000, targets=None):
    """The stage's attack objects: the paper's settings, or a tiny budget for the warm-up."""
    # APGDT attacks n_classes - 1 targets; min(10, classes) gives min(9, classes - 1) as Vigil's APGD-T.
    n_classes = min(10, classes) if targets is None else targets + 1

    def ce():
        return torchattacks.APGD(model, norm='Linf', eps=eps, steps=steps, n_restarts=1, seed=0, loss='ce', rho=0.75)

    def t():
        return torchattacks.APGDT(model, norm='Linf', eps=eps, steps=steps, n_restarts=1, seed=0, rho=0.75, n_classes=n_classes)

    def square():
        return torchattacks.Square(model, norm='Linf', eps=eps, n_queries=queries, n_restarts=1, p_init=0.8, loss='margin',
                                   resc_schedule=True, seed=0)

    return {'apgd-ce': ce, 'apgd-t': t, 'square': square,
            'autoattack': lambda: torchattacks.MultiAttack([ce(), t(), square()])}


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--model', required=True)
    p.add_argument('--data', required=True)
    p.add_argument('--mean'); p.add_argument('--std')
    p.add_argument('--image-size', help='HxW')
    p.add_argument('--eps', default='8/255')
    p.add_argument('--batch-size', type=int, default=128)
    p.add_argument('--threads', type=int, default=os.cpu_count())
    p.add_argument('--stages', default=','.join(STAGES), help='comma-separated subset of ' + ','.join(STAGES))
    a = p.parse_args()
    stages = [s.strip() for s in a.stages.split(',') if s.strip()]
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        p.error('--stages takes %s, not %s' % (', '.join(STAGES), ', '.join(unknown)))
    torch.set_num_threads(a.threads)
    size = tuple(int(v) for v in a.image_size.split('x')) if a.image_size else None
    x, y, classes = load_folder(a.data, size)
    net = torch.jit.load(a.model).eval()
    for w in net.parameters():
        w.requires_grad_(False)
    mean = std = None
    if a.mean:
        mean = torch.tensor([float(v) for v in a.mean.split(',')]).view(1, -1, 1, 1)
        std = torch.tensor([float(v) for v in a.std.split(',')]).view(1, -1, 1, 1)
    model = Normalized(net, mean, std).eval()
    eps = float(Fraction(a.eps))
    with torch.no_grad():
        clean = torch.cat([model(x[i:i + a.batch_size]).argmax(1) == y[i:i + a.batch_size] for i in range(0, len(x), a.batch_size)])
    out = {'images': len(x), 'threads': a.threads, 'torch': torch.__version__, 'torchattacks': torchattacks.__version__,
           'eps': a.eps, 'batch_size': a.batch_size, 'classes': len(classes), 'clean_correct': int(clean.sum()),
           'apgd_t_targets': min(9, len(classes) - 1), 'stages': stages}
    full = attacks(model, eps, len(classes))
    tiny = attacks(model, eps, len(classes), steps=5, queries=20, targets=1)

    def robust(make, xs, ys, correct):
        attack = make()
        adv = attack(xs, ys)
        with torch.no_grad():
            return int((correct & (model(adv).argmax(1) == ys)).sum())

    for stage in stages:
        key = stage.replace('-', '_')
        robust(tiny[stage], x[:a.batch_size], y[:a.batch_size], clean[:a.batch_size])
        start = time.perf_counter()
        count = sum(robust(full[stage], x[i:i + a.batch_size], y[i:i + a.batch_size], clean[i:i + a.batch_size])
                    for i in range(0, len(x), a.batch_size))
        out[key + '_seconds'] = round(time.perf_counter() - start, 4)
        out[key + '_images'] = len(x)
        out[key + '_robust'] = count
        print('torchattacks peer: %s %.1f s, %d robust of %d' % (stage, out[key + '_seconds'], count, len(x)), file=sys.stderr)
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
