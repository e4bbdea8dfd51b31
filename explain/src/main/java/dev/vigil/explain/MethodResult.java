package dev.vigil.explain;

import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.quality.AttributionDrift;
import dev.vigil.explain.quality.DeletionInsertion;
import dev.vigil.explain.quality.FaithfulnessCheck;
import dev.vigil.explain.quality.RandomizationCheck;
import java.util.List;

/**
 * What one method produced on the selection: its maps and their quality checks.
 *
 * @param faithfulness  the symmetric relevance gain and its comparison with the controls
 * @param curves        deletion and insertion (secondary numbers)
 * @param randomization the randomization check, or null when it did not run
 */
record MethodResult(AttributionMethod method, Attributions maps, FaithfulnessCheck.Result faithfulness, DeletionInsertion.Curves curves,
                    RandomizationCheck.Result randomization, List<AttributionDrift.Result> drift) {
}
