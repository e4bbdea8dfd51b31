package dev.vigil.cli;

import picocli.CommandLine.Command;

/** The top-level command: only subcommands do work. */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {"Audits a trained image classifier before it is deployed: adversarial robustness,",
            "drift under natural changes, and explanations, in one report with a pass/fail verdict."},
        subcommands = {AuditCommand.class, DemoCommand.class, ExplainCommand.class, GateCommand.class, ReportCommand.class, CompareCommand.class,
            BenchCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 every gate held, 1 a gate failed, 2 a usage or input error, 3 an internal error."})
final class VigilCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is needed (audit, demo, explain, gate, report, compare)");
    }
}
