package dev.vigil.attacks.adversarial;

/**
 * A command-line option of one attack, declared by its catalogue entry (e.g. PGD's {@code --pgd-steps}),
 * so that the command line, a config file and {@code --help} know it without code of their own.
 *
 * @param name         the long option name with its dashes, e.g. "--pgd-steps"
 * @param paramLabel   what the value looks like in help, e.g. "N"
 * @param defaultValue the value when the option is not given
 * @param description  one sentence for {@code --help}
 */
public record AttackOption(String name, String paramLabel, String defaultValue, String description) {
    public AttackOption {
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("attack options are long options starting with --, not " + name);
        }
    }
}
