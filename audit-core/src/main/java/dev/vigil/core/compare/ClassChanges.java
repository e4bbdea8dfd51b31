package dev.vigil.core.compare;

/** Per class of one setting: paired samples, and how many newly fail and newly pass. */
public record ClassChanges(String className, int samples, int newlyFailing, int newlyPassing) {
}
