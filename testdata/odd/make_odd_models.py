"""The smallest TorchScript models that misbehave as real ones do (issue 11), for Vigil's tests.

Run with Debian's PyTorch: /usr/bin/python3 testdata/odd/make_odd_models.py
Every model takes a [batch, 3, 8, 8] pixel batch (no normalization) and, where it gives logits at all,
gives two classes: the mean brightness m of the image and 1 - m, times 8, so bright images are class 0
and dark ones class 1 (image folders named bright/ and dark/ sort that way).
"""
import os
from typing import Dict as DictType

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


def brightness(x):
    m = x.mean(dim=(1, 2, 3))
    return torch.stack([m, 1 - m], dim=1) * 8


class Base(nn.Module):
    def forward(self, x):
        return brightness(x)


class Tuple(nn.Module):
    """Returns (logits, features), as a model with an auxiliary head does."""

    def forward(self, x):
        return brightness(x), x.mean(dim=(2, 3))


class Dict(nn.Module):
    """Returns a dict of two tensors, as detection-style models do."""

    def forward(self, x) -> DictType[str, torch.Tensor]:
        return {"logits": brightness(x), "features": x.mean(dim=(2, 3))}


class Squeeze(nn.Module):
    """Squeezes its output, so a batch of one gives shape [classes]."""

    def forward(self, x):
        return brightness(x).squeeze()


class Detach(nn.Module):
    """Detaches its input: the logits carry no gradient back to the image."""

    def forward(self, x):
        return brightness(x.detach())


class NanAlways(nn.Module):
    """Every logit of class 1 is NaN, every logit of class 0 is +Inf."""

    def forward(self, x):
        b = brightness(x)
        return torch.stack([b[:, 0] * float("inf") + float("inf"), b[:, 1] * float("nan")], dim=1)


class NanOnWhite(nn.Module):
    """NaN logits for an image whose top-left red pixel is exactly 1 (white), finite ones otherwise."""

    def forward(self, x):
        b = brightness(x)
        white = (x[:, 0, 0, 0] >= 1.0).unsqueeze(1)
        return torch.where(white, torch.full_like(b, float("nan")), b)


class NanWhenNotUniform(nn.Module):
    """NaN logits for an image with a value more than 4.5/255 from the image's mean, finite ones otherwise.

    The uniform test images are fine, and stay so under FGSM (the gradient of the brightness is the same for
    every pixel) and under rotation with edge fill; PGD's random start at eps = 8/255 and rotation with black
    corners make them non-uniform, so logits turn NaN only under attack or drift. At eps <= 2/255 every
    point of the L-inf ball around a uniform image stays within 4/255 of its mean, so PGD's logits stay finite.
    """

    def forward(self, x):
        b = brightness(x)
        spread = (x - x.mean(dim=(1, 2, 3), keepdim=True)).abs().amax(dim=(1, 2, 3))
        uneven = (spread > 4.5 / 255).unsqueeze(1)
        return torch.where(uneven, torch.full_like(b, float("nan")), b)


class RaisesOnWhite(nn.Module):
    """Raises for a batch holding an image whose top-left red pixel is exactly 1."""

    def forward(self, x):
        if bool((x[:, 0, 0, 0] >= 1.0).any()):
            raise RuntimeError("Vigil fixture: this model refuses white images")
        return brightness(x)


class Float64(nn.Module):
    """Weights in float64, as a model converted with model.double() has."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(192, 2).double()

    def forward(self, x):
        return self.fc(x.flatten(1))


class Float16(nn.Module):
    """Weights in float16, as a model converted with model.half() has."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(192, 2).half()

    def forward(self, x):
        return self.fc(x.flatten(1))


class OneChannel(nn.Module):
    """A convolution over one input channel (a grayscale model)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)

    def forward(self, x):
        return self.conv(x).mean(dim=(2, 3))


class Size16(nn.Module):
    """A linear layer over a flattened 3x16x16 image (the fixtures give 8x8)."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3 * 16 * 16, 2)

    def forward(self, x):
        return self.fc(x.flatten(1))


class FixedBatch(nn.Module):
    """Flattens with view(1, -1), as a model traced on one image often does: only a batch of one works."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(192, 2)

    def forward(self, x):
        return self.fc(x.view(1, -1))


def main():
    torch.manual_seed(0)
    scripted = {"tuple.pt": Tuple(), "dict.pt": Dict(), "squeeze.pt": Squeeze(), "raises.pt": RaisesOnWhite(),
                "float16.pt": Float16()}
    traced = {"base.pt": Base(), "detach.pt": Detach(), "nan_always.pt": NanAlways(), "nan_on_white.pt": NanOnWhite(),
              "nan_when_not_uniform.pt": NanWhenNotUniform(),
              "float64.pt": Float64(), "one_channel.pt": OneChannel(), "fixed_batch.pt": FixedBatch()}
    example = torch.rand(1, 3, 8, 8)
    for name, model in scripted.items():
        torch.jit.save(torch.jit.script(model.eval()), os.path.join(HERE, name))
    for name, model in traced.items():
        inputs = torch.rand(1, 1, 8, 8) if name == "one_channel.pt" else example
        if name == "float64.pt":
            inputs = inputs.double()
        torch.jit.save(torch.jit.trace(model.eval(), inputs, check_trace=False), os.path.join(HERE, name))
    torch.jit.save(torch.jit.trace(Size16().eval(), torch.rand(1, 3, 16, 16)), os.path.join(HERE, "size16.pt"))

    # What the fixtures must do, checked here so that a changed script cannot save a model that lost its quirk.
    two = torch.rand(2, 3, 8, 8)
    one = torch.rand(1, 3, 8, 8)
    white = two.clone()
    white[1, 0, 0, 0] = 1.0
    load = lambda n: torch.jit.load(os.path.join(HERE, n))
    assert isinstance(load("tuple.pt")(two), tuple)
    assert isinstance(load("dict.pt")(two), dict)
    assert load("squeeze.pt")(one).shape == (2,)
    assert not load("detach.pt")(two.requires_grad_()).requires_grad
    out = load("nan_always.pt")(two)
    assert torch.isinf(out[:, 0]).all() and torch.isnan(out[:, 1]).all()
    out = load("nan_on_white.pt")(white)
    assert torch.isfinite(out[0]).all() and torch.isnan(out[1]).all()
    uniform = torch.full((2, 3, 8, 8), 0.2)
    uneven = uniform.clone()
    uneven[1, 0, 0, 0] += 5 / 255
    out = load("nan_when_not_uniform.pt")(uneven)
    assert torch.isfinite(out[0]).all() and torch.isnan(out[1]).all()
    try:
        load("raises.pt")(white)
        raise AssertionError("raises.pt must raise on a white image")
    except torch.jit.Error:
        pass
    assert load("raises.pt")(two.detach()).shape == (2, 2)
    assert load("fixed_batch.pt")(one).shape == (1, 2)
    print("saved", len(scripted) + len(traced) + 1, "models in", HERE)


if __name__ == "__main__":
    main()
