package dev.vigil.cli.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark table as Markdown, for the terminal and for the README's performance notes. */
public final class BenchReport {
    private BenchReport() {
    }

    public static String markdown(List<StageResult> stages, String machine, long peakMb) {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine).append("\n\n");
        s.append("Peak resident memory of the Vigil process: ").append(peakMb).append(" MiB\n\n");
        s.append("| stage | images | floor passes per batch | Vigil img/s | floor img/s | peer img/s | Vigil time / floor | Vigil / peer throughput | RSS after, MiB |\n");
        s.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (StageResult r : stages) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %s | %.2f | %s | %d |%n", r.stage(), r.images(), r.passes(),
                    r.vigilImagesPerSecond(), r.floorImagesPerSecond(),
                    r.peerImagesPerSecond() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", r.peerImagesPerSecond()),
                    r.overFloor(), r.versusPeer() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.versusPeer()),
                    r.residentMbAfter()));
        }
        return s.toString();
    }
}
