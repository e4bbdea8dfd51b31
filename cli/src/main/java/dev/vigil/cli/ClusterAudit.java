package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.PassRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanProbe;
import dev.vigil.core.model.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What a cluster runner needs from the command line: the audit with its per-sample passes run
 * elsewhere, and on every executor the same data, model request and probes that the audit's options
 * resolve to on the driver, so that a shard's rows are the rows one machine would have written.
 */
public final class ClusterAudit {
    private ClusterAudit() {
    }

    /** Runs {@code vigil audit <auditArgs>} with the probes' passes run by {@code passes}; returns the exit code. */
    public static int run(PassRunner passes, String... auditArgs) {
        String[] args = new String[auditArgs.length + 1];
        args[0] = "audit";
        System.arraycopy(auditArgs, 0, args, 1, auditArgs.length);
        return Main.run(AttackCatalogue.builtIn(), passes, args);
    }

    /**
     * The audit that {@code auditArgs} describe, resolved as the driver resolves it (config file, options,
     * data listing, --limit, input size). Throws {@link InputError} for options the driver would refuse.
     */
    public static Worker worker(String... auditArgs) {
        System.setProperty("ai.djl.offline", "true");
        CommandLine root = Main.newCommandLine(AttackCatalogue.builtIn());
        String[] args = new String[auditArgs.length + 1];
        args[0] = "audit";
        System.arraycopy(auditArgs, 0, args, 1, auditArgs.length);
        ConfigDefaults.install(root, args);
        try {
            root.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new InputError(e.getMessage(), e);
        }
        AuditCommand command = root.getSubcommands().get("audit").getCommand();
        AuditRequest request = command.request();
        AuditRunner.Setup setup = AuditRunner.Setup.of(request);
        List<Probe<?>> probes = new ArrayList<>();
        probes.add(new CleanProbe());
        probes.addAll(request.probes());
        return new Worker(setup.dataset(), setup.modelRequest(request), request.batchSize(), request.seed(), List.copyOf(probes));
    }

    /**
     * One executor's view of the audit.
     *
     * @param probes the clean probe, then the probes the options ask for, in the audit's order
     */
    public record Worker(Dataset dataset, ModelRequest modelRequest, int batchSize, long seed, List<Probe<?>> probes) {
        /** The probe with this id. */
        public Probe<?> probe(String id) {
            Optional<Probe<?>> found = probes.stream().filter(p -> p.id().equals(id)).findFirst();
            return found.orElseThrow(() -> new IllegalStateException("the audit has no probe " + id));
        }
    }
}
