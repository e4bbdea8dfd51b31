package dev.vigil.cli;

import dev.vigil.core.eval.TwinParityProbe;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.data.DataLocation;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.Normalization;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one audit run needs, resolved from the command line.
 *
 * @param resume continue the unfinished audit in {@code out} (--resume)
 * @param twin   the gradient twin (--gradient-model) and the parity limits, or null for none
 */
record AuditRequest(Path model, DataLocation data, Path labels, Normalization normalization, String imageSize, int channels,
                    DeviceChoice device, int threads, int batchSize, long seed, int limit, Path out,
                    String commandLine, List<Probe<?>> probes, boolean resume, TwinParityProbe.Settings twin) {
    /** Without a gradient twin. */
    AuditRequest(Path model, DataLocation data, Path labels, Normalization normalization, String imageSize, int channels,
                 DeviceChoice device, int threads, int batchSize, long seed, int limit, Path out,
                 String commandLine, List<Probe<?>> probes, boolean resume) {
        this(model, data, labels, normalization, imageSize, channels, device, threads, batchSize, seed, limit, out, commandLine,
                probes, resume, null);
    }
}
