package dev.vigil.cli;

import dev.vigil.core.audit.Probe;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.Normalization;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    /**
     * The probes the options ask for, in order: adversarial, drift, explanations. The audited model's
     * normalization and device go to probes that load a second model (drift's baseline).
     */
    List<Probe> probes(Normalization normalization, DeviceChoice device) {
        drift.useModelSettings(normalization, device);
        List<Probe> probes = new ArrayList<>();
        families().forEach(f -> probes.addAll(f.probes()));
        return probes;
    }
}
