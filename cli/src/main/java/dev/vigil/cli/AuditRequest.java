package dev.vigil.cli;

import dev.vigil.core.audit.Probe;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.Normalization;
import java.nio.file.Path;
import java.util.List;

/** Everything one audit run needs, resolved from the command line. */
record AuditRequest(Path model, Path data, Path labels, Normalization normalization, String imageSize, int channels,
                    DeviceChoice device, int threads, int batchSize, long seed, int limit, Path out,
                    String commandLine, List<Probe<?>> probes, boolean resume) {
}
