package dev.vigil.cli.bench;

/**
 * A stage of the benchmark: what Vigil runs, and the raw engine work that the same result needs at
 * the least (its floor).
 *
 * @param images  how many images the stage covers
 * @param passes  the floor's passes per batch, in words, e.g. "1 fwd+bwd + 4 fwd"
 * @param floor   runs the floor's passes once and returns the seconds they took
 * @param peerKey the peer script's "<key>_seconds" for the same work, or null when it has none
 */
public record BenchStage(String name, int images, String passes, Timed floor, String peerKey, VigilRun vigil) {
    /** Runs the stage through Vigil's own code path once. */
    @FunctionalInterface
    public interface VigilRun {
        void run() throws Exception;
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
