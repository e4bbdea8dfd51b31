package dev.vigil.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process (Java heap and native memory together), from /proc on Linux. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Current resident set in MiB, or -1 where /proc is not available. */
    public static long residentMb() {
        return field("VmRSS:");
    }

    /** Peak resident set in MiB since the process started, or -1. */
    public static long peakMb() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
