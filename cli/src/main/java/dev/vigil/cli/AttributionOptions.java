package dev.vigil.cli;

import dev.vigil.explain.MethodSettings;
import dev.vigil.explain.method.Baseline;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.QuadratureRule;
import picocli.CommandLine.Option;

/** Which attribution methods run and their knobs; shared by 'audit'/'demo' (through --explain options) and 'explain'. */
final class AttributionOptions {
    static final String DEFAULT_METHODS = "saliency,gradxinput,ig,smoothgrad,occlusion";

    @Option(names = "--explain", defaultValue = DEFAULT_METHODS, paramLabel = "LIST",
            description = "Attribution methods, comma-separated: saliency, gradxinput, ig (Integrated Gradients), smoothgrad"
                    + " (over saliency), smoothgrad_ig (over Integrated Gradients, slow), occlusion, rise (random masks, forward passes"
                    + " only: with occlusion, what an ONNX model can be explained by); 'all' or 'none'. Default: ${DEFAULT-VALUE}.")
    String methods;

    @Option(names = "--ig-steps", defaultValue = "50", paramLabel = "N",
            description = "Integrated Gradients steps along the path from the baseline. Default: ${DEFAULT-VALUE}.")
    int igSteps;

    @Option(names = "--ig-rule", defaultValue = "gauss-legendre", paramLabel = "RULE",
            description = "Integrated Gradients quadrature: gauss-legendre, midpoint or trapezoid. Default: ${DEFAULT-VALUE}.")
    String igRule;

    @Option(names = "--ig-baseline", defaultValue = "black", paramLabel = "KIND",
            description = "Integrated Gradients baseline, also the occlusion and RISE fill: black, blurred (Gaussian, σ = 1/16 of the"
                    + " larger side) or uniform (seeded noise). Default: ${DEFAULT-VALUE}.")
    String igBaseline;

    @Option(names = "--smoothgrad-samples", defaultValue = "25", paramLabel = "N",
            description = "Noisy copies per image for SmoothGrad. Default: ${DEFAULT-VALUE}.")
    int smoothGradSamples;

    @Option(names = "--smoothgrad-noise", defaultValue = "0.15", paramLabel = "F",
            description = "SmoothGrad noise σ as a fraction of each image's value range. Default: ${DEFAULT-VALUE}.")
    double smoothGradNoise;

    @Option(names = "--occlusion-patch", defaultValue = "0", paramLabel = "PX",
            description = "Occlusion patch side in pixels; 0 means an eighth of the smaller image side. Default: ${DEFAULT-VALUE}.")
    int occlusionPatch;

    @Option(names = "--occlusion-stride", defaultValue = "0", paramLabel = "PX",
            description = "Occlusion stride in pixels; 0 means half the patch. Default: ${DEFAULT-VALUE}.")
    int occlusionStride;

    @Option(names = "--rise-masks", defaultValue = "1000", paramLabel = "N",
            description = "RISE random masks per image (one forward pass each). Default: ${DEFAULT-VALUE}.")
    int riseMasks;

    @Option(names = "--rise-cells", defaultValue = "7", paramLabel = "N",
            description = "RISE mask grid cells per side before smooth upsampling. Default: ${DEFAULT-VALUE}.")
    int riseCells;

    @Option(names = "--rise-keep", defaultValue = "0.5", paramLabel = "P",
            description = "RISE probability that a grid cell shows the image. Default: ${DEFAULT-VALUE}.")
    double riseKeep;

    @Option(names = "--heatmap-channels", defaultValue = "sum-abs", paramLabel = "sum-abs|max-abs",
            description = "How heatmaps combine a pixel's channels: the sum or the largest of their absolute values. Default: ${DEFAULT-VALUE}.")
    String heatmapChannels;

    MethodSettings settings() {
        return new MethodSettings(MethodSettings.parseIds(methods), igSteps, QuadratureRule.parse(igRule),
                Baseline.parse(igBaseline, "--ig-baseline"), smoothGradSamples, smoothGradNoise, occlusionPatch, occlusionStride,
                riseMasks, riseCells, riseKeep);
    }

    ChannelAggregation channels() {
        return ChannelAggregation.parseMagnitude(heatmapChannels);
    }
}
