package dev.vigil.cli;

import dev.vigil.core.audit.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal, one bar redrawn in place with rate and ETA; elsewhere (CI logs),
 * a plain line at most every ten seconds and one at the end of each stage.
 */
final class ConsoleProgress implements Progress {
    private static final long REDRAW_NANOS = 150_000_000L;
    private static final long PLAIN_LINE_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress forStderr(boolean quiet) {
        if (quiet) {
            return Progress.SILENT;
        }
        return new ConsoleProgress(System.err, System.console() != null && System.getenv("CI") == null);
    }

    @Override
    public Task start(String name, long total) {
        return new ConsoleTask(name, total);
    }

    private final class ConsoleTask implements Task {
        private final String name;
        private final long total;
        private final long startNanos = System.nanoTime();
        private long done;
        private long lastShown;

        ConsoleTask(String name, long total) {
            this.name = name;
            this.total = Math.max(total, 1);
            this.lastShown = startNanos;
        }

        @Override
        public synchronized void advance(long units) {
            done += units;
            long now = System.nanoTime();
            if (now - lastShown >= (terminal ? REDRAW_NANOS : PLAIN_LINE_NANOS)) {
                lastShown = now;
                show(now);
            }
        }

        private void show(long now) {
            double seconds = (now - startNanos) / 1e9;
            double rate = done / Math.max(seconds, 1e-9);
            double eta = rate > 0 ? (total - done) / rate : Double.NaN;
            if (terminal) {
                int width = 30;
                int filled = (int) Math.min(width, width * done / total);
                err.print(String.format(Locale.ROOT, "\r%-22s [%s%s] %3d%% %7.1f img/s ETA %s ", name,
                        "#".repeat(filled), ".".repeat(width - filled), 100 * done / total, rate, duration(eta)));
            } else {
                err.println(String.format(Locale.ROOT, "%s: %d/%d images (%d%%), %.1f img/s, ETA %s", name, done, total,
                        100 * done / total, rate, duration(eta)));
            }
            err.flush();
        }

        @Override
        public synchronized void finish(String summary) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            if (terminal) {
                err.print("\r" + " ".repeat(90) + "\r");
            }
            err.println(summary + String.format(Locale.ROOT, " (%s)", duration(seconds)));
            err.flush();
        }
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
