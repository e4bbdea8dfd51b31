package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Norm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * APGD's settings: the loss (cross-entropy for APGD-CE, the targeted DLR for APGD-T), iterations per run,
 * restarts, and for APGD-T how many of the most likely wrong classes are tried as targets in turn.
 * The defaults are those of AutoAttack's "standard" version: 100 iterations, 1 restart, 9 targets.
 */
public record ApgdSettings(ApgdLoss lossFunction, int steps, int restarts, int targets) implements AttackRecipe {
    public static final ApgdSettings CE = new ApgdSettings(ApgdLoss.CROSS_ENTROPY, 100, 1, 0);
    public static final ApgdSettings TARGETED = new ApgdSettings(ApgdLoss.DLR_TARGETED, 100, 1, 9);

    public ApgdSettings {
        String prefix = lossFunction == ApgdLoss.DLR_TARGETED ? "--apgd-t-" : "--apgd-";
        if (steps < 1) {
            throw new InputError(prefix + "steps must be at least 1, not " + steps + ".");
        }
        if (restarts < 1) {
            throw new InputError(prefix + "restarts must be at least 1, not " + restarts + ".");
        }
        if (lossFunction == ApgdLoss.DLR_TARGETED && targets < 1) {
            throw new InputError("--apgd-t-targets must be at least 1, not " + targets + ".");
        }
    }

    /** Names the stream of random starts, so APGD-CE and APGD-T draw their own. */
    String stream() {
        return lossFunction == ApgdLoss.DLR_TARGETED ? "apgd-t" : "apgd-ce";
    }

    @Override
    public Attack create(Norm norm, long seed) {
        Attack single = new AutoProjectedGradient(norm, this, seed);
        return restarts > 1 ? new Restarts(single, restarts) : single;
    }

    /** A quarter of the iterations; APGD's checkpoints are shares of the iterations, so the shorter run is its own schedule. */
    @Override
    public Optional<FewerIterations> fewerIterations(int fraction) {
        int fewer = FewerIterations.of(steps, fraction);
        return fewer == steps ? Optional.empty() : Optional.of(new FewerIterations(
                new ApgdSettings(lossFunction, fewer, restarts, targets), steps + " iterations", fewer + " iterations"));
    }

    @Override
    public String summary() {
        String which = lossFunction == ApgdLoss.DLR_TARGETED
                ? "APGD-T (Croce and Hein 2020) runs APGD with the targeted DLR loss once for each of the " + targets
                + " most likely wrong classes of the clean image, each run on the images the earlier ones did not break."
                : "APGD-CE (Croce and Hein 2020) runs APGD on the cross-entropy loss.";
        return which + " APGD needs no step size: it takes " + steps + " gradient steps with momentum from a random point on the"
                + " surface of the ε-ball, halving the step (from 2ε) at checkpoints where the loss stopped rising and restarting"
                + " there from the best point found. It is the first attack of AutoAttack; images the model already gets wrong"
                + " are not attacked.";
    }

    @Override
    public String loss() {
        return lossFunction.description() + (lossFunction == ApgdLoss.DLR_TARGETED ? "; with fewer than 4 classes, where the DLR is not defined,"
                + " the targeted cross-entropy" : "");
    }

    @Override
    public Map<String, String> reportSettings(long seed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("iterations", Integer.toString(steps));
        settings.put("restarts", Integer.toString(restarts));
        if (lossFunction == ApgdLoss.DLR_TARGETED) {
            settings.put("targets", targets + " most likely wrong classes (fewer when the model has fewer classes)");
        }
        settings.put("step size", "2ε at the start, halved at checkpoints (after 22% of the iterations, then intervals 3% shorter,"
                + " at least 6%) when the loss rose in at most 75% of the steps or the best loss stalled");
        settings.put("momentum", Double.toString(AutoProjectedGradient.MOMENTUM));
        settings.put("random start", "a uniform (L∞) or Gaussian (L2) direction scaled onto the ball's surface, drawn per image"
                + " from the audit seed " + seed);
        settings.put("early exit", "an image leaves the search as soon as it is misclassified");
        return settings;
    }
}
