package dev.vigil.attacks.adversarial;

import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Red flags that compare attack results with each other (Carlini et al. 2019): a bigger budget can
 * only help an attack, and an iterative attack should never be weaker than a single step of the same
 * size. When either fails, the attack is not finding the worst case and the robustness is overstated.
 */
final class RedFlags {
    private RedFlags() {
    }

    /** Robust accuracy that rises from a smaller epsilon to a larger one of the same sweep. */
    static Optional<Finding> risingWithEpsilon(SweepSummary sweep) {
        List<EpsilonResult> r = sweep.results();
        for (int j = 1; j < r.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (r.get(j).robust() > r.get(i).robust()) {
                    AttackSpec spec = sweep.spec();
                    return Optional.of(Finding.warning("robust-accuracy-rises-with-eps." + spec.id(),
                            spec.title() + " robust accuracy rises with ε",
                            spec.title() + " leaves " + describe(r.get(j)) + " robust at ε=" + r.get(j).epsilon().text()
                                    + " but only " + describe(r.get(i)) + " at the smaller ε=" + r.get(i).epsilon().text()
                                    + ". A larger budget contains every smaller one, so a working attack cannot do worse with it:"
                                    + " the attack is not finding the worst case (gradient masking, or a loss that misleads it)."));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An attack leaving more images robust than an attack it should never be weaker than (its catalogue
     * entry's {@code atLeastAsStrongAs}: PGD against FGSM), at the same epsilon, norm and target.
     */
    static Optional<Finding> weakerThan(SweepSummary weaker, SweepSummary stronger) {
        List<String> cases = new ArrayList<>();
        String strong = stronger.spec().definition().title();
        String weak = weaker.spec().definition().title();
        for (EpsilonResult p : stronger.results()) {
            for (EpsilonResult f : weaker.results()) {
                if (f.epsilon().value() == p.epsilon().value() && p.robust() > f.robust()) {
                    cases.add("at ε=" + p.epsilon().text() + " " + strong + " leaves " + describe(p) + " robust, " + weak + " only " + describe(f));
                }
            }
        }
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning(stronger.spec().definition().id() + "-weaker-than-" + weaker.spec().definition().id()
                        + "." + stronger.spec().id(),
                strong + " is weaker than " + weak + " (" + stronger.spec().norm().symbol() + ")",
                "In " + stronger.spec().norm().symbol() + ", " + String.join("; ", cases) + ". " + strong + " searches the same"
                        + " budget more thoroughly and should find at least what " + weak + " finds; when it does not, its gradients"
                        + " mislead it near the image (gradient masking or obfuscated gradients, Athalye et al. 2018) and robust"
                        + " accuracy is overstated."));
    }

    /**
     * Logits that became NaN or infinite under the attack: those images have no prediction and count as not
     * robust, which the reader must know, since the model's numbers break down rather than its decisions.
     */
    static Optional<Finding> nonFinite(SweepSummary sweep) {
        List<String> at = new ArrayList<>();
        int worst = 0;
        for (EpsilonResult r : sweep.results()) {
            if (r.nonFinite() > 0) {
                at.add(r.nonFinite() + " at ε=" + r.epsilon().text());
                worst = Math.max(worst, r.nonFinite());
            }
        }
        if (at.isEmpty()) {
            return Optional.empty();
        }
        AttackSpec spec = sweep.spec();
        return Optional.of(new Finding("nonfinite-logits-under-attack." + spec.id(), Finding.ERROR,
                "NaN or infinite logits under " + spec.title() + " on up to " + worst + (worst == 1 ? " image" : " images"),
                "The model's logits were NaN or infinite for adversarial images of " + spec.title() + ": " + String.join(", ", at)
                        + " (metric " + spec.id() + ".eps=<ε>.samples_nonfinite; rows with nonfinite_logits=true and no prediction"
                        + " in samples.csv). These images have no prediction and count as not robust; robust accuracy is an honest"
                        + " bound only if an input that makes the model's output break down counts as a failure. A model that"
                        + " overflows or divides by zero on inputs this close to real images is unfit for deployment as it is."));
    }

    private static String describe(EpsilonResult r) {
        return r.robust() + " of " + r.read() + " images (" + Format.share(r.robustAccuracy().value()) + ")";
    }
}
