package dev.vigil.cli;

import dev.vigil.core.audit.Probe;
import java.util.List;

/** A group of command-line options that selects and configures probes (attacks, drift, explanations). */
interface ProbeOptions {
    /** The probes these options ask for, in the order they should run. */
    List<Probe<?>> probes();
}
