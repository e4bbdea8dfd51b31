package dev.vigil.attacks.drift;

import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A warning for a family whose changes cost accuracy beyond chance: some setting loses at least
 * five points with McNemar p below 0.01. It names the worst setting and the classes it hurts most,
 * so that colour- or orientation-dependent classes stand out.
 */
final class DriftFindings {
    static final double MIN_DROP = 0.05;
    static final double MAX_P = 0.01;
    static final double CLASS_DROP = 0.25;

    private DriftFindings() {
    }

    static boolean significant(SettingResult r) {
        return r.accuracyDrop() >= MIN_DROP && r.mcnemarP() < MAX_P;
    }

    static Optional<Finding> of(DriftFamily family, List<SettingResult> results, List<String> classes) {
        List<SettingResult> hits = results.stream().filter(DriftFindings::significant).toList();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        SettingResult worst = hits.stream().max(Comparator.comparingDouble(SettingResult::accuracyDrop)).orElseThrow();
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT,
                "Under %s, accuracy falls from %s to %s (McNemar p = %s); %d of %d settings lose at least %.0f points with p < %s.",
                worst.label(), DriftText.share(worst.counts().cleanAccuracy()), DriftText.share(worst.accuracy().value()),
                DriftText.pValue(worst.mcnemarP()), hits.size(), results.size(), 100 * MIN_DROP, MAX_P));
        List<String> hurt = new ArrayList<>();
        PairedCounts counts = worst.counts();
        for (int c = 0; c < classes.size(); c++) {
            Metric m = worst.classAccuracy().get(c);
            if (m == null) {
                continue;
            }
            double clean = (double) counts.classCleanCorrect()[c] / counts.classSamples()[c];
            if (clean - m.value() >= CLASS_DROP) {
                hurt.add(String.format(Locale.ROOT, "%s %s → %s", classes.get(c), DriftText.share(clean), DriftText.share(m.value())));
            }
        }
        if (!hurt.isEmpty()) {
            detail.append(" Classes that lose at least ").append(Math.round(100 * CLASS_DROP)).append(" points there: ")
                    .append(String.join(", ", hurt)).append('.');
        }
        String what = switch (family) {
            case ROTATION -> "rotation";
            case GRAYSCALE -> "grayscale";
            case CORRUPTIONS -> "common corruptions";
        };
        return Optional.of(Finding.warning("drift-" + family.id(), "Accuracy drops under " + what, detail.toString()));
    }
}
