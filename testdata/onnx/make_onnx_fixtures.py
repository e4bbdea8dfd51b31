#!/usr/bin/python3
"""Export the TorchScript fixtures to ONNX (testdata/onnx/*.onnx).

Run from the repository root with Debian's interpreter (torch 1.13, python3-onnx):

    /usr/bin/python3 testdata/onnx/make_onnx_fixtures.py

Each file is the loaded TorchScript module passed to torch.onnx.export (opset 17), so the ONNX
graph is the one the TorchScript file holds, not a re-built copy. The script checks each file with
onnx.checker and prints its input and output shapes; agreement of the logits with the TorchScript
source is checked in Java by OnnxFixtureTest (Debian has no onnxruntime for Python).
"""
import io
import os
import warnings

import onnx
from onnx import TensorProto, helper
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OPSET = 17
CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)
FIXED_BATCH = 8

torch.set_num_threads(2)


def normalize_first(model, mean, std):
    """(x - mean) / std prepended to the graph: the export mistake of fusing a normalisation the caller also applies."""
    graph = model.graph
    first = graph.input[0].name
    shape = [1, len(mean), 1, 1]
    graph.initializer.extend([helper.make_tensor('fused_mean', TensorProto.FLOAT, shape, mean),
                              helper.make_tensor('fused_std', TensorProto.FLOAT, shape, std)])
    for node in graph.node:
        node.input[:] = ['fused_normalized' if i == first else i for i in node.input]
    graph.node.insert(0, helper.make_node('Div', ['fused_centered', 'fused_std'], ['fused_normalized']))
    graph.node.insert(0, helper.make_node('Sub', [first, 'fused_mean'], ['fused_centered']))
    return model


def unsqueezed(model):
    """The logits with a trailing axis, [N, classes, 1]: an output Vigil must refuse."""
    graph = model.graph
    last = graph.output[0].name
    for node in graph.node:
        node.output[:] = ['flat_logits' if o == last else o for o in node.output]
    graph.initializer.append(helper.make_tensor('unsqueeze_axes', TensorProto.INT64, [1], [2]))
    graph.node.append(helper.make_node('Unsqueeze', ['flat_logits', 'unsqueeze_axes'], [last]))
    dims = graph.output[0].type.tensor_type.shape.dim
    dims.add().dim_value = 1
    return model


def export(module, example, name, dynamic_batch=True, edit=None):
    module.eval()
    axes = {'input': {0: 'batch'}, 'logits': {0: 'batch'}} if dynamic_batch else None
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        with torch.no_grad():
            torch.onnx.export(module, example, buf, input_names=['input'], output_names=['logits'],
                              dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    data = buf.getvalue()
    model = onnx.load_from_string(data)
    if edit is not None:
        model = edit(model)
        data = model.SerializeToString()
    onnx.checker.check_model(model)
    path = os.path.join(HERE, name)
    with open(path, 'wb') as f:
        f.write(data)

    def dims(value):
        return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]

    print(f'{name}: {len(data)} bytes, input {dims(model.graph.input[0])}, output {dims(model.graph.output[0])},'
          f' producer {model.producer_name} {model.producer_version}, opset {model.opset_import[0].version}')


def main():
    cifar = torch.jit.load(os.path.join(ROOT, 'testdata', 'cifar', 'model.pt')).eval()
    demo = torch.jit.load(os.path.join(ROOT, 'demo', 'model.pt')).eval()
    linear = torch.jit.load(os.path.join(ROOT, 'testdata', 'linear.pt')).eval()
    linear_softmax = torch.jit.load(os.path.join(ROOT, 'testdata', 'linear_softmax.pt')).eval()
    rgb32 = torch.zeros(2, 3, 32, 32)
    small = torch.zeros(2, 3, 4, 4)

    export(cifar, rgb32, 'cifar.onnx')
    export(demo, rgb32, 'demo.onnx')
    # A batch dimension fixed at export: Vigil must run it in chunks of FIXED_BATCH and pad the last one.
    export(cifar, torch.zeros(FIXED_BATCH, 3, 32, 32), 'cifar_fixed_batch.onnx', dynamic_batch=False)
    # Normalisation inside the graph while the audit (like the TorchScript twin) normalises too.
    export(cifar, rgb32, 'cifar_double_norm.onnx',
           edit=lambda m: normalize_first(m, CIFAR_MEAN, CIFAR_STD))
    export(linear, small, 'linear.onnx')
    export(linear_softmax, small, 'linear_softmax.onnx')
    export(linear, small, 'linear_3d.onnx', edit=unsqueezed)


if __name__ == '__main__':
    main()
