package dev.vigil.cli.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.vigil.core.data.Batch;
import dev.vigil.core.model.ChannelsLast;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.model.TorchScriptClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's own floor: raw TorchScript forward passes, and forward+backward passes to the input,
 * on batches already normalized and resident in memory, with nothing else. No implementation on
 * this engine can run a stage's passes faster than this.
 */
public final class EngineFloor implements AutoCloseable {
    private final Model model;
    private final PtSymbolBlock block;
    private final NDManager manager;
    private final List<NDArray> batches = new ArrayList<>();
    private final int images;

    /**
     * @param channelsLast whether to hold the batches in channels-last layout, as the audited
     *                     classifier feeds its model ({@link TorchScriptClassifier#channelsLast()})
     */
    public EngineFloor(Path modelFile, Device device, Normalization norm, List<Batch> decoded, long[] chw, boolean channelsLast)
            throws Exception {
        model = Model.newInstance("vigil-floor", device, "PyTorch");
        model.load(modelFile, null, Map.of("trainParam", "true"));
        block = (PtSymbolBlock) model.getBlock();
        block.freezeParameters(true);
        JniUtils.enableInferenceMode(block);
        manager = model.getNDManager().newSubManager();
        int n = 0;
        for (Batch b : decoded) {
            int count = (int) (b.pixels().length / (chw[0] * chw[1] * chw[2]));
            NDArray x = manager.create(b.pixels(), new Shape(count, chw[0], chw[1], chw[2]));
            if (!norm.isIdentity()) {
                Shape c = new Shape(1, chw[0], 1, 1);
                x = x.sub(manager.create(norm.mean(), c)).div(manager.create(norm.std(), c));
            }
            batches.add(channelsLast ? ChannelsLast.of(x) : x);
            n += count;
        }
        images = n;
    }

    public int images() {
        return images;
    }

    /** Seconds for {@code forwards} plain forward passes and {@code backwards} forward+backward passes over every batch. */
    public double seconds(int forwards, int backwards) {
        long start = System.nanoTime();
        for (NDArray x : batches) {
            for (int i = 0; i < forwards; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDList out = IValueUtils.forward(block, new NDList(x), false);
                    out.attach(scope);
                }
            }
            for (int i = 0; i < backwards; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray input = x.duplicate();
                    input.attach(scope);
                    try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                        input.setRequiresGradient(true);
                        NDArray logits = IValueUtils.forward(block, new NDList(input), true).singletonOrThrow();
                        logits.attach(scope);
                        collector.backward(logits.logSoftmax(1).sum());
                        input.getGradient().attach(scope);
                    }
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        manager.close();
        model.close();
    }
}
