package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AttackCatalogue;
import picocli.CommandLine;

/** Entry point of the {@code vigil} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 pass, 1 a gate failed, 2 input error, 3 internal error). */
    public static int run(String... args) {
        return run(AttackCatalogue.builtIn(), args);
    }

    /** Runs the command line with the attacks of {@code catalogue} (the built-in ones, or more for an extension). */
    public static int run(AttackCatalogue catalogue, String... args) {
        return run(catalogue, dev.vigil.core.audit.PassRunner.LOCAL, args);
    }

    /** Runs the command line with 'audit' running its probes' per-sample passes by {@code passes}. */
    static int run(AttackCatalogue catalogue, dev.vigil.core.audit.PassRunner passes, String... args) {
        // Before any DJL class loads: no network, and DJL's log lines (the CUDA-driver warning on
        // machines without a GPU, say) stay out of the user's terminal unless --verbose asks for them.
        System.setProperty("ai.djl.offline", "true");
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        CommandLine cmd = newCommandLine(catalogue);
        ((AuditCommand) cmd.getSubcommands().get("audit").getCommand()).passes = passes;
        try {
            ConfigDefaults.install(cmd, args);
        } catch (dev.vigil.core.InputError e) {
            System.err.println("vigil: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        return cmd.execute(args);
    }

    static CommandLine newCommandLine(AttackCatalogue catalogue) {
        CommandLine cmd = new CommandLine(new VigilCommand());
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getCommand() instanceof ProbeCommand command) {
                command.probeSelection().install(sub.getCommandSpec(), catalogue);
            }
        }
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setParameterExceptionHandler(new ErrorHandler.Usage());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpAutoWidth(true);
        return cmd;
    }
}
