package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Norm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AutoAttack suite's settings: its members' (Croce and Hein 2020, "standard" version without FAB-T).
 * Its attack is the {@link Cascade} of APGD-CE, APGD-T and Square.
 */
public record AutoAttackSettings(ApgdSettings apgdCe, ApgdSettings apgdT, SquareSettings square) implements AttackRecipe {
    public static final AutoAttackSettings DEFAULT = new AutoAttackSettings(ApgdSettings.CE, ApgdSettings.TARGETED, SquareSettings.DEFAULT);

    @Override
    public Attack create(Norm norm, long seed) {
        return new Cascade(List.of(apgdCe.create(norm, seed), apgdT.create(norm, seed), square.create(norm, seed)));
    }

    @Override
    public String summary() {
        return "AutoAttack (Croce and Hein 2020) counts an image as robust only if it survives APGD-CE, APGD-T and the"
                + " black-box Square attack; this is AutoAttack's \"standard\" suite without its fourth member FAB-T, which Vigil"
                + " does not implement, the standard that robustness benchmarks such as RobustBench accept instead of fixed-step"
                + " PGD. Each member runs on every image the model gets right, so each has its own robust accuracy; an image"
                + " counts as broken by the first member in AutoAttack's order that broke it, and the ensemble leaves exactly the"
                + " images AutoAttack's cascade leaves, because each member's search on an image depends on that image alone.";
    }

    @Override
    public String loss() {
        return "APGD-CE: cross-entropy; APGD-T: targeted DLR; Square: margin";
    }

    @Override
    public Map<String, String> reportSettings(long seed) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("members", "APGD-CE, APGD-T, Square, in this order (FAB-T of the standard suite is left out)");
        settings.put("APGD-CE", apgdCe.steps() + " iterations, " + apgdCe.restarts() + " restart(s)");
        settings.put("APGD-T", apgdT.steps() + " iterations, " + apgdT.targets() + " targets, " + apgdT.restarts() + " restart(s)");
        settings.put("Square", square.queries() + " queries, initial window share " + square.pInit() + ", " + square.restarts()
                + " restart(s)");
        settings.put("seed", "every member's random draws per image from the audit seed " + seed);
        return settings;
    }
}
