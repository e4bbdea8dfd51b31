package dev.vigil.core.model;

import java.util.List;

/** TorchScript files (torch.jit.save), run by DJL's PyTorch engine with input gradients. */
final class TorchScriptFormat implements ModelFormat {
    @Override
    public String name() {
        return "TorchScript";
    }

    @Override
    public List<String> extensions() {
        return List.of(".pt", ".pth", ".torchscript");
    }

    /** torch.jit.save writes a zip archive. */
    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    @Override
    public Classifier open(ModelRequest request) {
        return TorchScriptClassifier.load(request);
    }
}
