package dev.vigil.cli;

import dev.vigil.core.audit.AuditInterrupted;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ForwardingClassifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.Objective;
import ai.djl.ndarray.NDArray;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (what CI timeouts send) and SIGINT (Ctrl-C) during an audit: the first asks the audit to stop, which
 * it does at its next model call or progress step ({@link AuditInterrupted}), writing what finished; if it has
 * not exited {@link #graceSeconds()} later, or on a second signal, the process exits with code 3 at once.
 * The handlers are Vigil's only while an audit runs; {@link #close()} gives back the previous ones.
 */
final class Interruption implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final PrintStream log;
    private final List<Runnable> restore = new ArrayList<>();
    private volatile String received;
    private volatile boolean closed;

    private Interruption(PrintStream log) {
        this.log = log;
    }

    /** Installs the handlers; where the platform has no such signal, that one is left alone. */
    static Interruption install(PrintStream log) {
        Interruption interruption = new Interruption(log);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, interruption::onSignal);
                interruption.restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException e) {
                // the signal does not exist here, or the JVM keeps it (-Xrs)
            }
        }
        return interruption;
    }

    /** Seconds an interrupted audit has to write its results; {@code -Dvigil.interruptGraceSeconds}. */
    static int graceSeconds() {
        return Integer.getInteger("vigil.interruptGraceSeconds", 20);
    }

    private void onSignal(Signal signal) {
        if (received != null) {
            log.println("vigil: SIG" + signal.getName() + " again; stopping now without writing more.");
            Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
        }
        received = "SIG" + signal.getName();
        log.println("vigil: " + received + " received; finishing the results of the probes that completed.");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(graceSeconds() * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                log.println("vigil: the interrupted audit did not finish writing within " + graceSeconds() + " s; stopping now.");
                Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
            }
        }, "vigil-interrupt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** The signal that asked the audit to stop ("SIGTERM"), or null. */
    String received() {
        return received;
    }

    void check() {
        if (received != null) {
            throw new AuditInterrupted();
        }
    }

    /** {@code progress}, stopping the audit at the start or step of a stage once a signal came. */
    Progress wrap(Progress progress) {
        return (name, total) -> {
            check();
            Progress.Task task = progress.start(name, total);
            return new Progress.Task() {
                @Override
                public void advance(long units) {
                    task.advance(units);
                    check();
                }

                @Override
                public void finish(String summary) {
                    task.finish(summary);
                }

                @Override
                public void part(String partName, double seconds) {
                    task.part(partName, seconds);
                }
            };
        };
    }

    /** {@code model}, stopping the audit before its next forward or backward pass once a signal came. */
    Classifier wrap(Classifier model) {
        return new ForwardingClassifier(model) {
            @Override
            public NDArray logits(NDArray pixels) {
                check();
                return super.logits(pixels);
            }

            @Override
            public GradientResult gradient(NDArray pixels, Objective objective) {
                check();
                return super.gradient(pixels, objective);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        restore.forEach(Runnable::run);
    }
}
