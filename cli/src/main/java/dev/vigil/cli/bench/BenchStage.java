package dev.vigil.cli.bench;

/**
 * A stage of the benchmark: what Vigil runs, and the raw engine passes per batch that the same work
 * needs at the least (its floor).
 *
 * @param images    how many images of the data set the stage covers (the first ones)
 * @param forwards  plain forward passes per batch in the floor
 * @param backwards forward+backward passes per batch in the floor
 * @param peerKey   the peer script's "<key>_seconds" for the same work, or null
 */
public record BenchStage(String name, int images, int forwards, int backwards, String peerKey, VigilRun vigil) {
    /** Runs the stage through Vigil's own code path once. */
    @FunctionalInterface
    public interface VigilRun {
        void run() throws Exception;
    }

    public String passes() {
        String bwd = backwards > 0 ? backwards + " fwd+bwd" : "";
        String fwd = forwards > 0 ? forwards + " fwd" : "";
        return bwd.isEmpty() ? fwd : fwd.isEmpty() ? bwd : bwd + " + " + fwd;
    }
}
