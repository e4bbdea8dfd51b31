package dev.vigil.core.model;

import java.util.List;

/** ONNX files (torch.onnx.export, tf2onnx), run by ONNX Runtime on the CPU, logits only. */
final class OnnxFormat implements ModelFormat {
    @Override
    public String name() {
        return "ONNX";
    }

    @Override
    public List<String> extensions() {
        return List.of(".onnx");
    }

    /**
     * An ONNX file is a protobuf ModelProto, which exporters start with its ir_version (field 1, a varint:
     * key byte 0x08) and a small version number, followed by the key of another top-level field
     * (producer name, producer version, domain, model version, doc string, graph or opset import).
     */
    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 3 && head[0] == 0x08 && head[1] > 0 && head[1] < 0x20 && isNextFieldKey(head[2]);
    }

    private static boolean isNextFieldKey(byte key) {
        return switch (key) {
            case 0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42 -> true;
            default -> false;
        };
    }

    @Override
    public Classifier open(ModelRequest request) {
        return OnnxClassifier.load(request);
    }
}
