package dev.vigil.core.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's (1979) step-down adjustment of p-values for many tests at once: the k-th smallest of m
 * p-values is multiplied by m − k + 1, and adjusted values never decrease along that order. An
 * adjusted p below 0.05 keeps the chance of any false alarm among all m tests below 5%.
 */
public final class Holm {
    private Holm() {
    }

    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (p.length - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
