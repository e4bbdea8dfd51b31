package dev.vigil.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A TorchScript classifier loaded through DJL so that gradients reach its input
 * (see DJL-NOTES.md: load with trainParam, freeze weights, eval mode, forward with autograd).
 */
public final class TorchScriptClassifier implements Classifier {
    private static final Set<Capability> CAPABILITIES =
            java.util.Collections.unmodifiableSet(EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT, Capability.FRESH_COPY));

    private final Model model;
    private final PtSymbolBlock block;
    private final NDManager manager;
    private final Path file;
    private final InputSpec spec;
    private final Normalization norm;
    private final DeviceChoice deviceChoice;
    private List<String> labels;
    private final NDArray mean;
    private final NDArray std;
    private boolean channelsLast;

    private TorchScriptClassifier(Model model, Path file, InputSpec spec, Normalization norm, List<String> labels,
                                  DeviceChoice deviceChoice) {
        this.model = model;
        this.block = (PtSymbolBlock) model.getBlock();
        this.manager = model.getNDManager();
        this.file = file;
        this.spec = spec;
        this.norm = norm;
        this.deviceChoice = deviceChoice;
        this.labels = List.copyOf(labels);
        if (norm.isIdentity()) {
            mean = null;
            std = null;
        } else {
            Shape channelShape = new Shape(1, norm.mean().length, 1, 1);
            mean = manager.create(norm.mean(), channelShape);
            std = manager.create(norm.std(), channelShape);
        }
    }

    /**
     * Loads {@code file} and checks, with one forward pass on a blank image, that it takes {@code spec}
     * and returns 2-D logits with one column per label. With no labels (an empty list) the classes are
     * named by their index, as many as the model has outputs.
     */
    public static TorchScriptClassifier load(Path file, InputSpec spec, Normalization norm, List<String> labels,
                                             DeviceChoice choice) {
        return load(new ModelRequest(file, spec, norm, labels, choice));
    }

    /** Loads the request's file; production code reaches this through {@link ModelLoader#open}. */
    static TorchScriptClassifier load(ModelRequest request) {
        Path file = request.file();
        InputSpec spec = request.spec();
        Normalization norm = request.normalization();
        List<String> labels = request.labels();
        DeviceChoice choice = request.device();
        if (!Files.isRegularFile(file)) {
            throw new InputError("The model file " + file + " does not exist; pass a TorchScript file with --model.");
        }
        norm.checkChannels(spec.channels());
        Engine engine = EngineSetup.start();
        Device device = resolve(engine, choice);
        Model model = Model.newInstance("vigil-model", device, "PyTorch");
        try {
            model.load(file, null, Map.of("trainParam", "true"));
        } catch (MalformedModelException | IOException | EngineException | IllegalArgumentException e) {
            model.close();
            throw new InputError("The model file " + file + " could not be loaded as TorchScript ("
                    + InputError.firstLine(e) + "); save the model with torch.jit.save(torch.jit.trace(model, example), path).", e);
        }
        PtSymbolBlock block = (PtSymbolBlock) model.getBlock();
        block.freezeParameters(true);
        JniUtils.enableInferenceMode(block);
        TorchScriptClassifier classifier = new TorchScriptClassifier(model, file, spec, norm, labels, choice);
        try {
            classifier.checkOutputShape();
            classifier.channelsLast = classifier.acceptsChannelsLast();
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
        return classifier;
    }

    private static Device resolve(Engine engine, DeviceChoice choice) {
        int gpus = engine.getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new InputError("--device gpu was asked for, but PyTorch sees no CUDA GPU; use --device cpu,"
                            + " or see the README section 'Running on a GPU'.");
                }
                yield Device.gpu();
            }
        };
    }

    private void checkOutputShape() {
        try (NDManager scope = newBatchScope()) {
            NDArray out;
            try {
                out = logits(scope.zeros(new Shape(spec.batchShape(2))));
            } catch (EngineException e) {
                throw new InputError("The model did not accept a batch of shape " + new Shape(spec.batchShape(2)) + " ("
                        + ModelFailure.lastLine(e) + "); " + ModelFailure.inputHint(ModelFailure.lastLine(e), spec, acceptsOneImage(scope))
                        + ".", e);
            }
            Shape shape = out.getShape();
            if (labels.isEmpty() && shape.dimension() == 2 && shape.get(1) > 0) {
                labels = java.util.stream.IntStream.range(0, (int) shape.get(1)).mapToObj(Integer::toString).toList();
            }
            if (shape.dimension() != 2 || shape.get(1) != labels.size()) {
                throw new InputError("The model's output for a batch of 2 images has shape " + shape
                        + ", but Vigil needs 2-D logits [batch, " + labels.size() + "] with one column per label ("
                        + labels.size() + " labels); check the model file and the labels.");
            }
        }
    }

    /** Whether one blank image goes through: tells a model that fixes its batch size from one that needs another input. */
    private boolean acceptsOneImage(NDManager scope) {
        try {
            logits(scope.zeros(new Shape(spec.batchShape(1))));
            return true;
        } catch (EngineException | InputError e) {
            return false;
        }
    }

    /**
     * The module's one output as [batch, classes]. A model that returns a tuple or a dict is refused with one
     * sentence; one that squeezes the logits of a batch of one to [classes] gets its batch dimension back, so
     * the last, short batch of an audit works as the others do.
     */
    private NDArray output(NDList out, long batch) {
        if (out.size() != 1) {
            throw new InputError("The model returns " + out.size() + " outputs (a tuple, list or dict); Vigil needs it to return"
                    + " only the [batch, classes] logits: save a wrapper whose forward returns the logits tensor alone.");
        }
        NDArray logits = out.get(0);
        if (batch == 1 && logits.getShape().dimension() == 1) {
            return logits.reshape(1, logits.getShape().get(0));
        }
        return logits;
    }

    /**
     * Whether forwards should get their input in channels-last layout: on the CPU (unless
     * {@code -Dvigil.channelsLast=false}), when the model runs on it and gives the same logits as on
     * the usual layout. A model that views its activations as if they were contiguous fails or
     * differs, and keeps the usual layout. Decided once per model from a seeded batch, so the choice
     * is the same on every run.
     */
    private boolean acceptsChannelsLast() {
        boolean onCpu = Device.cpu().getDeviceType().equals(device().getDeviceType());
        if (!onCpu || !Boolean.parseBoolean(System.getProperty("vigil.channelsLast", "true"))) {
            return false;
        }
        try (NDManager scope = newBatchScope()) {
            Random random = new Random(0x43484C4153544CL);
            float[] pixels = new float[2 * spec.pixelsPerImage()];
            for (int j = 0; j < pixels.length; j++) {
                pixels[j] = random.nextFloat();
            }
            NDArray x = normalize(pixels(scope, pixels, 2));
            float[] usual = output(IValueUtils.forward(block, new NDList(x), false), 2).toFloatArray();
            float[] last;
            try {
                last = output(IValueUtils.forward(block, new NDList(ChannelsLast.of(x)), false), 2).toFloatArray();
            } catch (EngineException e) {
                return false;
            }
            double scale = 0;
            for (float v : usual) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < usual.length; j++) {
                if (Math.abs(usual[j] - last[j]) > 1e-4 * (1 + scale)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether this model's forwards take their input in channels-last layout (see {@link ChannelsLast}). */
    public boolean channelsLast() {
        return channelsLast;
    }

    @Override
    public TorchScriptClassifier freshCopy() {
        return load(file, spec, norm, labels, deviceChoice);
    }

    @Override
    public ai.djl.nn.ParameterList parameters() {
        return block.getParameters();
    }

    @Override
    public EngineInfo engine() {
        return new EngineInfo("PyTorch", Engine.getEngine("PyTorch").getVersion(), "TorchScript");
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Device device() {
        return manager.getDevice();
    }

    @Override
    public NDManager newBatchScope() {
        return manager.newSubManager();
    }

    private NDArray normalize(NDArray pixels) {
        return mean == null ? pixels : pixels.sub(mean).div(std);
    }

    /** What the module gets: the normalized batch, in channels-last layout where that was chosen at load. */
    private NDArray moduleInput(NDArray pixels) {
        NDArray x = normalize(pixels);
        if (!channelsLast) {
            return x;
        }
        NDArray out = ChannelsLast.of(x);
        if (x != pixels) {
            x.close();
        }
        return out;
    }

    private static final Object GRADIENT_LOCK = new Object();

    @Override
    public NDArray logits(NDArray pixels) {
        NDArray logits = output(IValueUtils.forward(block, new NDList(moduleInput(pixels)), false), pixels.getShape().get(0));
        logits.attach(pixels.getManager());
        return logits;
    }

    @Override
    public GradientResult gradient(NDArray pixels, Objective objective) {
        // DJL allows one gradient collector per process at a time, so models used by concurrent tasks of
        // one JVM (Spark's local mode, executors with several cores) take turns for the backward pass.
        synchronized (GRADIENT_LOCK) {
            return gradientAlone(pixels, objective);
        }
    }

    private GradientResult gradientAlone(NDArray pixels, Objective objective) {
        NDManager scope = pixels.getManager();
        NDArray input = pixels.duplicate();
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            input.setRequiresGradient(true);
            NDArray logits = output(IValueUtils.forward(block, new NDList(moduleInput(input)), true), input.getShape().get(0));
            NDArray gradient;
            try {
                collector.backward(objective.scalar(logits));
                gradient = input.getGradient().duplicate();
            } catch (EngineException e) {
                if (!String.valueOf(e.getMessage()).contains("does not require grad")) {
                    throw e;
                }
                // the forward cut the graph (x.detach(), torch.no_grad()): the logits do not depend on the input
                // through autograd, and a zero gradient is what the soundness checks report as such
                gradient = scope.zeros(input.getShape(), input.getDataType());
            }
            NDArray detached = logits.stopGradient();
            gradient.attach(scope);
            detached.attach(scope);
            return new GradientResult(detached, gradient);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
