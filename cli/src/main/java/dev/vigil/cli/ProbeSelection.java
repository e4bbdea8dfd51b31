package dev.vigil.cli;

import dev.vigil.core.audit.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * Every probe family's options, shared by 'audit' and 'demo'. Each family is a picocli mixin that
 * implements {@link ProbeOptions}; add its field here and to {@link #families()}.
 */
@picocli.CommandLine.Command
final class ProbeSelection {
    @picocli.CommandLine.Mixin
    ExplainOptions explain;

    List<ProbeOptions> families() {
        return List.of(explain);
    }

    /** The probes the options ask for, in order: adversarial, drift, explanations. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        families().forEach(f -> probes.addAll(f.probes()));
        return probes;
    }
}
