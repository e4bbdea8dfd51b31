#!/usr/bin/python3
"""Make Vigil's bundled demo: synthetic road signs and a small CNN trained on them.

    /usr/bin/python3 demo/make_demo.py        # from the repository root; needs python3-torch, python3-pil

The classes are chosen so that an audit teaches something. keep_left and keep_right differ only by
orientation; no_entry and one_way only by colour (red versus blue of nearly equal BT.601 luma), so
rotation, flips and grayscale expose weaknesses of a model with high clean accuracy. Training uses
only small rotations (at most 8 degrees), no flips and no grayscale, as a careless pipeline would.

Writes demo/images/<class>/<class>_NNN.png (test set), demo/model.pt (TorchScript, raw logits,
expects input normalized with mean 0.5 and std 0.25 per channel, applied outside the model),
demo/labels.txt and demo/demo.json. Everything is seeded; a rerun gives byte-identical PNGs.
"""
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ['ahead', 'keep_left', 'keep_right', 'no_entry', 'one_way', 'yield']
SIZE = 32
DRAW = 128  # signs are drawn at 4x and downsampled, for smooth edges
MEAN, STD = (0.5, 0.5, 0.5), (0.25, 0.25, 0.25)
TRAIN_PER_CLASS, TEST_PER_CLASS = 600, 40
TRAIN_SEED, TEST_SEED = 1, 2
# Red (200,30,30) has luma 0.299*200+0.587*30+0.114*30 = 80.8; blue (20,75,215) has 80.5.
RED, BLUE = (200, 30, 30), (20, 75, 215)
torch.set_num_threads(2)


def jitter(rgb, rng, amount=12):
    return tuple(int(np.clip(c + rng.integers(-amount, amount + 1), 0, 255)) for c in rgb)


def background(rng):
    """A smooth random colour gradient with mild noise, like a blurred street scene."""
    c0, c1 = rng.integers(40, 220, 3), rng.integers(40, 220, 3)
    angle = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1)
    t = np.clip(0.5 + (xx - 0.5) * math.cos(angle) + (yy - 0.5) * math.sin(angle), 0, 1)[..., None]
    img = c0 * (1 - t) + c1 * t + rng.normal(0, 6, (SIZE, SIZE, 3))
    return np.clip(img, 0, 255)


def arrow(draw, c, r, direction, fill):
    """A white arrow inside a disc of radius r centred at c, pointing up, left or right."""
    w = r * 0.22
    pts = [(-w, r * 0.55), (w, r * 0.55), (w, -r * 0.05), (r * 0.45, -r * 0.05), (0, -r * 0.62), (-r * 0.45, -r * 0.05), (-w, -r * 0.05)]
    rot = {'up': 0, 'left': -90, 'right': 90}[direction]
    a = math.radians(rot)
    draw.polygon([(c[0] + x * math.cos(a) - y * math.sin(a), c[1] + x * math.sin(a) + y * math.cos(a)) for x, y in pts], fill=fill)


def sign(cls, rng):
    """An RGBA sign of class cls drawn at DRAW x DRAW, transparent outside the sign."""
    img = Image.new('RGBA', (DRAW, DRAW), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c, r = (DRAW / 2, DRAW / 2), DRAW * 0.46
    white = jitter((245, 245, 245), rng, 8)
    if cls in ('ahead', 'keep_left', 'keep_right'):
        d.ellipse([c[0] - r, c[1] - r, c[0] + r, c[1] + r], fill=jitter(BLUE, rng))
        arrow(d, c, r, {'ahead': 'up', 'keep_left': 'left', 'keep_right': 'right'}[cls], white)
    elif cls in ('no_entry', 'one_way'):
        d.ellipse([c[0] - r, c[1] - r, c[0] + r, c[1] + r], fill=jitter(RED if cls == 'no_entry' else BLUE, rng))
        d.rectangle([c[0] - r * 0.68, c[1] - r * 0.17, c[0] + r * 0.68, c[1] + r * 0.17], fill=white)
    else:  # yield: inverted triangle, red border, white inside
        top, bottom = c[1] - r * 0.8, c[1] + r * 0.95
        outer = [(c[0] - r, top), (c[0] + r, top), (c[0], bottom)]
        d.polygon(outer, fill=jitter(RED, rng))
        k = 0.58
        inner = [(c[0] + (x - c[0]) * k, c[1] + (y - c[1]) * k + r * 0.02) for x, y in outer]
        d.polygon(inner, fill=white)
    return img


def render(cls, rng):
    """One 32x32 RGB image: a sign at random scale, offset, small tilt and brightness on a background."""
    s = sign(cls, rng).rotate(rng.uniform(-8, 8), resample=Image.BILINEAR)
    side = int(round(SIZE * rng.uniform(0.7, 1.0)))
    s = s.resize((side, side), Image.LANCZOS)
    bg = Image.fromarray(background(rng).astype(np.uint8), 'RGB')
    slack = SIZE - side
    ox, oy = int(rng.integers(0, slack + 1)), int(rng.integers(0, slack + 1))
    bg.paste(s, (ox, oy), s)
    arr = np.asarray(bg, dtype=np.float32) * rng.uniform(0.8, 1.15)
    return np.clip(arr, 0, 255).astype(np.uint8)


def make_set(per_class, seed):
    rng = np.random.default_rng(seed)
    images, labels = [], []
    for label, cls in enumerate(CLASSES):
        for _ in range(per_class):
            images.append(render(cls, rng))
            labels.append(label)
    return np.stack(images), np.array(labels)


class SignNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16)
        self.conv2, self.bn2 = nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32)
        self.conv3, self.bn3 = nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64)
        self.fc = nn.Linear(64, len(CLASSES))

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        x = F.relu(self.bn3(self.conv3(x)))
        return self.fc(x.mean(dim=(2, 3)))


def to_tensor(images):
    return torch.tensor(images, dtype=torch.float32).permute(0, 3, 1, 2) / 255.0


def normalize(x):
    return (x - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)


def accuracy(model, x, y):
    with torch.no_grad():
        return float((model(normalize(x)).argmax(1) == y).float().mean())


def main():
    start = time.time()
    random.seed(0)  # unused today; seeded so that a later edit cannot make the demo irreproducible
    torch.manual_seed(0)
    train_x, train_y = make_set(TRAIN_PER_CLASS, TRAIN_SEED)
    test_x, test_y = make_set(TEST_PER_CLASS, TEST_SEED)
    out = os.path.join(HERE, 'images')
    for i, (img, label) in enumerate(zip(test_x, test_y)):
        cls = CLASSES[label]
        os.makedirs(os.path.join(out, cls), exist_ok=True)
        Image.fromarray(img, 'RGB').save(os.path.join(out, cls, f'{cls}_{i % TEST_PER_CLASS:03d}.png'), optimize=False)

    model = SignNet()
    x, y = to_tensor(train_x), torch.tensor(train_y)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    gen = torch.Generator().manual_seed(0)
    for epoch in range(8):
        model.train()
        perm = torch.randperm(len(x), generator=gen)
        for i in range(0, len(x), 64):
            idx = perm[i:i + 64]
            loss = F.cross_entropy(model(normalize(x[idx])), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        print(f'epoch {epoch}: train accuracy {accuracy(model, x, y):.4f}')

    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    traced = torch.jit.trace(model, torch.zeros(1, 3, SIZE, SIZE))
    torch.jit.save(traced, os.path.join(HERE, 'model.pt'))
    reloaded = torch.jit.load(os.path.join(HERE, 'model.pt')).eval()
    # The trace must not have baked in the example's batch size or anything data-dependent.
    with torch.no_grad():
        probe = normalize(x[::97])
        torch.testing.assert_close(reloaded(probe), model(probe), rtol=1e-5, atol=1e-5)

    # Re-read the saved PNGs, exactly as Vigil will.
    files = [(os.path.join(out, CLASSES[l], f'{CLASSES[l]}_{i % TEST_PER_CLASS:03d}.png'), l) for i, l in enumerate(test_y)]
    tx = to_tensor(np.stack([np.asarray(Image.open(f).convert('RGB')) for f, _ in files]))
    ty = torch.tensor([l for _, l in files])
    gray = (0.299 * tx[:, 0] + 0.587 * tx[:, 1] + 0.114 * tx[:, 2]).unsqueeze(1).repeat(1, 3, 1, 1)
    results = {
        'clean_accuracy': accuracy(reloaded, tx, ty),
        'grayscale_accuracy': accuracy(reloaded, gray, ty),
        'rot90_accuracy': accuracy(reloaded, torch.rot90(tx, 1, (2, 3)), ty),
        'rot180_accuracy': accuracy(reloaded, torch.rot90(tx, 2, (2, 3)), ty),
        'hflip_accuracy': accuracy(reloaded, torch.flip(tx, (3,)), ty),
    }
    with torch.no_grad():
        gray_pred = reloaded(normalize(gray)).argmax(1)
    confusion = [[int(((ty == a) & (gray_pred == b)).sum()) for b in range(len(CLASSES))] for a in range(len(CLASSES))]
    with open(os.path.join(HERE, 'labels.txt'), 'w') as f:
        f.write('\n'.join(CLASSES) + '\n')
    info = {'mean': list(MEAN), 'std': list(STD), 'image_size': [SIZE, SIZE], 'classes': CLASSES,
            **{k: round(v, 6) for k, v in results.items()},
            'grayscale_confusion': confusion,
            'parameters': sum(p.numel() for p in model.parameters()),
            'torch_version': torch.__version__, 'seed': {'train': TRAIN_SEED, 'test': TEST_SEED, 'torch': 0}}
    with open(os.path.join(HERE, 'demo.json'), 'w') as f:
        json.dump(info, f, indent=1)
        f.write('\n')
    print(json.dumps({k: info[k] for k in list(results) + ['parameters']}, indent=1))
    print('grayscale confusion (rows true, columns predicted):', CLASSES)
    for cls, row in zip(CLASSES, confusion):
        print(f'  {cls:10s} {row}')
    print(f'{time.time() - start:.0f} s')
    if results['clean_accuracy'] < 0.95:
        raise SystemExit('clean accuracy below 95%: the demo model is not good enough')


if __name__ == '__main__':
    main()
