package dev.vigil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PyTorch's channels-last memory format for a batch [N, C, H, W]: the same logical tensor with its
 * values stored pixel by pixel (N, H, W, C). On the CPU, oneDNN's convolutions run faster on it,
 * and the format carries through the network (ResNet-20 forwards: about 1,930 against 1,520–1,660
 * images/s on the benchmark VM). Plain PyTorch gets it for free when images come from numpy HWC
 * arrays through {@code permute}.
 */
public final class ChannelsLast {
    private ChannelsLast() {
    }

    /**
     * A channels-last copy of {@code batch}, in its manager. The permute-reshape-permute is
     * differentiable, so gradients flow back to {@code batch} in its own layout.
     */
    public static NDArray of(NDArray batch) {
        Shape s = batch.getShape();
        long n = s.get(0);
        NDArray pixelMajor = batch.transpose(0, 2, 3, 1);
        // This reshape cannot be a view of the permuted tensor, so it copies into N,H,W,C order.
        NDArray copied = pixelMajor.reshape(n, -1);
        NDArray nhwc = copied.reshape(n, s.get(2), s.get(3), s.get(1));
        NDArray out = nhwc.transpose(0, 3, 1, 2);
        // Only handles are released: the result (and autograd) still hold the copied storage.
        pixelMajor.close();
        copied.close();
        nhwc.close();
        return out;
    }
}
