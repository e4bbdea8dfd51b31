"""Makes testdata/view_flatten.pt: a small conv net that flattens with .view(), which needs its
activations stored contiguously (N,C,H,W). Fed a channels-last batch it fails ("view size is not
compatible with input tensor's size and stride"), so Vigil must keep the usual layout for it.

Run from the repository root with Debian's python3-torch: /usr/bin/python3 testdata/make_layout_fixture.py
"""
import torch
import torch.nn as nn


class ViewFlatten(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 8 * 8, 3)

    def forward(self, x):
        h = torch.tanh(self.conv(x))
        return self.fc(h.view(h.size(0), -1))


def main():
    torch.manual_seed(11)
    net = ViewFlatten().eval()
    example = torch.rand(2, 3, 8, 8)
    traced = torch.jit.trace(net, example)
    # The property the fixture exists for: the usual layout works, channels-last does not.
    traced(example)
    try:
        traced(example.contiguous(memory_format=torch.channels_last))
        raise SystemExit("view_flatten.pt accepted a channels-last batch; the fixture would test nothing")
    except RuntimeError:
        pass
    torch.jit.save(traced, "testdata/view_flatten.pt")
    print("wrote testdata/view_flatten.pt")


if __name__ == "__main__":
    main()
