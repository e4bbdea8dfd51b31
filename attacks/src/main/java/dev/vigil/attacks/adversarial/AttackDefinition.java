package dev.vigil.attacks.adversarial;

import dev.vigil.core.model.Capability;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One entry of the {@link AttackCatalogue}: everything the command line, the adversarial probe and
 * the report need to know about an attack.
 *
 * @param id                 e.g. "pgd": the value of {@code --attacks}, the start of metric names and row probes
 * @param title              e.g. "PGD", for people
 * @param summary            one line for {@code --help}
 * @param needs              what the attack needs from the model
 * @param sharesCleanGradient whether the attack only steps from the clean images along the loss gradient
 *                           there (FGSM): such attacks share one gradient per batch with each other and
 *                           with the soundness checks, in one pass over the data, and are reported
 *                           before the checks; every other attack gets a pass of its own
 * @param options            the attack's own command-line options
 * @param configure          turns the options' values (looked up by option name) into the attack's settings;
 *                           throws {@link dev.vigil.core.InputError} for a bad value
 * @param atLeastAsStrongAs  ids of attacks this one should never be weaker than at the same budget, norm and
 *                           target; when it is, a red flag says the gradients mislead it
 */
public record AttackDefinition(String id, String title, String summary, Set<Capability> needs, boolean sharesCleanGradient,
                               List<AttackOption> options, Function<UnaryOperator<String>, AttackRecipe> configure,
                               List<String> atLeastAsStrongAs) {
    public AttackDefinition {
        needs = Set.copyOf(needs);
        options = List.copyOf(options);
        atLeastAsStrongAs = List.copyOf(atLeastAsStrongAs);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("attack ids are lower-case words with dashes, not '" + id + "'");
        }
    }

    /** The settings for the given option values ({@code name -> value}); absent options take their defaults. */
    public AttackRecipe recipe(UnaryOperator<String> values) {
        return configure.apply(name -> {
            String value = values.apply(name);
            return value != null ? value : options.stream().filter(o -> o.name().equals(name)).findFirst()
                    .map(AttackOption::defaultValue).orElseThrow(() -> new IllegalArgumentException(
                            id + " reads the option " + name + ", which its catalogue entry does not declare"));
        });
    }

    /** The settings with every option at its default. */
    public AttackRecipe defaultRecipe() {
        return recipe(name -> null);
    }
}
