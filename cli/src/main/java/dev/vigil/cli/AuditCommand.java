package dev.vigil.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil audit}: audits a model on a labelled image set and writes the report. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audits a TorchScript image classifier on a labelled image set and gates the results on a policy.",
            "Writes index.html, results.json, samples.csv, junit.xml and summary.md into the output folder;"
                + " with --baseline also compare.html, compare.json and compare.md."},
        footer = {"", "Data: an image folder with one sub-folder per class (sorted names give label indices),",
            "or a CSV manifest of 'path,label' lines with paths relative to the CSV. With --labels, class names",
            "are looked up in the label file by name. Images over -Dvigil.maxImagePixels pixels (default 89478485) are skipped.",
            "Exit codes: 0 every gate held, 1 a gate failed, 2 a usage or input error, 3 an internal error."})
final class AuditCommand implements Callable<Integer>, ProbeCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR|CSV", description = "Labelled images: a class-per-folder directory or a CSV"
            + " manifest (the Spark job also takes a URI: hdfs://, s3a://, file:/..., and Parquet tables of path,label).")
    String data;

    @Mixin
    ModelOptions model;

    @Mixin
    TwinOptions twin;

    @Mixin
    RunOptions run;

    @Mixin
    ProbeSelection probes;

    @Mixin
    PolicyOptions policy;

    @Mixin
    BaselineOptions baseline;

    @Option(names = "--resume", description = "Continue the unfinished audit in --out (interrupted or killed) after its last finished"
            + " probe; the model, data and settings must be those of that run.")
    boolean resume;

    @Override
    public ProbeSelection probeSelection() {
        return probes;
    }

    /** Where the per-sample passes run: here, unless a cluster runner ({@link ClusterAudit}) set another. */
    dev.vigil.core.audit.PassRunner passes = dev.vigil.core.audit.PassRunner.LOCAL;

    @Override
    public Integer call() throws Exception {
        return AuditSession.runAndWrite(request(), run, policy, baseline, passes);
    }

    /** The audit the parsed options ask for, after checking them. */
    AuditRequest request() {
        model.check();
        run.check();
        return new AuditRequest(model.model, dev.vigil.core.data.DataLocation.parse(data), model.labels, model.normalization(), model.imageSize,
                model.channels, model.deviceChoice(), model.threads, run.batchSize, run.seed, run.limit, run.out,
                CommandLines.current(spec), probes.probes(), resume, twin.twin(model.model));
    }
}
