package dev.vigil.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.vigil.core.InputError;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An ONNX model run by ONNX Runtime's CPU engine. It gives logits only: ONNX Runtime computes no input
 * gradients and has no writable parameters, so the audit skips, with findings, what needs them.
 *
 * <p>Pixel batches stay PyTorch NDArrays, as for every model; a forward normalizes them here (the same
 * float32 subtract-then-divide as TorchScript's forward), hands them to ONNX Runtime as one NCHW float32
 * tensor and returns the logits in the batch's scope. A model whose batch dimension was fixed at export
 * is run in chunks of that size, the last one padded with blank images whose outputs are dropped.
 */
public final class OnnxClassifier implements Classifier {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.LOGITS));

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final NDManager manager;
    private final InputSpec spec;
    private final String inputName;
    /** The batch size fixed in the file, or 0 when the batch dimension is free. */
    private final int fixedBatch;
    private final float[] mean;
    private final float[] std;
    private final EngineInfo engine;
    private List<String> labels;

    private OnnxClassifier(OrtEnvironment environment, OrtSession session, InputSpec spec, String inputName, int fixedBatch,
                           Normalization norm, List<String> labels, EngineInfo engine) {
        this.environment = environment;
        this.session = session;
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        this.spec = spec;
        this.inputName = inputName;
        this.fixedBatch = fixedBatch;
        this.mean = norm.isIdentity() ? null : perChannel(norm.mean(), spec.channels());
        this.std = norm.isIdentity() ? null : perChannel(norm.std(), spec.channels());
        this.labels = List.copyOf(labels);
        this.engine = engine;
    }

    static OnnxClassifier load(ModelRequest request) {
        Path file = request.file();
        InputSpec spec = request.spec();
        request.normalization().checkChannels(spec.channels());
        if (request.device() == DeviceChoice.GPU) {
            throw new InputError("--device gpu was asked for, but Vigil runs ONNX models on ONNX Runtime's CPU build;"
                    + " use --device cpu (or auto), or audit the TorchScript version of the model on the GPU.");
        }
        OnnxModelFile header = OnnxModelFile.read(file);
        EngineSetup.start();
        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "vigil");
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(EngineSetup.threads());
            options.setInterOpNumThreads(1);
            options.setDeterministicCompute(true);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new InputError("The model file " + file + " could not be loaded by ONNX Runtime (" + InputError.firstLine(e)
                    + "); export it again with torch.onnx.export or tf2onnx (see the README, 'Auditing an ONNX model').", e);
        }
        OnnxClassifier classifier;
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1 || session.getOutputInfo().size() != 1) {
                throw new InputError("The ONNX model has " + inputs.size() + " inputs " + inputs.keySet() + " and "
                        + session.getOutputInfo().size() + " outputs " + session.getOutputInfo().keySet()
                        + "; Vigil needs one image input and one output of logits.");
            }
            NodeInfo input = inputs.values().iterator().next();
            int fixedBatch = checkInput(input, spec, file);
            checkOutputType(session.getOutputInfo().values().iterator().next(), file);
            Map<String, String> metadata = new java.util.LinkedHashMap<>(header.metadata());
            metadata.put("input", input.getName() + " " + Arrays.toString(((TensorInfo) input.getInfo()).getShape()));
            EngineInfo engine = new EngineInfo("ONNX Runtime", environment.getVersion(), "ONNX", metadata);
            classifier = new OnnxClassifier(environment, session, spec, input.getName(), fixedBatch,
                    request.normalization(), request.labels(), engine);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new InputError("ONNX Runtime could not describe the inputs of " + file + " (" + InputError.firstLine(e) + ").", e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        try {
            classifier.checkOutputShape();
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
        return classifier;
    }

    /** Checks the input is one NCHW float32 image tensor of the audit's size; returns the fixed batch size, or 0. */
    private static int checkInput(NodeInfo input, InputSpec spec, Path file) {
        if (!(input.getInfo() instanceof TensorInfo info)) {
            throw new InputError("The ONNX model's input '" + input.getName() + "' is not a tensor (" + input.getInfo()
                    + "); Vigil needs an NCHW float32 image tensor.");
        }
        if (info.type != OnnxJavaType.FLOAT) {
            throw new InputError("The ONNX model's input '" + input.getName() + "' takes " + info.onnxType
                    + ", but Vigil feeds float32 pixels; export the model with float32 input (an fp16 model can take float32"
                    + " input through a Cast node at its start).");
        }
        long[] shape = info.getShape();
        long[] wanted = spec.batchShape(1);
        boolean rank = shape.length == 4;
        for (int d = 1; rank && d < 4; d++) {
            if (shape[d] > 0 && shape[d] != wanted[d]) {
                String fix = d == 1 ? "set --channels " + shape[1] : "set --image-size " + shape[2] + "x" + shape[3];
                throw new InputError("The ONNX model " + file.getFileName() + " takes input of shape " + describe(shape)
                        + " (N, channels, height, width), but the audit feeds " + describe(spec.batchShape(-1)) + "; " + fix + ".");
            }
        }
        if (!rank) {
            throw new InputError("The ONNX model's input '" + input.getName() + "' has shape " + describe(shape)
                    + ", but Vigil needs a 4-D image batch (N, channels, height, width); export the model with NCHW input.");
        }
        return shape[0] > 0 ? Math.toIntExact(shape[0]) : 0;
    }

    private static void checkOutputType(NodeInfo output, Path file) {
        if (!(output.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
            throw new InputError("The ONNX model's output '" + output.getName() + "' is " + output.getInfo()
                    + ", but Vigil needs float32 logits [batch, classes]; export " + file.getFileName() + " with a float32 output.");
        }
    }

    private static String describe(long[] shape) {
        return Arrays.stream(shape).mapToObj(v -> v < 0 ? "?" : Long.toString(v))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static float[] perChannel(float[] values, int channels) {
        if (values.length == channels) {
            return values;
        }
        float[] out = new float[channels];
        Arrays.fill(out, values[0]);
        return out;
    }

    /** One forward of blank images: 2-D logits with one column per label, as for TorchScript. */
    private void checkOutputShape() {
        int n = 2;
        long[] shape;
        try {
            shape = runChunkShape(new float[n * spec.pixelsPerImage()], n);
        } catch (OrtException e) {
            throw new InputError("The ONNX model did not accept a batch of shape " + describe(spec.batchShape(n))
                    + " (" + InputError.firstLine(e) + "); set --image-size HxW and --channels to what the model expects.", e);
        }
        if (labels.isEmpty() && shape.length == 2 && shape[1] > 0) {
            labels = IntStream.range(0, (int) shape[1]).mapToObj(Integer::toString).toList();
        }
        if (shape.length != 2 || shape[0] != n || shape[1] != labels.size()) {
            throw new InputError("The model's output for a batch of " + n + " images has shape " + new Shape(shape)
                    + ", but Vigil needs 2-D logits [batch, " + labels.size() + "] with one column per label ("
                    + labels.size() + " labels); check the model file and the labels.");
        }
    }

    /** The shape of the output for {@code n} images, running the model once (in chunks when the batch is fixed). */
    private long[] runChunkShape(float[] normalized, int n) throws OrtException {
        int chunk = fixedBatch > 0 ? fixedBatch : n;
        float[] padded = Arrays.copyOf(normalized, chunk * spec.pixelsPerImage());
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(padded), spec.batchShape(chunk));
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            long[] shape = ((TensorInfo) result.get(0).getInfo()).getShape().clone();
            if (fixedBatch > 0 && shape.length >= 1 && shape[0] == fixedBatch) {
                shape[0] = n;
            }
            return shape;
        }
    }

    @Override
    public NDArray logits(NDArray pixels) {
        int n = Math.toIntExact(pixels.getShape().get(0));
        float[] x = pixels.toFloatArray();
        normalize(x);
        float[] out = new float[n * labels.size()];
        try {
            if (fixedBatch == 0) {
                forward(x, n, out, 0, n);
            } else {
                int per = spec.pixelsPerImage();
                for (int start = 0; start < n; start += fixedBatch) {
                    // past the batch's end, copyOfRange pads with zeros: blank images whose logits are dropped
                    float[] chunk = Arrays.copyOfRange(x, start * per, (start + fixedBatch) * per);
                    forward(chunk, fixedBatch, out, start, Math.min(fixedBatch, n - start));
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of " + n + " images: " + e.getMessage(), e);
        }
        return pixels.getManager().create(out, new Shape(n, labels.size()));
    }

    /** Runs {@code size} normalized images and copies the logits of the first {@code keep} into {@code out} from image {@code at}. */
    private void forward(float[] normalized, int size, float[] out, int at, int keep) throws OrtException {
        if (keep == 0) {
            return;
        }
        int classes = labels.size();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(normalized), spec.batchShape(size));
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            ((OnnxTensor) result.get(0)).getFloatBuffer().get(out, at * classes, keep * classes);
        }
    }

    /** (x - mean) / std per channel in float32, in place: the same two roundings as the TorchScript forward. */
    private void normalize(float[] x) {
        if (mean == null) {
            return;
        }
        int plane = spec.height() * spec.width();
        int per = spec.pixelsPerImage();
        for (int i = 0; i < x.length; i += per) {
            for (int c = 0; c < spec.channels(); c++) {
                float m = mean[c];
                float s = std[c];
                for (int j = i + c * plane, end = j + plane; j < end; j++) {
                    x[j] = (x[j] - m) / s;
                }
            }
        }
    }

    /** The batch size fixed in the model file, or 0 when any batch size is accepted. */
    public int fixedBatch() {
        return fixedBatch;
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
    public EngineInfo engine() {
        return engine;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public NDManager newBatchScope() {
        return manager.newSubManager();
    }

    @Override
    public void close() {
        closeQuietly(session);
        manager.close();
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing releases native memory; a failure leaves nothing the audit could act on
        }
    }
}
