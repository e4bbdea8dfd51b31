package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Norm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Square attack's settings: queries per image and restart (one more for the starting point), the
 * window's initial share of the image, and restarts. The defaults are AutoAttack's: 5000 queries, 0.8, 1.
 */
public record SquareSettings(int queries, double pInit, int restarts) implements AttackRecipe {
    public static final SquareSettings DEFAULT = new SquareSettings(5000, 0.8, 1);

    public SquareSettings {
        if (queries < 1) {
            throw new InputError("--square-queries must be at least 1, not " + queries + ".");
        }
        if (!(pInit > 0 && pInit <= 1)) {
            throw new InputError("--square-p-init must be in (0, 1], not " + pInit + ".");
        }
        if (restarts < 1) {
            throw new InputError("--square-restarts must be at least 1, not " + restarts + ".");
        }
    }

    @Override
    public Attack create(Norm norm, long seed) {
        Attack single = new SquareAttack(norm, this, seed);
        return restarts > 1 ? new Restarts(single, restarts) : single;
    }

    @Override
    public String summary() {
        return "Square (Andriushchenko et al. 2020) is a random search that uses only the model's logits, never its gradient:"
                + " each of up to " + queries + " queries per image changes one random square window of the best image so far and"
                + " keeps the change when the margin loss falls. Because it needs no gradient, it still finds adversarial images"
                + " when gradients are masked or unavailable; it is AutoAttack's last attack. Images the model already gets wrong"
                + " are not attacked.";
    }

    @Override
    public String loss() {
        return "margin of the logits per image: the true class's logit minus the largest other (minimised)";
    }

    @Override
    public Map<String, String> reportSettings(long seed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("queries", queries + " per image and restart, plus one for the starting point");
        settings.put("initial window share", Double.toString(pInit) + ", halved on the paper's schedule rescaled to the queries");
        settings.put("restarts", Integer.toString(restarts));
        settings.put("randomness", "windows and signs drawn per image from the audit seed " + seed);
        settings.put("early exit", "an image leaves the search as soon as it is misclassified");
        return settings;
    }
}
