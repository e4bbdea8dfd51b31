package dev.vigil.core.data;

/** A file that could not be used, and why, in words a user can act on. */
public record SkippedSample(String id, String reason) implements java.io.Serializable {
}
