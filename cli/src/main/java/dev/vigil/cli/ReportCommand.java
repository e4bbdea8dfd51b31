package dev.vigil.cli;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.reports.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil report}: re-renders index.html, report.pdf, junit.xml and summary.md from a saved results.json. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-renders index.html, report.pdf, junit.xml and summary.md from saved results.",
            "Runs no model. With --policy the results are gated anew and the new verdict is written into the output folder's"
                + " results.json, so the SHA-256 the report quotes always describes the results.json beside it; without --policy"
                + " the saved verdict is kept. Figures are read from the folder of RESULTS and embedded."},
        footer = {"", "Exit codes: 0 every error-severity rule of the verdict holds (or there is no verdict), 1 one fails,"
            + " 2 a usage or input error, 3 an internal error."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "The results.json an audit wrote.")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: the folder of RESULTS.")
    Path out;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Gate the results anew on this YAML policy (docs/policy.md). Default: keep the verdict saved in RESULTS.")
    Path policyFile;

    @Option(names = "--pdf", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also write report.pdf, the report printed to A4 (--no-pdf: only index.html, and an older report.pdf"
                    + " in the output folder is removed). Default: ${DEFAULT-VALUE}.")
    boolean pdf;

    @Override
    public Integer call() throws Exception {
        AuditResults saved = ResultsJson.read(results);
        Path source = results.toAbsolutePath().normalize().getParent();
        Path target = (out == null ? source : out.toAbsolutePath().normalize());
        Files.createDirectories(target);
        Path json = target.resolve("results.json");
        boolean sameFolder = Files.isSameFile(source, target);
        AuditResults rendered = saved;
        if (policyFile != null) {
            rendered = saved.withVerdict(Gate.evaluate(PolicyFile.read(policyFile), saved));
            ResultsJson.write(rendered, json);
        } else if (!sameFolder) {
            Files.copy(results, json, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!sameFolder && Files.isRegularFile(source.resolve("samples.csv"))) {
            Files.copy(source.resolve("samples.csv"), target.resolve("samples.csv"), StandardCopyOption.REPLACE_EXISTING);
        }
        ReportFiles.write(rendered, Hashing.sha256(json), source, target, pdf);
        if (rendered.verdict() != null) {
            VerdictPrinter.print(rendered.verdict(), System.out);
        }
        System.out.println("Report: " + target.resolve(ReportFiles.HTML) + (pdf ? " (and " + ReportFiles.PDF + ")" : ""));
        return rendered.verdict() != null && rendered.verdict().gateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
