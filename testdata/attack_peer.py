#!/usr/bin/python3
"""torchattacks 3.5.1 as the peer of Vigil's APGD-CE, APGD-T and Square attacks on testdata/cifar.

Images: the 40 images of testdata/cifar whose file number is a multiple of 5 (circle_000, circle_005,
... dots_015), in sorted path order, read like the other peers (PIL convert('RGB'), bytes / 255, NCHW
float32); the model sees (x - mean) / std with the fixture's mean and std. Robust accuracy counts an image
as robust when the model classifies it correctly both clean and under attack.

Settings, the paper's (Croce and Hein 2020; fra31/auto-attack "standard"): APGD with 100 iterations, 1
restart, rho 0.75; APGD-CE with the cross-entropy loss; APGD-T with the targeted DLR loss against the 9
most likely wrong classes in turn; Square (Andriushchenko et al. 2020) with the margin loss, p_init 0.8,
the schedule rescaled to the query budget, 1 restart. Square's random squares cannot be drawn the same
way as Vigil's (Vigil seeds each image by its id, torchattacks draws one square for the whole batch
from torch's generator), so Square is run with SQUARE_SEEDS seeds and the test takes the range over
them, widened by one image, as its interval. APGD's only randomness is its starting point; its
robust accuracy hardly depends on it, and the script runs APGD with APGD_SEEDS seeds to show how much (one in
L2, where APGD-T's nine targets on the many robust images make torchattacks slow). torchattacks 3.5.1's L2
Square calls .view() on a tensor that is not contiguous under torch 1.13 and fails; the script replaces its
two norm helpers with the same computation written with .reshape() (no other change).

Run with Debian's python3-torch 1.13 and a checkout of torchattacks 3.5.1
(github.com/Harry24k/adversarial-attacks-pytorch, pure Python) on the path, from the repository root:

    PYTHONPATH=/path/to/adversarial-attacks-pytorch /usr/bin/python3 testdata/attack_peer.py

It writes testdata/attack_expected.json after each budget (about 20 minutes on 2 idle cores); with
--resume it keeps the budgets the file already holds and computes the others.
"""
import glob
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

import torchattacks

MEAN = [0.4914, 0.4822, 0.4465]
STD = [0.2470, 0.2435, 0.2616]
LINF = {'1/255': 1 / 255, '2/255': 2 / 255}
L2 = {'0.25': 0.25}
STEPS = 100
SQUARE_QUERIES = 1000
APGD_SEEDS = {'linf': [0, 1, 2], 'l2': [0]}
SQUARE_SEEDS = [0, 1, 2, 3, 4, 5, 6, 7]


class Normalized(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net
        self.register_buffer('mean', torch.tensor(MEAN).view(1, 3, 1, 1))
        self.register_buffer('std', torch.tensor(STD).view(1, 3, 1, 1))

    def forward(self, x):
        return self.net((x - self.mean) / self.std)


def load_subset(root):
    from PIL import Image
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    items = []
    for label, name in enumerate(classes):
        for path in sorted(glob.glob(os.path.join(root, name, '*.png'))):
            number = int(os.path.basename(path)[-7:-4])
            if number % 5 == 0:
                items.append((os.path.relpath(path, root).replace(os.sep, '/'), path, label))
    items.sort()
    xs = [np.asarray(Image.open(p).convert('RGB'), dtype=np.float32).transpose(2, 0, 1) / 255.0 for _, p, _ in items]
    return torch.tensor(np.stack(xs)), torch.tensor([l for _, _, l in items]), [i for i, _, _ in items]


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


def robust(model, x, y, adv):
    with torch.no_grad():
        clean = model(x).argmax(1) == y
        under = model(adv).argmax(1) == y
    return int((clean & under).sum())


def main():
    torch.set_num_threads(int(os.environ.get('THREADS', '2')))
    model = Normalized(torch.jit.load('testdata/cifar/model.pt').eval()).eval()
    x, y, ids = load_subset('testdata/cifar/images')
    with torch.no_grad():
        clean = int((model(x).argmax(1) == y).sum())
    out = {'definition': __doc__.split('\n\n')[1].strip(), 'torchattacks': torchattacks.__version__,
           'images': len(ids), 'ids': ids, 'clean_correct': clean, 'steps': STEPS, 'square_queries': SQUARE_QUERIES,
           'apgd_seeds': APGD_SEEDS, 'square_seeds': SQUARE_SEEDS, 'results': {}}
    budgets = [('linf', 'Linf', k, v) for k, v in LINF.items()] + [('l2', 'L2', k, v) for k, v in L2.items()]
    path = 'testdata/attack_expected.json'
    if len(sys.argv) > 1 and sys.argv[1] == '--resume' and os.path.exists(path):
        with open(path) as f:
            out['results'] = json.load(f).get('results', {})
    for norm, ta_norm, text, eps in budgets:
        key = f'{norm}.eps={text}'
        if key in out['results']:
            continue
        entry = {}
        started = time.time()
        for name, make in [
            ('apgd-ce', lambda s: torchattacks.APGD(model, norm=ta_norm, eps=eps, steps=STEPS, n_restarts=1, seed=s, loss='ce')),
            ('apgd-t', lambda s: torchattacks.APGDT(model, norm=ta_norm, eps=eps, steps=STEPS, n_restarts=1, seed=s, n_classes=10)),
        ]:
            entry[name] = [robust(model, x, y, make(s)(x, y)) for s in APGD_SEEDS[norm]]
        entry['square'] = [robust(model, x, y, torchattacks.Square(model, norm=ta_norm, eps=eps, n_queries=SQUARE_QUERIES,
                                                                   n_restarts=1, p_init=0.8, loss='margin',
                                                                   resc_schedule=True, seed=s)(x, y))
                           for s in SQUARE_SEEDS]
        entry['seconds'] = round(time.time() - started, 1)
        out['results'][key] = entry
        print(key, entry, file=sys.stderr)
        with open(path, 'w') as f:
            json.dump(out, f, indent=1)
            f.write('\n')


if __name__ == '__main__':
    main()
