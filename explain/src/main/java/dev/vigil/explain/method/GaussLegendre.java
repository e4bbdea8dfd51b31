package dev.vigil.explain.method;

/**
 * Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1], exact for polynomials of degree
 * up to 2n − 1. Each node is a root of the Legendre polynomial P_n, found by Newton's method from
 * the asymptotic guess cos(π(i − 1/4)/(n + 1/2)); P_n and its derivative come from Bonnet's
 * recurrence; the weight is 2 / ((1 − x²) P_n'(x)²).
 */
public final class GaussLegendre {
    private static final int MAX_NEWTON_STEPS = 100;

    private GaussLegendre() {
    }

    /** Nodes in increasing order and their weights (which sum to 2). */
    public record Rule(double[] nodes, double[] weights) {
    }

    public static Rule of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Gauss-Legendre needs at least one node, not " + n);
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        int half = (n + 1) / 2;
        for (int i = 1; i <= half; i++) {
            double x = Math.cos(Math.PI * (i - 0.25) / (n + 0.5));
            double derivative = 0;
            for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
                double[] p = legendre(n, x);
                derivative = p[1];
                double dx = p[0] / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-15) {
                    derivative = legendre(n, x)[1];
                    break;
                }
            }
            double w = 2 / ((1 - x * x) * derivative * derivative);
            // roots come in ± pairs; the i-th largest root goes to the end of the increasing order
            nodes[n - i] = x;
            nodes[i - 1] = -x;
            weights[n - i] = w;
            weights[i - 1] = w;
        }
        if (n % 2 == 1) {
            nodes[n / 2] = 0;
        }
        return new Rule(nodes, weights);
    }

    /** P_n(x) and P_n'(x). */
    static double[] legendre(int n, double x) {
        double previous = 1;
        double current = x;
        if (n == 0) {
            return new double[] {1, 0};
        }
        for (int k = 2; k <= n; k++) {
            double next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }
        double derivative = n * (x * current - previous) / (x * x - 1);
        return new double[] {current, derivative};
    }
}
