package dev.vigil.core.policy;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The message for rules that name metrics the results lack: the names, and the nearest names the results do have. */
final class MetricSuggestions {
    /** Up to this many names are listed in full; longer lists show the nearest and a count. */
    static final int FULL_LIST = 20;
    static final int SHOWN = 12;

    private MetricSuggestions() {
    }

    static String unknownMetricsMessage(String policySource, List<String> unknown, List<String> available) {
        String names = unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        String head = "The policy " + policySource + " names " + (unknown.size() == 1 ? "a metric" : unknown.size() + " metrics")
                + " these results do not contain (" + names + ")";
        if (available.isEmpty()) {
            return head + ", and the results contain no metrics at all; check that you passed the right results.json.";
        }
        List<String> ranked = available.stream()
                .sorted(Comparator.comparingInt((String a) -> -sharedPrefix(a, unknown)).thenComparing(Comparator.naturalOrder()))
                .toList();
        if (ranked.size() <= FULL_LIST) {
            return head + "; the results contain: " + String.join(", ", ranked) + ".";
        }
        return head + "; the nearest of the " + ranked.size() + " metrics the results contain are: "
                + String.join(", ", ranked.subList(0, SHOWN)) + " and " + (ranked.size() - SHOWN)
                + " more (every name is in results.json under \"metrics\").";
    }

    /** The longest prefix {@code name} shares with any of {@code targets}. */
    static int sharedPrefix(String name, List<String> targets) {
        int best = 0;
        for (String t : targets) {
            int n = Math.min(name.length(), t.length());
            int i = 0;
            while (i < n && name.charAt(i) == t.charAt(i)) {
                i++;
            }
            best = Math.max(best, i);
        }
        return best;
    }
}
