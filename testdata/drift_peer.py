#!/usr/bin/python3
"""Plain-PyTorch peer of Vigil's rotation and grayscale drift probes.

For a TorchScript classifier and an ImageFolder set it computes, per rotation angle and for
grayscale: accuracy, the paired counts against the clean predictions (right->wrong, wrong->right,
changed predictions), McNemar's exact two-sided p-value, and every image's prediction. It uses the
same definitions as Vigil, written independently with PyTorch:

- images: PIL convert('RGB'), bytes / 255, NCHW float32, sorted class folders, sorted files;
- normalization (x - mean) / std after the transform (transforms act in pixel space);
- rotation: counter-clockwise by the angle about the image centre, same size, bilinear
  interpolation, zero fill: affine_grid + grid_sample(mode='bilinear', padding_mode='zeros',
  align_corners=False), i.e. pixel centres at (x + 0.5, y + 0.5) and the centre at (w/2, h/2);
  multiples of 90 degrees use exact cosines and sines;
- grayscale: 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601) copied to the three channels.

Run from the repository root with Debian's python3-torch:
  /usr/bin/python3 testdata/drift_peer.py            # writes testdata/drift_expected.json
It covers testdata/cifar and, when demo/ exists, the demo model and images.
"""
import glob
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

ANGLES = [-30, -15, -5, 5, 15, 30, 90, 180]
BATCH = 128


def load_folder(root):
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    xs, ys, ids = [], [], []
    for label, name in enumerate(classes):
        for path in sorted(glob.glob(os.path.join(root, name, '*.png'))):
            xs.append(np.asarray(Image.open(path).convert('RGB'), dtype=np.float32).transpose(2, 0, 1) / 255.0)
            ys.append(label)
            ids.append(os.path.relpath(path, root).replace(os.sep, '/'))
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    return (torch.tensor(np.stack([xs[i] for i in order])), torch.tensor([ys[i] for i in order]),
            [ids[i] for i in order], classes)


def exact_cos_sin(degrees):
    r = math.remainder(degrees, 360)
    table = {0: (1.0, 0.0), 90: (0.0, 1.0), -90: (0.0, -1.0), 180: (-1.0, 0.0), -180: (-1.0, 0.0)}
    if r in table:
        return table[r]
    return math.cos(math.radians(r)), math.sin(math.radians(r))


def rotate(x, degrees):
    n, _, h, w = x.shape
    c, s = exact_cos_sin(degrees)
    # Output pixel (x, y) reads the source at (cx + dx cos - dy sin, cy + dx sin + dy cos), y down;
    # in affine_grid's normalized coordinates (x scaled by w/2, y by h/2) that is this matrix.
    theta = torch.tensor([[c, -s * h / w, 0.0], [s * w / h, c, 0.0]], dtype=torch.float32)
    grid = F.affine_grid(theta.unsqueeze(0).expand(n, 2, 3), list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode='bilinear', padding_mode='zeros', align_corners=False)


def grayscale(x):
    luma = 0.299 * x[:, 0:1] + 0.587 * x[:, 1:2] + 0.114 * x[:, 2:3]
    return luma.expand(-1, 3, -1, -1).contiguous()


def mcnemar_p(b, c):
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(b, c) + 1))
    return min(1.0, 2 * tail / 2 ** n)


def audit(model_path, data, mean, std):
    x, y, ids, classes = load_folder(data)
    net = torch.jit.load(model_path).eval()
    mean_t = torch.tensor(mean, dtype=torch.float32).view(1, -1, 1, 1)
    std_t = torch.tensor(std, dtype=torch.float32).view(1, -1, 1, 1)

    def predict(transform):
        out = []
        with torch.no_grad():
            for i in range(0, len(x), BATCH):
                xb = transform(x[i:i + BATCH])
                out.append(net((xb - mean_t) / std_t).argmax(1))
        return torch.cat(out)

    clean = predict(lambda t: t)
    clean_right = clean == y

    def setting(pred):
        right = pred == y
        b = int((clean_right & ~right).sum())
        c = int((~clean_right & right).sum())
        return {'correct': int(right.sum()), 'accuracy': round(float(right.float().mean()), 6),
                'turned_wrong': b, 'turned_right': c, 'flipped': int((pred != clean).sum()),
                'mcnemar_p': mcnemar_p(b, c), 'predictions': pred.tolist()}

    start = time.perf_counter()
    result = {'images': len(x), 'classes': classes, 'ids': ids, 'clean_correct': int(clean_right.sum()),
              'clean_predictions': clean.tolist(), 'grayscale': setting(predict(grayscale)),
              'rotation': {str(a): setting(predict(lambda t, a=a: rotate(t, a))) for a in ANGLES}}
    seconds = time.perf_counter() - start
    print(f'{data}: {len(x) * (len(ANGLES) + 1) / seconds:.0f} images/s for rotation + grayscale '
          f'({torch.get_num_threads()} threads)', file=sys.stderr)
    return result


def to_json(value, depth):
    """JSON with sorted keys, one key per line, and each list of plain values on one line, so the file diffs by setting."""
    pad = ' ' * (depth + 1)
    if isinstance(value, dict):
        items = [f'{pad}{json.dumps(k)}: {to_json(value[k], depth + 1)}' for k in sorted(value)]
        return '{\n' + ',\n'.join(items) + '\n' + ' ' * depth + '}'
    return json.dumps(value)


def main():
    torch.set_num_threads(int(os.environ.get('THREADS', '2')))
    out = {'angles': ANGLES, 'definition': __doc__.split('\n\n')[1].strip()}
    out['cifar'] = audit('testdata/cifar/model.pt', 'testdata/cifar/images',
                         [0.4914, 0.4822, 0.4465], [0.2470, 0.2435, 0.2616])
    if os.path.isdir('demo'):
        with open('demo/demo.json') as f:
            demo = json.load(f)
        out['demo'] = audit('demo/model.pt', 'demo/images', demo['mean'], demo['std'])
    text = to_json(out, 0)
    with open('testdata/drift_expected.json', 'w') as f:
        f.write(text + '\n')
    for name in ('cifar', 'demo'):
        if name in out:
            r = out[name]
            line = ', '.join(f'{a}: {r["rotation"][str(a)]["accuracy"]:.3f}' for a in ANGLES)
            print(f'{name}: clean {r["clean_correct"]}/{r["images"]}, grayscale {r["grayscale"]["accuracy"]:.3f} '
                  f'(p={r["grayscale"]["mcnemar_p"]:.2e}), rotation {line}', file=sys.stderr)


if __name__ == '__main__':
    main()
