package dev.vigil.explain.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussLegendreTest {
    @Test
    void smallRulesMatchTheirClosedForms() {
        GaussLegendre.Rule two = GaussLegendre.of(2);
        assertEquals(-1 / Math.sqrt(3), two.nodes()[0], 1e-15);
        assertEquals(1 / Math.sqrt(3), two.nodes()[1], 1e-15);
        assertEquals(1, two.weights()[0], 1e-15);
        GaussLegendre.Rule three = GaussLegendre.of(3);
        assertEquals(-Math.sqrt(0.6), three.nodes()[0], 1e-15);
        assertEquals(0, three.nodes()[1], 0);
        assertEquals(5.0 / 9, three.weights()[0], 1e-15);
        assertEquals(8.0 / 9, three.weights()[1], 1e-15);
        GaussLegendre.Rule five = GaussLegendre.of(5);
        double[] nodes = {-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640};
        double[] weights = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891};
        for (int i = 0; i < 5; i++) {
            assertEquals(nodes[i], five.nodes()[i], 1e-15);
            assertEquals(weights[i], five.weights()[i], 1e-15);
        }
        assertEquals(0, GaussLegendre.of(1).nodes()[0], 0);
        assertEquals(2, GaussLegendre.of(1).weights()[0], 1e-15);
    }

    @Test
    void nPointsIntegrateEveryPolynomialOfDegreeBelow2nExactly() {
        for (int n : new int[] {1, 4, 17, 64, 128}) {
            GaussLegendre.Rule rule = GaussLegendre.of(n);
            for (int degree = 0; degree < 2 * n; degree++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += rule.weights()[i] * Math.pow(rule.nodes()[i], degree);
                }
                double exact = degree % 2 == 1 ? 0 : 2.0 / (degree + 1);
                assertEquals(exact, sum, 1e-13, "n=" + n + " degree " + degree);
            }
            for (int i = 1; i < n; i++) {
                assertTrue(rule.nodes()[i] > rule.nodes()[i - 1], "nodes increase");
            }
        }
        GaussLegendre.Rule two = GaussLegendre.of(2);
        double sixth = 0;
        for (int i = 0; i < 2; i++) {
            sixth += two.weights()[i] * Math.pow(two.nodes()[i], 4);
        }
        assertTrue(Math.abs(sixth - 0.4) > 0.1, "two points cannot integrate x^4: the test can fail");
    }

    @Test
    void everyRuleOnZeroOneHasWeightsSummingToOneAndIntegratesLinearFunctions() {
        for (QuadratureRule rule : QuadratureRule.values()) {
            for (int steps : new int[] {2, 3, 50, 64}) {
                QuadratureRule.Points p = rule.points(steps);
                double total = 0;
                double linear = 0;
                for (int k = 0; k < p.size(); k++) {
                    total += p.weights()[k];
                    linear += p.weights()[k] * p.alphas()[k];
                    assertTrue(p.alphas()[k] >= 0 && p.alphas()[k] <= 1);
                }
                assertEquals(1, total, 1e-14, rule + " " + steps);
                assertEquals(0.5, linear, 1e-14, rule + " " + steps);
            }
        }
        QuadratureRule.Points trapezoid = QuadratureRule.TRAPEZOID.points(5);
        assertEquals(0, trapezoid.alphas()[0]);
        assertEquals(1, trapezoid.alphas()[4]);
        assertEquals(0.125, trapezoid.weights()[0], 1e-15);
        assertEquals(0.25, trapezoid.weights()[2], 1e-15);
        QuadratureRule.Points midpoint = QuadratureRule.MIDPOINT.points(4);
        assertEquals(0.125, midpoint.alphas()[0], 1e-15);
        assertEquals(0.875, midpoint.alphas()[3], 1e-15);
    }
}
