package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AdversarialPlan;
import dev.vigil.attacks.adversarial.AdversarialProbe;
import dev.vigil.attacks.adversarial.Epsilon;
import dev.vigil.attacks.adversarial.Norm;
import dev.vigil.attacks.adversarial.PgdSettings;
import dev.vigil.attacks.adversarial.StepSize;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.Probe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** The adversarial probe's options: which attacks, which norms and budgets, and how PGD searches. */
final class AttackOptions implements ProbeOptions {
    @Option(names = "--attacks", split = ",", defaultValue = "fgsm,pgd", paramLabel = "fgsm,pgd|none",
            description = "Adversarial attacks to run: fgsm, pgd, or none. Default: ${DEFAULT-VALUE}.")
    List<String> attacks;

    @Option(names = "--norms", split = ",", defaultValue = "linf,l2", paramLabel = "linf,l2",
            description = "Threat models: linf (no pixel moves by more than ε) and l2 (the change has Euclidean length at most ε). Default: ${DEFAULT-VALUE}.")
    List<String> norms;

    @Option(names = "--eps", split = ",", defaultValue = "1/255,2/255,4/255,8/255", paramLabel = "LIST",
            description = "L∞ budgets in pixel units [0, 1]; decimals or fractions (8/255 is eight grey levels). Default: ${DEFAULT-VALUE}.")
    List<String> linfEps;

    @Option(names = "--l2-eps", split = ",", defaultValue = "0.25,0.5,1.0", paramLabel = "LIST",
            description = "L2 budgets: the Euclidean length of the whole change in pixel units. Default: ${DEFAULT-VALUE}.")
    List<String> l2Eps;

    @Option(names = "--pgd-steps", defaultValue = "10", paramLabel = "N",
            description = "Gradient steps of each PGD run. Default: ${DEFAULT-VALUE}.")
    int pgdSteps;

    @Option(names = "--pgd-step-size", defaultValue = "eps/4", paramLabel = "eps/K|SIZE",
            description = "PGD step size: a share of each ε (eps/4, 0.5*eps) or one fixed size (1/255). Default: ${DEFAULT-VALUE}.")
    String pgdStepSize;

    @Option(names = "--pgd-restarts", defaultValue = "1", paramLabel = "N",
            description = "PGD runs from different random starts; the worst case per image is kept. Default: ${DEFAULT-VALUE}.")
    int pgdRestarts;

    @Option(names = "--targeted", paramLabel = "least-likely|CLASS",
            description = "Push images towards a target class instead of away from their own: least-likely (each image's least likely class), or a class name or index. Default: untargeted.")
    String targeted;

    @Option(names = "--check-images", defaultValue = "256", paramLabel = "N",
            description = "Images (a seeded sample) on which the costlier soundness checks run: a repeated forward pass and the attack at ε = 1. Default: ${DEFAULT-VALUE}.")
    int checkImages;

    @Override
    public List<Probe> probes() {
        AdversarialPlan plan = plan();
        return plan == null ? List.of() : List.of(new AdversarialProbe(plan));
    }

    /** The plan the options ask for, or null for --attacks none. */
    AdversarialPlan plan() {
        Set<String> chosen = new LinkedHashSet<>();
        for (String a : attacks) {
            String name = a.strip().toLowerCase(Locale.ROOT);
            if (!List.of("fgsm", "pgd", "none").contains(name)) {
                throw new InputError("--attacks takes fgsm, pgd or none, not '" + a + "'.");
            }
            chosen.add(name);
        }
        if (chosen.contains("none")) {
            if (chosen.size() > 1) {
                throw new InputError("--attacks none cannot be combined with other attacks; give either none or fgsm,pgd.");
            }
            return null;
        }
        List<Norm> normList = new ArrayList<>();
        for (String n : norms) {
            Norm norm = Norm.parse(n);
            if (!normList.contains(norm)) {
                normList.add(norm);
            }
        }
        return new AdversarialPlan(chosen.contains("fgsm"), chosen.contains("pgd"), normList,
                Epsilon.parseList(linfEps, "--eps"), Epsilon.parseList(l2Eps, "--l2-eps"),
                new PgdSettings(pgdSteps, StepSize.parse(pgdStepSize), pgdRestarts, true),
                targeted == null ? "none" : targeted, checkImages);
    }
}
