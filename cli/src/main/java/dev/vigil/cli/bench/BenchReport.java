package dev.vigil.cli.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark table as Markdown, for the terminal and for the README's performance notes. */
public final class BenchReport {
    private BenchReport() {
    }

    public static String markdown(List<StageResult> stages, String machine, long peakMb) {
        return markdown(stages, machine, peakMb, List.of());
    }

    /** The table; a row whose peer did not run says so, and the peer's reason follows the table. */
    public static String markdown(List<StageResult> stages, String machine, long peakMb, List<PeerOutcome> peers) {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine).append("\n\n");
        s.append("Peak resident memory of the Vigil process: ").append(peakMb).append(" MiB\n\n");
        s.append("| stage | images | floor passes per batch | Vigil img/s | floor img/s | peer | peer img/s | Vigil time / floor"
                + " | Vigil / peer throughput | robust, Vigil / peer | RSS after, MiB | note |\n");
        s.append("| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (StageResult r : stages) {
            String missing = r.peer() == null ? "n/a" : notRun(r.peer(), peers) ? "not run (see below)" : "n/a";
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %s | %s | %.2f | %s | %s | %d | %s |%n", r.stage(), r.images(),
                    r.passes(), r.vigilImagesPerSecond(), r.floorImagesPerSecond(), r.peer() == null ? "none" : r.peer(),
                    r.peerImagesPerSecond() == null ? missing : String.format(Locale.ROOT, "%.1f", r.peerImagesPerSecond()),
                    r.overFloor(), r.versusPeer() == null ? missing : String.format(Locale.ROOT, "%.2f", r.versusPeer()),
                    r.hasRobust() ? count(r.vigilRobust()) + " / " + count(r.peerRobust()) : "",
                    r.residentMbAfter(), r.note() == null ? "" : r.note()));
        }
        for (PeerOutcome p : peers) {
            s.append('\n').append("Peer ").append(p.peer()).append(": ").append(p.ran() ? "ran" + versions(p) : "not run: " + p.reason() + ".")
                    .append('\n');
        }
        return s.toString();
    }

    private static boolean notRun(String peer, List<PeerOutcome> peers) {
        return peers.stream().anyMatch(p -> p.peer().equals(peer) && !p.ran());
    }

    private static String versions(PeerOutcome p) {
        StringBuilder v = new StringBuilder();
        for (String field : List.of("torch", "torchattacks")) {
            if (p.output().hasNonNull(field)) {
                v.append(v.length() == 0 ? " (" : ", ").append(field).append(' ').append(p.output().get(field).asText());
            }
        }
        return v.length() == 0 ? "." : v.append(").").toString();
    }

    private static String count(Integer n) {
        return n == null ? "n/a" : n.toString();
    }
}
