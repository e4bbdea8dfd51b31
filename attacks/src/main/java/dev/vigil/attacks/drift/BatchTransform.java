package dev.vigil.attacks.drift;

import dev.vigil.core.data.Sample;
import java.util.List;

/** A drift transform of a batch: NCHW pixels in [0, 1] of the given samples in, new pixels out. */
@FunctionalInterface
interface BatchTransform {
    float[] apply(float[] nchw, List<Sample> samples);
}
