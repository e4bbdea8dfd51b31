#!/usr/bin/python3
"""A model on which more PGD iterations make the attack weaker, for the iteration red-flag test.

Run from the repository root with Debian's interpreter (torch 1.13):

    /usr/bin/python3 testdata/make_iteration_fixture.py

iteration_trap.pt takes (N,3,4,4) pixels in [0,1] and returns logits for 2 classes. The class is the
side of 0.5 that the first pixel is on. The other 47 pixels decide whether that class wins: the model
reads each pixel's offset d from the 8-bit grid (its phase modulo 1/255, so on an 8-bit image d is the
perturbation) as t = d / EPS with EPS = 0.0016, and is wrong where the mean of

    g(t) = exp(-(t - 0.3)^2 / (2 0.12^2)) + 3 exp(-(t - 0.9)^2 / (2 0.1^2))

exceeds 1.5: a low hill at t = 0.3 in front of a high peak at t = 0.9. PGD at eps = EPS without a random
start, 10 steps of eps/4, climbs the hill and oscillates between t = 0.25 and 0.5, where the model is
right; 3 steps of 10/3 that size (the same path length) jump to t = 0.83, where it is wrong. So the full
attack leaves every image robust and the shorter one none. The script checks both with a plain PyTorch
PGD written like ../shared/peers/pytorch_peer.py.
"""
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
EPS = 0.0016
torch.set_num_threads(2)


class IterationTrap(nn.Module):
    def forward(self, x):
        flat = x.flatten(1)
        side = torch.sign(flat[:, 0] - 0.5)
        phase = flat[:, 1:] * (2 * math.pi * 255)
        t = torch.atan2(torch.sin(phase), torch.cos(phase)) / (2 * math.pi * 255 * EPS)
        g = torch.exp(-(t - 0.3) ** 2 / (2 * 0.12 ** 2)) + 3 * torch.exp(-(t - 0.9) ** 2 / (2 * 0.1 ** 2))
        margin = -4.0 * side * (g.mean(1) - 1.5)
        return torch.stack([-margin / 2, margin / 2], dim=1)


def pgd_robust(model, x, y, eps, steps, step):
    adv = x.clone()
    broken = torch.zeros(len(x), dtype=torch.bool)
    for i in range(steps + 1):
        adv.requires_grad_(True)
        logits = model(adv)
        broken |= logits.argmax(1) != y
        if i == steps:
            break
        g, = torch.autograd.grad(F.cross_entropy(logits, y), adv)
        adv = torch.min(torch.max(adv.detach() + step * g.sign(), x - eps), x + eps).clamp(0, 1)
    return (~broken).float().mean().item()


def main():
    gen = torch.Generator().manual_seed(5)
    x = torch.randint(26, 230, (200, 3, 4, 4), generator=gen).float() / 255
    module = IterationTrap().eval()
    traced = torch.jit.trace(module, x[:2])
    path = os.path.join(HERE, 'iteration_trap.pt')
    torch.jit.save(traced, path)
    model = torch.jit.load(path).eval()
    with torch.no_grad():
        y = model(x).argmax(1)
        assert torch.equal(y, (x[:, 0, 0, 0] > 0.5).long()), 'the clean class is the first pixel\'s side of 0.5'
    full = pgd_robust(model, x, y, EPS, 10, EPS / 4)
    short = pgd_robust(model, x, y, EPS, 3, EPS / 4 * 10 / 3)
    assert full == 1.0 and short == 0.0, (full, short)
    print('iteration_trap.pt: PGD robust accuracy with 10 steps', full, 'with 3 longer steps', short)


if __name__ == '__main__':
    main()
