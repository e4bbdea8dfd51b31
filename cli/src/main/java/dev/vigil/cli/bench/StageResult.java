package dev.vigil.cli.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One benchmark stage: Vigil's throughput, the engine floor's and the peer's on the same images.
 *
 * @param images      images the stage processes (the stage's unit of work)
 * @param passes      what the floor ran per batch, e.g. "1 fwd+bwd + 4 fwd"
 * @param peer        the peer script that has the same work ("PyTorch", "torchattacks"), or null
 * @param peerKey     that peer's name for the same work, or null
 * @param peerSeconds null when the peer has no such stage or did not run
 * @param residentMbAfter the process's resident memory after the stage, MiB
 * @param vigilRobust images Vigil's attack left robust (correct unchanged and under attack), or null
 * @param peerRobust  the same count from the peer, or null
 * @param note        what to know before comparing the row with its peer, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageResult(String stage, int images, String passes, double vigilSeconds, double floorSeconds,
                          String peer, String peerKey, Double peerSeconds, long residentMbAfter, Integer vigilRobust,
                          Integer peerRobust, String note) {
    public StageResult(String stage, int images, String passes, double vigilSeconds, double floorSeconds, String peerKey,
                       Double peerSeconds, long residentMbAfter) {
        this(stage, images, passes, vigilSeconds, floorSeconds, peerKey == null ? null : BenchStage.Peer.PYTORCH.title(), peerKey,
                peerSeconds, residentMbAfter, null, null, null);
    }

    public StageResult withPeer(Double seconds) {
        return withPeer(seconds, peerRobust);
    }

    public StageResult withPeer(Double seconds, Integer robust) {
        return new StageResult(stage, images, passes, vigilSeconds, floorSeconds, peer, peerKey, seconds, residentMbAfter, vigilRobust,
                robust, note);
    }

    /** This stage with the peer's "<key>_seconds" and "<key>_robust" from its JSON output (null: the peer did not run). */
    public StageResult withPeerOutput(JsonNode out) {
        if (out == null || peerKey == null) {
            return this;
        }
        JsonNode seconds = out.get(peerKey + "_seconds");
        JsonNode robust = out.get(peerKey + "_robust");
        return withPeer(seconds == null || !seconds.isNumber() ? null : seconds.asDouble(),
                robust == null || !robust.isNumber() ? null : robust.asInt());
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

    /** Vigil's throughput over the peer's: above 1.0 means faster than the peer. */
    public Double versusPeer() {
        return peerSeconds == null ? null : peerSeconds / vigilSeconds;
    }

    @JsonIgnore
    public boolean hasRobust() {
        return vigilRobust != null || peerRobust != null;
    }
}
