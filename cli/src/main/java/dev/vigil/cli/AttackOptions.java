package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AdversarialPlan;
import dev.vigil.attacks.adversarial.AdversarialProbe;
import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.attacks.adversarial.AttackDefinition;
import dev.vigil.attacks.adversarial.AttackOption;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The adversarial probe's options: which attacks, which norms and budgets, the targeting, and each
 * attack's own settings. The attacks and their options come from the {@link AttackCatalogue}:
 * {@link #install} adds every attack's options to the command and lists the attacks in
 * {@code --help}, so a new attack needs no code here.
 */
final class AttackOptions implements ProbeOptions {
    @Option(names = "--attacks", split = ",", defaultValue = "fgsm,pgd", paramLabel = "LIST",
            description = "Adversarial attacks to run (comma-separated; each is described under 'Attacks' below), autoattack"
                    + " for the AutoAttack suite (apgd-ce,apgd-t,square and their ensemble), or none. Default: ${DEFAULT-VALUE};"
                    + " its PGD robust accuracy is an upper bound.")
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

    @Option(names = "--targeted", paramLabel = "least-likely|CLASS",
            description = "Push images towards a target class instead of away from their own: least-likely (each image's least likely class), or a class name or index. Default: untargeted.")
    String targeted;

    @Option(names = "--check-images", defaultValue = "256", paramLabel = "N",
            description = "Images (a seeded sample) on which the costlier soundness checks run: a repeated forward pass and the attack at ε = 1. Default: ${DEFAULT-VALUE}.")
    int checkImages;

    private AttackCatalogue catalogue = AttackCatalogue.builtIn();
    private final Map<String, OptionSpec> attackOptions = new LinkedHashMap<>();

    /**
     * Adds the options of every attack in {@code catalogue} to {@code command} (the command this mixin
     * belongs to), and the list of attacks to its help, and reads the options from there when the plan
     * is made. They are plain options of the command, so a config file sets them like any other.
     */
    void install(CommandSpec command, AttackCatalogue catalogue) {
        this.catalogue = catalogue;
        for (AttackDefinition definition : catalogue.all()) {
            for (AttackOption option : definition.options()) {
                OptionSpec spec = OptionSpec.builder(option.name()).paramLabel(option.paramLabel()).type(String.class)
                        .defaultValue(option.defaultValue()).description(option.description() + " Default: ${DEFAULT-VALUE}.").build();
                command.addOption(spec);
                attackOptions.put(option.name(), spec);
            }
        }
        List<String> footer = new ArrayList<>(List.of("", "Attacks (--attacks):"));
        catalogue.all().forEach(d -> footer.add("  " + d.id() + ": " + d.summary()
                + (d.options().isEmpty() ? "" : " (" + d.options().stream().map(AttackOption::name).collect(Collectors.joining(", ")) + ")")));
        footer.add("  " + AttackCatalogue.AUTOATTACK.id() + ": " + AttackCatalogue.AUTOATTACK.summary());
        footer.addAll(List.of(command.usageMessage().footer()));
        command.usageMessage().footer(footer.toArray(String[]::new));
    }

    @Override
    public List<Probe<?>> probes() {
        AdversarialPlan plan = plan();
        return plan == null ? List.of() : List.of(new AdversarialProbe(plan));
    }

    /** The plan the options ask for, or null for --attacks none. */
    AdversarialPlan plan() {
        List<AttackDefinition> chosen = catalogue.select(attacks);
        if (chosen.isEmpty()) {
            return null;
        }
        List<Norm> normList = new ArrayList<>();
        for (String n : norms) {
            Norm norm = Norm.parse(n);
            if (!normList.contains(norm)) {
                normList.add(norm);
            }
        }
        List<AdversarialPlan.ChosenAttack> configured = chosen.stream()
                .map(d -> new AdversarialPlan.ChosenAttack(d, d.recipe(this::optionValue))).toList();
        return new AdversarialPlan(configured, normList, Epsilon.parseList(linfEps, "--eps"), Epsilon.parseList(l2Eps, "--l2-eps"),
                targeted == null ? "none" : targeted, checkImages);
    }

    private String optionValue(String name) {
        OptionSpec spec = attackOptions.get(name);
        return spec == null ? null : spec.getValue();
    }
}
