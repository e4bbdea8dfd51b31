#!/usr/bin/python3
"""Two small models whose gradients mislead attacks on purpose, for the attack red-flag tests.

Run from the repository root with Debian's interpreter (torch 1.13):

    /usr/bin/python3 testdata/make_attack_fixtures.py

Both take (N,3,4,4) pixels in [0,1] and return logits for 3 classes. The script checks, with plain
PyTorch attacks written like ../shared/peers/pytorch_peer.py, that each model shows the pathology it
is built for, on 8-bit images with values in [26/255, 229/255] (the tests use such images).

periodic.pt: logits = A * W . phi(x) with phi(x) = sin(2 pi x / T) T / (2 pi) and T = 8/255. The
  loss is periodic in every pixel, so FGSM at eps = T lands exactly where it started: robust
  accuracy is about 0 at 1/255..4/255 and 1 at 8/255 (it rises with eps), while PGD, which searches
  inside the ball, breaks every image at 8/255.
masked_gradient.pt: the linear model A * W . x + b in the forward pass, but its input goes through
  z = x.detach() + s(x) - s(x).detach() with s(x) = sin(2 pi 255 x) / (2 pi 255). The values are
  those of x, the gradient is cos(2 pi 255 x): exactly the true gradient on the 8-bit grid, where
  FGSM starts, and misleading anywhere else, where PGD's random start puts it. PGD is then far weaker
  than FGSM at the same eps (not multiples of 1/255, e.g. 0.02 and 0.05).
"""
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_num_threads(2)
PERIOD = 8 / 255


class Periodic(nn.Module):
    def __init__(self, W, scale, period):
        super().__init__()
        self.register_buffer('W', W)
        self.scale, self.period = scale, period

    def forward(self, x):
        phi = torch.sin(x.flatten(1) * (2 * math.pi / self.period)) * (self.period / (2 * math.pi))
        return self.scale * phi @ self.W.t()


class MaskedGradient(nn.Module):
    def __init__(self, W, scale, b):
        super().__init__()
        self.register_buffer('W', W)
        self.register_buffer('b', b)
        self.scale = scale

    def forward(self, x):
        w = 2 * math.pi * 255
        surrogate = torch.sin(x * w) / w
        z = x.detach() + (surrogate - surrogate.detach())
        return self.scale * z.flatten(1) @ self.W.t() + self.b


def fgsm_accuracy(model, x, y, eps):
    xg = x.clone().requires_grad_(True)
    g, = torch.autograd.grad(F.cross_entropy(model(xg), y), xg)
    with torch.no_grad():
        return (model((x + eps * g.sign()).clamp(0, 1)).argmax(1) == y).float().mean().item()


def pgd_accuracy(model, x, y, eps, gen, steps=10):
    adv = (x + torch.empty_like(x).uniform_(-eps, eps, generator=gen)).clamp(0, 1)
    for _ in range(steps):
        adv.requires_grad_(True)
        g, = torch.autograd.grad(F.cross_entropy(model(adv), y), adv)
        adv = torch.min(torch.max(adv.detach() + eps / 4 * g.sign(), x - eps), x + eps).clamp(0, 1)
    with torch.no_grad():
        return (model(adv).argmax(1) == y).float().mean().item()


def save(module, name):
    module = module.eval()
    with torch.no_grad():
        traced = torch.jit.trace(module, torch.rand(2, 3, 4, 4, generator=torch.Generator().manual_seed(1)))
    path = os.path.join(HERE, name)
    torch.jit.save(traced, path)
    return torch.jit.load(path).eval()


def main():
    rng = np.random.default_rng(7)
    W = torch.tensor(rng.integers(-64, 65, size=(3, 48)) / 64.0, dtype=torch.float32)
    gen = torch.Generator().manual_seed(3)
    x = torch.randint(26, 230, (300, 3, 4, 4), generator=gen).float() / 255

    periodic = save(Periodic(W, 300.0, PERIOD), 'periodic.pt')
    with torch.no_grad():
        y = periodic(x).argmax(1)
    assert torch.bincount(y, minlength=3).min() > 50, 'every class must be common'
    fgsm = [fgsm_accuracy(periodic, x, y, e / 255) for e in (1, 2, 4, 8)]
    assert max(fgsm[:3]) < 0.05 and fgsm[3] > 0.95, fgsm
    assert pgd_accuracy(periodic, x, y, PERIOD, gen) < 0.05

    scale = 4.0
    with torch.no_grad():
        b = -(scale * x.flatten(1) @ W.t()).mean(0)
    masked = save(MaskedGradient(W, scale, b), 'masked_gradient.pt')
    with torch.no_grad():
        y = masked(x).argmax(1)
        assert torch.allclose(masked(x), scale * x.flatten(1) @ W.t() + b, atol=1e-5)
    assert torch.bincount(y, minlength=3).min() > 50
    xg = x.clone().requires_grad_(True)
    g, = torch.autograd.grad(masked(xg).sum(), xg)
    assert torch.allclose(g, (scale * W.sum(0)).view(1, 3, 4, 4).expand_as(g), atol=1e-3), 'true gradient on the grid'
    for eps in (0.02, 0.05):
        f, p = fgsm_accuracy(masked, x, y, eps), pgd_accuracy(masked, x, y, eps, gen)
        assert p > f + 0.4, (eps, f, p)
    print('periodic.pt: FGSM robust accuracy at 1,2,4,8/255:', [round(v, 3) for v in fgsm])
    print('masked_gradient.pt: FGSM / PGD at 0.02 and 0.05:',
          [(round(fgsm_accuracy(masked, x, y, e), 3), round(pgd_accuracy(masked, x, y, e, gen), 3)) for e in (0.02, 0.05)])


if __name__ == '__main__':
    main()
