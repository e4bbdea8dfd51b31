package dev.vigil.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every auditing command shares: batching, the seed, a sample limit, the output folder and whether it gets a PDF. */
final class RunOptions {
    @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N",
            description = "Images per batch. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed for every random choice (PGD starts, noise, sample selection). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Audit at most N samples, a seeded class-balanced subset; 0 means all. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report and results. Default: ${DEFAULT-VALUE}.",
            defaultValue = "vigil-report")
    Path out;

    @Option(names = "--pdf", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also write report.pdf, the report printed to A4 (--no-pdf: only index.html). Default: ${DEFAULT-VALUE}.")
    boolean pdf;

    @Option(names = ConfigDefaults.OPTION, paramLabel = "FILE",
            description = "YAML file of option values (keys are option names without the dashes, e.g. eps: [1/255, 8/255]);"
                    + " options on the command line win.")
    Path config;

    @Option(names = "--verbose", description = "Show engine log lines and stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--quiet", description = "No progress output on stderr.")
    boolean quiet;

    /** Refuses numbers picocli parses but no audit can use; a config file's values arrive here too. */
    void check() {
        OptionChecks.atLeast("--batch-size", batchSize, 1, "");
        OptionChecks.atLeast("--limit", limit, 0, " (0 audits every sample)");
    }
}
