package dev.vigil.core.eval;

/**
 * The NaN and infinite values among a batch's logits. Arg-max and softmax of such logits mean nothing
 * (every comparison with NaN is false, so a NaN row would "predict" class 0 with confidence 0), so a
 * sample with any non-finite logit gets no prediction at all.
 *
 * @param nan      NaN values in the batch
 * @param infinite infinite values in the batch
 * @param finite   per sample, whether all its logits are finite
 */
public record NonFiniteLogits(int nan, int infinite, boolean[] finite) {
    /** Counts over {@code n} rows of {@code k} logits, row-major. */
    public static NonFiniteLogits of(float[] logits, int n, int k) {
        int nan = 0;
        int infinite = 0;
        boolean[] finite = new boolean[n];
        for (int i = 0; i < n; i++) {
            finite[i] = true;
            for (int c = 0; c < k; c++) {
                float v = logits[i * k + c];
                if (Float.isNaN(v)) {
                    nan++;
                    finite[i] = false;
                } else if (Float.isInfinite(v)) {
                    infinite++;
                    finite[i] = false;
                }
            }
        }
        return new NonFiniteLogits(nan, infinite, finite);
    }

    public boolean any() {
        return nan + infinite > 0;
    }

    public boolean finite(int sample) {
        return finite[sample];
    }

    /** "3 NaN and 1 infinite" — what a sentence quotes. */
    public String counts() {
        if (nan > 0 && infinite > 0) {
            return nan + " NaN and " + infinite + " infinite";
        }
        return nan > 0 ? nan + " NaN" : infinite + " infinite";
    }
}
