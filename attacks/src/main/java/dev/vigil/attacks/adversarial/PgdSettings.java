package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.Format;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How PGD searches: gradient steps per run, the step size, how many random restarts (the worst case
 * per image is kept) and whether each run starts at a random point of the ball or at the image.
 */
public record PgdSettings(int steps, StepSize stepSize, int restarts, boolean randomStart) implements AttackRecipe {
    public static final PgdSettings DEFAULT = new PgdSettings(10, StepSize.QUARTER_OF_EPS, 1, true);

    public PgdSettings {
        if (steps < 1) {
            throw new InputError("--pgd-steps must be at least 1, not " + steps + ".");
        }
        if (restarts < 1) {
            throw new InputError("--pgd-restarts must be at least 1, not " + restarts + ".");
        }
    }

    @Override
    public Attack create(Norm norm, long seed) {
        Attack single = new ProjectedGradientDescent(norm, this, seed);
        return restarts > 1 ? new Restarts(single, restarts) : single;
    }

    /**
     * A quarter of the steps, each as much longer as keeps the path length (steps times step size): with the
     * same step size the shorter run would be the first part of the full one, which cannot break an image
     * the full run misses, since an image leaves the search at its first success.
     */
    @Override
    public Optional<FewerIterations> fewerIterations(int fraction) {
        int fewer = FewerIterations.of(steps, fraction);
        if (fewer == steps) {
            return Optional.empty();
        }
        double longer = (double) steps / fewer;
        StepSize step = stepSize.absolute() == null ? new StepSize(stepSize.relative() * longer, null)
                : new StepSize(0, new Epsilon(
                        Format.exact(stepSize.absolute().value() * longer), stepSize.absolute().value() * longer));
        String ratio = steps % fewer == 0 ? Integer.toString(steps / fewer) : steps + "/" + fewer;
        return Optional.of(new FewerIterations(new PgdSettings(fewer, step, restarts, randomStart),
                steps + " steps of " + stepSize, fewer + " steps, each " + ratio + " times as long"));
    }

    @Override
    public String summary() {
        return "PGD takes " + steps + " gradient steps of size " + stepSize
                + " from a random point inside the ε-ball, projecting back onto the ball and onto valid pixels after"
                + " each step" + (restarts > 1 ? ", with " + restarts + " restarts keeping the worst case per image" : "")
                + ". It is the standard first-order attack for measuring robustness; images the model already gets wrong"
                + " are not attacked.";
    }

    @Override
    public Map<String, String> reportSettings(long seed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("steps", Integer.toString(steps));
        settings.put("step size", stepSize.toString());
        settings.put("restarts", Integer.toString(restarts));
        settings.put("random start", "uniform in the L∞ ball; in L2 a uniform direction with a radius uniform in [0, ε];"
                + " drawn per image from the audit seed " + seed);
        settings.put("early exit", "an image leaves the search as soon as the attack succeeds on it");
        return settings;
    }
}
