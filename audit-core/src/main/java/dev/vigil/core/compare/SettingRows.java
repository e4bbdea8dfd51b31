package dev.vigil.core.compare;

import java.util.Arrays;

/** The rows of one setting in one run, by sample number: the prediction, and whether it was right and flipped. */
final class SettingRows {
    private static final byte PRESENT = 1;
    private static final byte CORRECT = 2;
    private static final byte FLIP_KNOWN = 4;
    private static final byte FLIPPED = 8;

    private int[] predictions = new int[0];
    private byte[] flags = new byte[0];
    private int rows;
    private boolean flipColumn = true;

    /** Records a row; false when the sample already has one in this setting. */
    boolean add(int sample, int prediction, boolean correct, Boolean flipped) {
        if (sample >= flags.length) {
            int size = Math.max(sample + 1, flags.length * 2);
            flags = Arrays.copyOf(flags, size);
            predictions = Arrays.copyOf(predictions, size);
        }
        if ((flags[sample] & PRESENT) != 0) {
            return false;
        }
        byte f = PRESENT;
        if (correct) {
            f |= CORRECT;
        }
        if (flipped != null) {
            f |= FLIP_KNOWN;
            if (flipped) {
                f |= FLIPPED;
            }
        } else {
            flipColumn = false;
        }
        flags[sample] = f;
        predictions[sample] = prediction;
        rows++;
        return true;
    }

    boolean has(int sample) {
        return sample < flags.length && (flags[sample] & PRESENT) != 0;
    }

    boolean correct(int sample) {
        return (flags[sample] & CORRECT) != 0;
    }

    boolean flipped(int sample) {
        return (flags[sample] & FLIPPED) != 0;
    }

    int prediction(int sample) {
        return predictions[sample];
    }

    /** Whether every row of the setting says whether its prediction changed from the clean one. */
    boolean hasFlipColumn() {
        return flipColumn && rows > 0;
    }

    /** One past the highest sample number this setting may hold. */
    int span() {
        return flags.length;
    }

    int rows() {
        return rows;
    }
}
