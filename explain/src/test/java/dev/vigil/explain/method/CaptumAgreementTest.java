package dev.vigil.explain.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.explain.export.Npy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement with Captum 0.6.0 (pytorch/captum, the reference attribution library) on four CIFAR fixture
 * images: testdata/captum_peer.py ran Captum's Saliency, IntegratedGradients (black baseline, 50
 * Gauss–Legendre steps, its defaults) and Occlusion (4×4 patch, stride 2, black) and saved the raw
 * attributions to testdata/captum/.
 */
class CaptumAgreementTest {
    private static JsonNode expected;
    private static Images images;
    private static int[] targets;

    @BeforeAll
    static void load() throws IOException {
        expected = new ObjectMapper().readTree(Fixtures.testdata("captum/expected.json").toFile());
        Dataset data = CifarFixture.dataset();
        List<Sample> picked = new ArrayList<>();
        for (JsonNode id : expected.get("ids")) {
            picked.add(data.samples().stream().filter(s -> s.id().equals(id.asText())).findFirst().orElseThrow());
        }
        try (BatchStream stream = new BatchStream(picked, CifarFixture.SPEC, picked.size())) {
            Batch batch = stream.iterator().next();
            images = new Images(CifarFixture.SPEC, batch.size(), batch.pixels());
        }
        targets = new int[picked.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = expected.get("targets").get(i).asInt();
        }
    }

    @Test
    void saliencyMatchesCaptumPerImage() throws IOException {
        try (Classifier model = CifarFixture.model()) {
            assertAgree("saliency", Saliency.defaults().attribute(model, images, targets));
        }
    }

    @Test
    void integratedGradientsMatchCaptumPerImageAndIsCompleteWithinCaptumsConvergenceDelta() throws IOException {
        try (Classifier model = CifarFixture.model()) {
            Attributions ig = IntegratedGradients.defaults().attribute(model, images, targets);
            assertAgree("ig", ig);
            for (int i = 0; i < ig.count(); i++) {
                double captumDelta = Math.abs(expected.get("ig_convergence_delta").get(i).asDouble());
                double gap = ig.completeness().absoluteGap(i);
                System.out.printf(Locale.ROOT, "IG image %d: |sum - (f(x) - f(0))| %.5f, Captum's convergence delta %.5f%n", i, gap,
                        captumDelta);
                assertEquals(expected.get("ig_output_difference").get(i).asDouble(), ig.completeness().outputDifference()[i], 1e-3);
                assertTrue(gap <= captumDelta * 1.05 + 1e-4, "image " + i + ": gap " + gap + " beyond Captum's delta " + captumDelta);
            }
        }
    }

    @Test
    void occlusionWithTheSamePatchAndStrideMatchesCaptumPerImage() throws IOException {
        try (Classifier model = CifarFixture.model()) {
            Occlusion occlusion = new Occlusion(4, 2, Baseline.BLACK, 128, 0);
            assertEquals(occlusion.patchFor(32, 32), Occlusion.defaults().patchFor(32, 32), "Vigil's default patch on 32x32");
            assertEquals(occlusion.strideFor(32, 32), Occlusion.defaults().strideFor(32, 32), "Vigil's default stride on 32x32");
            Attributions ours = occlusion.attribute(model, images, targets);
            assertAgree("occlusion", ours);
            Npy.Array captum = Npy.read(Fixtures.testdata("captum/occlusion.npy"));
            assertArrayEquals(captum.values(), ours.values(), 2e-3f, "occlusion drops are differences of two logits");
        }
    }

    private static void assertAgree(String method, Attributions ours) throws IOException {
        Npy.Array captum = Npy.read(Fixtures.testdata("captum/" + method + ".npy"));
        assertArrayEquals(new int[] {ours.count(), 3, 32, 32}, captum.shape());
        for (int i = 0; i < ours.count(); i++) {
            double[] a = toDouble(ours.map(i));
            double[] b = toDouble(java.util.Arrays.copyOfRange(captum.values(), ours.offset(i), ours.offset(i) + ours.size()));
            double r = new PearsonsCorrelation().correlation(a, b);
            System.out.printf(Locale.ROOT, "%s image %d: Pearson with Captum %.8f%n", method, i, r);
            assertTrue(r >= 0.99, method + " image " + i + ": Pearson " + r);
        }
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j];
        }
        return out;
    }
}
