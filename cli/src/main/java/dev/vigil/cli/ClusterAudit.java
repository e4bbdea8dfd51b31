package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.PassRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.data.DataLocation;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanProbe;
import dev.vigil.core.model.ModelRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * What a cluster runner needs from the command line: the audit with its per-sample passes run
 * elsewhere, and on every executor the same data, model request and probes that the audit's options
 * resolve to on the driver, so that a shard's rows are the rows one machine would have written.
 */
public final class ClusterAudit {
    /** The audit's options whose values are files or folders. */
    private static final Set<String> PATH_OPTIONS = Set.of("--model", "--data", "--labels", "--policy", "--baseline",
            "--baseline-model", "--gradient-model", "--out");

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
     * {@code auditArgs} as an executor must read them, on another machine or in another working folder:
     * the config file's values become options (the file stays on the driver), and every relative local
     * path (model, data, labels, policy, baseline, output) becomes absolute against the driver's working
     * folder, which is where the user meant it. URIs and absolute paths pass unchanged.
     *
     * @throws InputError when the config file cannot be read or sets something that is not an audit option
     */
    public static String[] executorArgs(String... auditArgs) {
        List<String> out = new ArrayList<>();
        Set<String> given = new HashSet<>();
        Path config = null;
        for (int i = 0; i < auditArgs.length; i++) {
            String token = auditArgs[i];
            int eq = token.indexOf('=');
            String name = token.startsWith("--") && eq > 0 ? token.substring(0, eq) : token;
            given.add(name);
            boolean takesValue = name.equals(token) && i + 1 < auditArgs.length;
            if (name.equals(ConfigDefaults.OPTION)) {
                config = Path.of(eq > 0 ? token.substring(eq + 1) : takesValue ? auditArgs[++i] : "");
            } else if (PATH_OPTIONS.contains(name)) {
                String value = eq > 0 ? token.substring(eq + 1) : takesValue ? auditArgs[++i] : null;
                out.add(value == null ? token : name + "=" + absolute(value));
            } else {
                out.add(token);
            }
        }
        if (config != null) {
            CommandLine audit = Main.newCommandLine(AttackCatalogue.builtIn()).getSubcommands().get("audit");
            ConfigDefaults file = ConfigDefaults.read(config, audit.getCommandSpec());
            file.values().forEach((key, value) -> {
                String name = "--" + key;
                if (given.contains(name)) {
                    return; // the command line wins, as on the driver
                }
                if (audit.getCommandSpec().findOption(name).arity().max() == 0) {
                    if (Boolean.parseBoolean(value)) {
                        out.add(name);
                    }
                } else {
                    out.add(name + "=" + (PATH_OPTIONS.contains(name) ? absolute(value) : value));
                }
            });
        }
        return out.toArray(String[]::new);
    }

    private static String absolute(String value) {
        if (value.isEmpty() || DataLocation.parse(value).remote()) {
            return value;
        }
        return Path.of(value).toAbsolutePath().normalize().toString();
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
