package dev.vigil.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** The command line as the user typed it, for provenance. */
final class CommandLines {
    private CommandLines() {
    }

    static String current(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult() == null ? List.of()
                : rootArgs(spec);
        String typed = "vigil " + args.stream().map(CommandLines::quote).collect(Collectors.joining(" "));
        return spec.defaultValueProvider() instanceof ConfigDefaults config ? typed + " (config " + config.describe() + ")" : typed;
    }

    private static List<String> rootArgs(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root.commandLine().getParseResult().originalArgs();
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
