package dev.vigil.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.model.InputSpec;
import java.io.IOException;

/** The exact weights of testdata/linear.pt: f(x) = W·flatten(x) + b on 3x4x4 inputs, 3 classes. */
public record LinearFixture(double[][] w, double[] b) {
    public static final InputSpec SPEC = new InputSpec(3, 4, 4);

    public static LinearFixture read() throws IOException {
        JsonNode json = new ObjectMapper().readTree(Fixtures.testdata("linear.json").toFile());
        int k = json.get("classes").asInt();
        double[][] w = new double[k][];
        double[] b = new double[k];
        for (int c = 0; c < k; c++) {
            JsonNode row = json.get("W").get(c);
            w[c] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                w[c][j] = row.get(j).asDouble();
            }
            b[c] = json.get("b").get(c).asDouble();
        }
        return new LinearFixture(w, b);
    }

    public int classes() {
        return b.length;
    }

    public double logit(float[] x, int offset, int c) {
        double s = b[c];
        for (int j = 0; j < w[c].length; j++) {
            s += w[c][j] * x[offset + j];
        }
        return s;
    }
}
