package dev.vigil.explain;

import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.quality.AttributionDrift;
import dev.vigil.explain.quality.DeletionInsertion;
import dev.vigil.explain.quality.RandomizationCheck;
import java.util.List;

/**
 * What one method produced on the selection: its maps and how long they took, and its quality checks.
 *
 * @param randomization the randomization check, or null when it did not run
 */
record MethodResult(AttributionMethod method, Attributions maps, double seconds, DeletionInsertion.Curves curves,
                    RandomizationCheck.Result randomization, List<AttributionDrift.Result> drift) {
    double imagesPerSecond() {
        return seconds > 0 ? maps.count() / seconds : Double.NaN;
    }
}
