package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.core.audit.Probe;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every probe family's options, shared by 'audit' and 'demo'. Each family is a picocli mixin that
 * implements {@link ProbeOptions}; add its field here and to {@link #families()}.
 */
@Command
final class ProbeSelection {
    @Mixin
    AttackOptions attacks;

    @Mixin
    DriftOptions drift;

    @Mixin
    ExplainOptions explain;

    List<ProbeOptions> families() {
        return List.of(attacks, drift, explain);
    }

    /** The probes the options ask for, in order: adversarial, drift, explanations. */
    List<Probe<?>> probes() {
        List<Probe<?>> probes = new ArrayList<>();
        families().forEach(f -> probes.addAll(f.probes()));
        return probes;
    }

    /** Adds the catalogue's attack options to {@code command}, the command these options belong to. */
    void install(CommandSpec command, AttackCatalogue catalogue) {
        attacks.install(command, catalogue);
    }
}
