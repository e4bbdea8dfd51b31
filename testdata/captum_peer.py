#!/usr/bin/python3
"""Captum peer of Vigil's Saliency, Integrated Gradients and Occlusion on the CIFAR fixture.

Captum (pytorch/captum) is the reference attribution library. This script runs Captum's own
classes on the first image of each of the first IMAGES classes of testdata/cifar/images and writes
their raw attributions, in pixel space, with the target = the true label:

- Saliency(model).attribute(x, target)                      (abs=True, Captum's default)
- IntegratedGradients(model).attribute(x, baselines=0, target, n_steps=50,
  method='gausslegendre', return_convergence_delta=True)      (Captum's defaults)
- Occlusion(model).attribute(x, sliding_window_shapes=(3, 4, 4), strides=(3, 2, 2),
  baselines=0, target)                                      (Vigil's default patch and stride on 32x32)

The model sees pixel-space input through (x - mean) / std in front of testdata/cifar/model.pt, as in
Vigil, so a zero baseline is a black image. Images: PIL convert('RGB'), bytes / 255, sorted class
folders, sorted files.

Outputs in testdata/captum/: saliency.npy, ig.npy, occlusion.npy (float32, [N, 3, 32, 32]) and
expected.json (the image ids, targets and IG convergence deltas per image).

Captum is not vendored: check out a Captum version that runs on Debian's torch 1.13 (0.6.0) in a
temporary folder and point CAPTUM at it, for example
  git --git-dir=<captum.git> archive refs/tags/v0.6.0 captum | tar x -C /tmp/captum
  CAPTUM=/tmp/captum /usr/bin/python3 testdata/captum_peer.py
Captum imports matplotlib for its plotting helpers only; when matplotlib is absent, an empty
stand-in module is registered so that the import succeeds (no plotting function is called).
"""
import json
import os
import sys
import types

import numpy as np
import torch
from PIL import Image

IMAGES = 4
MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2470, 0.2435, 0.2616)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "captum")


class _StandIn(types.ModuleType):
    """A stand-in module that answers every attribute lookup: enough for Captum's plotting imports."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return object


def stand_in_matplotlib():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        for name in ["matplotlib", "matplotlib.pyplot", "matplotlib.cm", "matplotlib.colors", "matplotlib.collections",
                     "matplotlib.figure", "mpl_toolkits", "mpl_toolkits.axes_grid1"]:
            sys.modules[name] = _StandIn(name)
            sys.modules[name].__path__ = []
        for name in ["pyplot", "cm", "colors", "collections", "figure"]:
            setattr(sys.modules["matplotlib"], name, sys.modules["matplotlib." + name])


class PixelSpace(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.register_buffer("mean", torch.tensor(MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(STD).view(1, 3, 1, 1))

    def forward(self, x):
        return self.model((x - self.mean) / self.std)


def first_of_each_class(root, count):
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    xs, labels, ids = [], [], []
    for label in range(count):
        folder = os.path.join(root, classes[label])
        name = sorted(os.listdir(folder))[0]
        rgb = np.asarray(Image.open(os.path.join(folder, name)).convert("RGB"), dtype=np.float32) / 255.0
        xs.append(rgb.transpose(2, 0, 1))
        labels.append(label)
        ids.append(classes[label] + "/" + name)
    return torch.from_numpy(np.stack(xs)), labels, ids


def main():
    captum = os.environ.get("CAPTUM")
    if captum:
        sys.path.insert(0, captum)
    stand_in_matplotlib()
    import captum as captum_module
    from captum.attr import IntegratedGradients, Occlusion, Saliency

    torch.set_num_threads(2)
    model = PixelSpace(torch.jit.load(os.path.join(HERE, "cifar", "model.pt"))).eval()
    x, labels, ids = first_of_each_class(os.path.join(HERE, "cifar", "images"), IMAGES)
    target = torch.tensor(labels)
    saliency = Saliency(model).attribute(x.clone().requires_grad_(True), target=target)
    ig, delta = IntegratedGradients(model).attribute(x, baselines=torch.zeros_like(x), target=target, n_steps=50,
                                                     method="gausslegendre", return_convergence_delta=True)
    occlusion = Occlusion(model).attribute(x, sliding_window_shapes=(3, 4, 4), strides=(3, 2, 2), baselines=0,
                                           target=target)
    os.makedirs(OUT, exist_ok=True)
    for name, a in [("saliency", saliency), ("ig", ig), ("occlusion", occlusion)]:
        np.save(os.path.join(OUT, name + ".npy"), a.detach().numpy().astype("<f4"))
    with torch.no_grad():
        logits = model(x)
        at_baseline = model(torch.zeros_like(x))
    expected = {
        "captum_version": captum_module.__version__,
        "torch_version": torch.__version__,
        "ids": ids,
        "targets": labels,
        "ig_convergence_delta": [float(d) for d in delta],
        "ig_output_difference": [float(logits[i, t] - at_baseline[i, t]) for i, t in enumerate(labels)],
        "occlusion": {"patch": 4, "stride": 2, "baseline": 0},
    }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")
    print(json.dumps(expected, indent=2))


if __name__ == "__main__":
    main()
