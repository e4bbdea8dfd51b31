package dev.vigil.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark stage: Vigil's throughput, the engine floor's and the peer's on the same images.
 *
 * @param images      images the stage processes (the stage's unit of work)
 * @param passes      what the floor ran per batch, e.g. "1 fwd+bwd + 4 fwd"
 * @param peerKey     the peer script's name for the same work, or null
 * @param peerSeconds null when the peer has no such stage or did not run
 * @param residentMbAfter the process's resident memory after the stage, MiB
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageResult(String stage, int images, String passes, double vigilSeconds, double floorSeconds,
                          String peerKey, Double peerSeconds, long residentMbAfter) {
    public StageResult withPeer(Double seconds) {
        return new StageResult(stage, images, passes, vigilSeconds, floorSeconds, peerKey, seconds, residentMbAfter);
    }

    public double vigilImagesPerSecond() {
        return images / vigilSeconds;
    }

    public double floorImagesPerSecond() {
        return images / floorSeconds;
    }

    public Double peerImagesPerSecond() {
        return peerSeconds == null ? null : images / peerSeconds;
    }

    /** Vigil's time over the floor's: 1.0 means no overhead beyond the engine's own passes. */
    public double overFloor() {
        return vigilSeconds / floorSeconds;
    }

    /** Vigil's throughput over the peer's: above 1.0 means faster than plain PyTorch. */
    public Double versusPeer() {
        return peerSeconds == null ? null : peerSeconds / vigilSeconds;
    }
}
