package dev.vigil.cli.bench;

import dev.vigil.core.result.Metric;
import java.util.List;
import java.util.Map;

/**
 * A stage of the benchmark: what Vigil runs, and the raw engine work that the same result needs at
 * the least (its floor).
 *
 * @param images       how many images the stage covers
 * @param passes       the floor's passes per batch, in words, e.g. "1 fwd+bwd + 4 fwd"
 * @param floor        runs the floor's passes once and returns the seconds they took
 * @param peer         which peer script has the same work, or null when none has
 * @param peerKey      that peer's "<key>_seconds" (and "<key>_robust") for the same work, or null
 * @param vigil        runs the stage through Vigil's own code path once
 * @param warmUp       what runs before the timed run: the stage itself, or for the long attacks the same
 *                     probe at a tiny budget
 * @param robustMetric the metric whose count of robust images the stage shows beside the peer's, or null
 * @param part         a part of the stage reported as a row of its own (the FGSM pass's soundness checks), or null
 * @param note         what the reader must know to compare the row with its peer, or null
 */
public record BenchStage(String name, int images, String passes, Timed floor, Peer peer, String peerKey, VigilRun vigil,
                         VigilRun warmUp, String robustMetric, Part part, String note) {
    /** The peer scripts. */
    public enum Peer {
        PYTORCH("PyTorch"), TORCHATTACKS("torchattacks");

        private final String title;

        Peer(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public BenchStage(String name, int images, String passes, Timed floor, String peerKey, VigilRun vigil) {
        this(name, images, passes, floor, peerKey == null ? null : Peer.PYTORCH, peerKey, vigil, vigil, null, null, null);
    }

    /** This stage compared with {@code key} of {@code peer}, showing the robust count of {@code metric}. */
    public BenchStage against(Peer other, String key, String metric, String text) {
        return new BenchStage(name, images, passes, floor, other, key, vigil, warmUp, metric, part, text);
    }

    public BenchStage warmingUpWith(VigilRun run) {
        return new BenchStage(name, images, passes, floor, peer, peerKey, vigil, run, robustMetric, part, note);
    }

    public BenchStage withPart(Part p) {
        return new BenchStage(name, images, passes, floor, peer, peerKey, vigil, warmUp, robustMetric, p, note);
    }

    /**
     * A part of the stage's timed run that the stage's code measures itself ({@link Outcome#parts}), shown as its own
     * row with its own floor; the stage's row keeps the rest.
     */
    public record Part(String key, String name, int images, String passes, Timed floor) {
    }

    /** What one run of the stage reports: the seconds of its named parts, and its metrics. */
    public record Outcome(Map<String, Double> parts, List<Metric> metrics) {
        public static final Outcome NONE = new Outcome(Map.of(), List.of());

        /** The number of robust images that a proportion metric counts, or null when the run has no such metric. */
        public Integer robust(String metric) {
            return metrics.stream().filter(m -> m.name().equals(metric)).findFirst()
                    .map(m -> (int) Math.round(m.value() * m.count())).orElse(null);
        }
    }

    /** Runs the stage through Vigil's own code path once. */
    @FunctionalInterface
    public interface VigilRun {
        Outcome run() throws Exception;
    }

    /** Runs raw engine work once and returns its seconds. */
    @FunctionalInterface
    public interface Timed {
        double seconds() throws Exception;
    }

    public static String passes(int backwards, int forwards) {
        String bwd = backwards > 0 ? backwards + " fwd+bwd" : "";
        String fwd = forwards > 0 ? forwards + " fwd" : "";
        return bwd.isEmpty() ? fwd : fwd.isEmpty() ? bwd : bwd + " + " + fwd;
    }
}
