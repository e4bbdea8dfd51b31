package dev.vigil.explain;

import dev.vigil.core.InputError;
import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Baseline;
import dev.vigil.explain.method.GradientTimesInput;
import dev.vigil.explain.method.IntegratedGradients;
import dev.vigil.explain.method.Occlusion;
import dev.vigil.explain.method.QuadratureRule;
import dev.vigil.explain.method.Rise;
import dev.vigil.explain.method.Saliency;
import dev.vigil.explain.method.SmoothGrad;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Which attribution methods run, in which order, and their knobs.
 *
 * @param ids               method ids in run order (see {@link #ALL})
 * @param igSteps           Integrated Gradients path steps
 * @param igRule            Integrated Gradients quadrature rule
 * @param igBaseline        Integrated Gradients baseline, also the occlusion fill
 * @param smoothGradSamples noisy copies per image for SmoothGrad
 * @param smoothGradNoise   SmoothGrad σ relative to the image's value range
 * @param occlusionPatch    occlusion patch side in pixels, 0 for automatic (an eighth of the side)
 * @param occlusionStride   occlusion stride in pixels, 0 for automatic (half the patch)
 * @param riseMasks         RISE masks per image
 * @param riseCells         RISE grid cells per side
 * @param riseKeep          RISE probability of keeping a grid cell
 */
public record MethodSettings(List<String> ids, int igSteps, QuadratureRule igRule, Baseline igBaseline, int smoothGradSamples,
                             double smoothGradNoise, int occlusionPatch, int occlusionStride, int riseMasks, int riseCells,
                             double riseKeep) {
    /** Every method id, in the order they run. */
    public static final List<String> ALL = List.of("saliency", "gradxinput", "ig", "smoothgrad", "smoothgrad_ig", "occlusion", "rise");
    /**
     * What runs by default: every method but SmoothGrad over Integrated Gradients, which costs samples × steps
     * passes per image (1250 by default) and, on the demo, as long as the rest of the explanations together.
     */
    public static final List<String> DEFAULT = List.of("saliency", "gradxinput", "ig", "smoothgrad", "occlusion");

    public MethodSettings {
        ids = List.copyOf(ids);
        igRule.points(igSteps);
        if (smoothGradSamples < 1) {
            throw new InputError("--smoothgrad-samples must be at least 1, not " + smoothGradSamples + ".");
        }
        if (!(smoothGradNoise >= 0) || Double.isInfinite(smoothGradNoise)) {
            throw new InputError("--smoothgrad-noise must be a number of at least 0 (a fraction of the value range, e.g. 0.15), not "
                    + smoothGradNoise + ".");
        }
        if (occlusionPatch < 0 || occlusionStride < 0) {
            throw new InputError("--occlusion-patch and --occlusion-stride must be 0 (automatic) or a number of pixels.");
        }
        if (riseMasks < 1 || riseCells < 1) {
            throw new InputError("--rise-masks and --rise-cells must be at least 1, not " + riseMasks + " and " + riseCells + ".");
        }
        if (!(riseKeep > 0 && riseKeep < 1)) {
            throw new InputError("--rise-keep must be a probability between 0 and 1 (exclusive), not " + riseKeep + ".");
        }
    }

    /** With RISE's defaults (1000 masks, 7 cells, keep 0.5). */
    public MethodSettings(List<String> ids, int igSteps, QuadratureRule igRule, Baseline igBaseline, int smoothGradSamples,
                          double smoothGradNoise, int occlusionPatch, int occlusionStride) {
        this(ids, igSteps, igRule, igBaseline, smoothGradSamples, smoothGradNoise, occlusionPatch, occlusionStride,
                Rise.DEFAULT_MASKS, Rise.DEFAULT_CELLS, Rise.DEFAULT_KEEP);
    }

    public static MethodSettings defaults() {
        return new MethodSettings(DEFAULT, IntegratedGradients.DEFAULT_STEPS, QuadratureRule.GAUSS_LEGENDRE, Baseline.BLACK,
                SmoothGrad.DEFAULT_SAMPLES, SmoothGrad.DEFAULT_NOISE, 0, 0);
    }

    /** Parses a comma-separated method list as given to --explain: ids from {@link #ALL}, "all", or "none". */
    public static List<String> parseIds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return List.of();
        }
        if (t.equals("all")) {
            return ALL;
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String part : t.split(",")) {
            String id = part.trim().replace('-', '_');
            if (!ALL.contains(id)) {
                throw new InputError("--explain takes " + String.join(", ", ALL) + ", all or none, not '" + part.trim() + "'.");
            }
            chosen.add(id);
        }
        return ALL.stream().filter(chosen::contains).toList();
    }

    /** The methods, configured, each evaluating at most {@code batchSize} points per pass; noise comes from {@code seed}. */
    public List<AttributionMethod> create(int batchSize, long seed) {
        List<AttributionMethod> out = new ArrayList<>();
        IntegratedGradients ig = new IntegratedGradients(igSteps, igRule, igBaseline, batchSize, seed);
        Saliency saliency = new Saliency(batchSize);
        for (String id : ids) {
            out.add(switch (id) {
                case "saliency" -> saliency;
                case "gradxinput" -> new GradientTimesInput(batchSize);
                case "ig" -> ig;
                case "smoothgrad" -> new SmoothGrad(saliency, smoothGradNoise, smoothGradSamples, batchSize, seed);
                case "smoothgrad_ig" -> new SmoothGrad(ig, smoothGradNoise, smoothGradSamples, batchSize, seed);
                case "occlusion" -> new Occlusion(occlusionPatch, occlusionStride, igBaseline, batchSize, seed);
                case "rise" -> new Rise(riseMasks, riseCells, riseKeep, igBaseline, batchSize, seed);
                default -> throw new IllegalStateException("unknown method " + id);
            });
        }
        return out;
    }
}
