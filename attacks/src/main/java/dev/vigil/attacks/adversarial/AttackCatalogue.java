package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;
import dev.vigil.core.model.Capability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The attacks Vigil knows, in the order they run and are reported. The command line validates
 * {@code --attacks} against it and builds each attack's options and help from it; the adversarial
 * probe creates attacks from it. A new attack is one {@link Attack} class plus one entry here (or,
 * for an extension, {@link #with}).
 */
public final class AttackCatalogue {
    public static final AttackDefinition FGSM = new AttackDefinition("fgsm", "FGSM",
            "fast gradient sign method: one step of size ε along the loss gradient (Goodfellow et al. 2015)",
            EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT), true, List.of(), values -> new FgsmSettings(), List.of());

    public static final AttackDefinition PGD = new AttackDefinition("pgd", "PGD",
            "projected gradient descent from a random start, steps projected onto the ε-ball (Madry et al. 2018)",
            EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT), false,
            List.of(new AttackOption("--pgd-steps", "N", "10", "Gradient steps of each PGD run."),
                    new AttackOption("--pgd-step-size", "eps/K|SIZE", "eps/4",
                            "PGD step size: a share of each ε (eps/4, 0.5*eps) or one fixed size (1/255)."),
                    new AttackOption("--pgd-restarts", "N", "1",
                            "PGD runs from different random starts; the worst case per image is kept.")),
            values -> new PgdSettings(integer(values.apply("--pgd-steps"), "--pgd-steps"),
                    StepSize.parse(values.apply("--pgd-step-size")), integer(values.apply("--pgd-restarts"), "--pgd-restarts"), true),
            List.of("fgsm"));

    public static final AttackDefinition APGD_CE = new AttackDefinition("apgd-ce", "APGD-CE",
            "APGD on the cross-entropy: step-size-free PGD with momentum and checkpoints (Croce and Hein 2020), AutoAttack's first attack",
            EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT), false,
            List.of(new AttackOption("--apgd-steps", "N", "100", "APGD-CE iterations per run."),
                    new AttackOption("--apgd-restarts", "N", "1", "APGD-CE runs from different random starts.")),
            values -> new ApgdSettings(ApgdLoss.CROSS_ENTROPY, integer(values.apply("--apgd-steps"), "--apgd-steps"),
                    integer(values.apply("--apgd-restarts"), "--apgd-restarts"), 0),
            List.of("fgsm", "pgd"));

    public static final AttackDefinition APGD_T = new AttackDefinition("apgd-t", "APGD-T",
            "APGD on the targeted DLR loss against the most likely wrong classes in turn (Croce and Hein 2020), AutoAttack's second attack",
            EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT), false,
            List.of(new AttackOption("--apgd-t-steps", "N", "100", "APGD-T iterations per run and target."),
                    new AttackOption("--apgd-t-restarts", "N", "1", "APGD-T runs from different random starts."),
                    new AttackOption("--apgd-t-targets", "N", "9", "APGD-T targets: the N most likely wrong classes (at most classes - 1).")),
            values -> new ApgdSettings(ApgdLoss.DLR_TARGETED, integer(values.apply("--apgd-t-steps"), "--apgd-t-steps"),
                    integer(values.apply("--apgd-t-restarts"), "--apgd-t-restarts"),
                    integer(values.apply("--apgd-t-targets"), "--apgd-t-targets")),
            List.of("fgsm", "pgd"));

    public static final AttackDefinition SQUARE = new AttackDefinition("square", "Square",
            "score-based random search on square windows using logits only, no gradient (Andriushchenko et al. 2020), AutoAttack's black-box attack",
            EnumSet.of(Capability.LOGITS), false,
            List.of(new AttackOption("--square-queries", "N", "5000", "Square queries per image."),
                    new AttackOption("--square-p-init", "P", "0.8", "Square's initial window share of the image."),
                    new AttackOption("--square-restarts", "N", "1", "Square runs with different random draws.")),
            values -> new SquareSettings(integer(values.apply("--square-queries"), "--square-queries"),
                    decimal(values.apply("--square-p-init"), "--square-p-init"),
                    integer(values.apply("--square-restarts"), "--square-restarts")),
            List.of());

    /**
     * The AutoAttack suite: {@code --attacks autoattack} runs its members, and when all of them run untargeted the
     * audit adds the ensemble ({@code autoattack.<norm>.eps=<ε>.*}). Its settings are its members'.
     */
    public static final AttackDefinition AUTOATTACK = new AttackDefinition("autoattack", "AutoAttack",
            "the AutoAttack ensemble (Croce and Hein 2020): apgd-ce, apgd-t and square; an image is robust only if it survives all"
                    + " three (the \"standard\" suite without FAB-T)",
            EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT), false,
            java.util.stream.Stream.of(APGD_CE, APGD_T, SQUARE).flatMap(d -> d.options().stream()).toList(),
            values -> new AutoAttackSettings((ApgdSettings) APGD_CE.recipe(values), (ApgdSettings) APGD_T.recipe(values),
                    (SquareSettings) SQUARE.recipe(values)),
            List.of());

    private final List<AttackDefinition> definitions;

    private AttackCatalogue(List<AttackDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    /** The attacks that ship with Vigil. */
    public static AttackCatalogue builtIn() {
        return new AttackCatalogue(List.of(FGSM, PGD, APGD_CE, APGD_T, SQUARE));
    }

    /** This catalogue with one more attack after the others. */
    public AttackCatalogue with(AttackDefinition extra) {
        if (definitions.stream().anyMatch(d -> d.id().equals(extra.id()))) {
            throw new IllegalArgumentException("the catalogue already has an attack '" + extra.id() + "'");
        }
        List<AttackDefinition> out = new ArrayList<>(definitions);
        out.add(extra);
        return new AttackCatalogue(out);
    }

    public List<AttackDefinition> all() {
        return definitions;
    }

    public List<String> ids() {
        return definitions.stream().map(AttackDefinition::id).toList();
    }

    public AttackDefinition byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return definitions.stream().filter(d -> d.id().equals(wanted)).findFirst().orElseThrow(() -> new InputError(
                "--attacks takes " + String.join(", ", ids()) + ", " + AUTOATTACK.id() + " or none, not '" + id.strip() + "'."));
    }

    /**
     * The attacks an {@code --attacks} list names, in catalogue order; empty for "none", which must stand
     * alone.
     */
    public List<AttackDefinition> select(List<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        boolean none = false;
        for (String name : names) {
            if (name.strip().equalsIgnoreCase("none")) {
                none = true;
            } else if (name.strip().equalsIgnoreCase(AUTOATTACK.id())) {
                AutoAttackSuite.MEMBERS.forEach(m -> chosen.add(byId(m.id()).id()));
            } else {
                chosen.add(byId(name).id());
            }
        }
        if (none && !chosen.isEmpty()) {
            throw new InputError("--attacks none cannot be combined with other attacks; give either none or a list such as "
                    + String.join(",", ids()) + ".");
        }
        return definitions.stream().filter(d -> chosen.contains(d.id())).collect(Collectors.toList());
    }

    static double decimal(String text, String option) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InputError(option + " takes a number, not '" + text + "'.");
        }
    }

    static int integer(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InputError(option + " takes a whole number, not '" + text + "'.");
        }
    }
}
