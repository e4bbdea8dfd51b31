package dev.vigil.core.model;

import ai.djl.ndarray.NDArray;

/** The logits of one forward pass and the gradient of the objective with respect to the pixel-space input. */
public record GradientResult(NDArray logits, NDArray gradient) {
}
