package dev.vigil.cli;

/** A command that runs probes ('audit', 'demo'): the command line adds the attack catalogue's options to it. */
interface ProbeCommand {
    ProbeSelection probeSelection();
}
