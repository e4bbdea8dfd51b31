package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from a YAML file given with {@code --config}: each key is an option's long name
 * without its dashes ({@code eps}, {@code pgd-steps}, {@code drift}), each value a scalar or a list.
 * They replace the built-in defaults; options typed on the command line still win.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    static final String OPTION = "--config";
    private static final Set<String> NOT_CONFIGURABLE = Set.of("config", "help", "version", "verbose");

    private final Path file;
    private final Map<String, String> values;

    private ConfigDefaults(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /**
     * When the command line runs a subcommand that has {@code --config} and names a file with it,
     * reads the file and makes it that subcommand's default value provider.
     *
     * @throws InputError when the file cannot be read or sets something that is not an option of the command
     */
    static void install(CommandLine root, String[] args) {
        if (args.length == 0 || !root.getSubcommands().containsKey(args[0])) {
            return;
        }
        CommandLine command = root.getSubcommands().get(args[0]);
        if (command.getCommandSpec().findOption(OPTION) == null) {
            return;
        }
        Path file = configPath(args);
        if (file != null) {
            command.setDefaultValueProvider(read(file, command.getCommandSpec()));
        }
    }

    private static Path configPath(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(OPTION + "=")) {
                return Path.of(args[i].substring(OPTION.length() + 1));
            }
        }
        return null;
    }

    static ConfigDefaults read(Path file, CommandSpec command) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputError("The config file " + file + " could not be read (" + InputError.firstLine(e) + "); check the path and its YAML.", e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new ConfigDefaults(file, Map.of());
        }
        if (!root.isObject()) {
            throw new InputError("The config file " + file + " must be a YAML mapping of option names to values (eps: [1/255, 8/255]).");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("verbose")) {
                throw new InputError("The config file " + file + " sets 'verbose', which takes effect before the file is read;"
                        + " give --verbose on the command line instead.");
            }
            if (NOT_CONFIGURABLE.contains(key) || command.findOption("--" + key) == null) {
                throw new InputError("The config file " + file + " sets '" + key + "', which is not an option of 'vigil "
                        + command.name() + "'; its keys are option names without the dashes: " + optionNames(command) + ".");
            }
            values.put(key, text(file, key, e.getValue()));
        }
        return new ConfigDefaults(file, values);
    }

    private static String text(Path file, String key, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    throw new InputError("The config file " + file + " gives '" + key + "' a list whose items are not plain values.");
                }
                items.add(item.asText());
            }
            return String.join(",", items);
        }
        throw new InputError("The config file " + file + " gives '" + key + "' no value or a mapping; give a value or a list.");
    }

    private static String optionNames(CommandSpec command) {
        return command.options().stream().map(OptionSpec::longestName).filter(n -> n.startsWith("--"))
                .map(n -> n.substring(2)).filter(n -> !NOT_CONFIGURABLE.contains(n)).collect(Collectors.joining(", "));
    }

    /** The file's values by option name without the dashes, in the file's order. */
    Map<String, String> values() {
        return values;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && option.longestName().startsWith("--")) {
            return values.get(option.longestName().substring(2));
        }
        return null;
    }

    /** What the file set, for provenance: "config.yaml: eps=1/255,8/255; drift=none". */
    String describe() {
        return file + (values.isEmpty() ? " (empty)" : ": " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
}
