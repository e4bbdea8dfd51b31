package dev.vigil.core.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine the way Vigil needs it: offline, quiet, with a fixed thread count.
 * Call before anything else touches DJL.
 */
public final class EngineSetup {
    private static volatile boolean started;
    private static volatile int threads = Runtime.getRuntime().availableProcessors();

    private EngineSetup() {
    }

    public static synchronized Engine start(int threads) {
        System.setProperty("ai.djl.offline", "true");
        // DJL only logs through SLF4J; the simple binding reads this once, so it must be set first.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        Engine engine = Engine.getEngine("PyTorch");
        if (!started) {
            int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            JniUtils.setNumThreads(n);
            EngineSetup.threads = n;
            JniUtils.setGraphExecutorOptimize(Boolean.parseBoolean(System.getProperty("vigil.graphOptimizer", "false")));
            started = true;
        }
        return engine;
    }

    /** The thread count the engines run with (--threads, or every core); ONNX Runtime sessions use it too. */
    public static int threads() {
        return threads;
    }

    public static Engine start() {
        return start(0);
    }

    public static String pytorchVersion() {
        return start().getVersion();
    }

    public static String djlVersion() {
        String v = Engine.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.36.0";
    }
}
