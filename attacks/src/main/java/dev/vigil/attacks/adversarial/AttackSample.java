package dev.vigil.attacks.adversarial;

/**
 * What one attack did to one image at one epsilon.
 *
 * @param prediction            the class the model gives the adversarial image
 * @param confidence            the softmax probability of that class
 * @param trueClassProbability  the softmax probability of the true class
 * @param linf                  the largest change of any pixel (L∞ size of the perturbation used)
 * @param l2                    the Euclidean length of the perturbation used
 * @param progress              the attacker's objective at the image ({@link Criterion#progress}, higher is
 *                              better for the attacker), which restarts compare; −∞ for an image not attacked,
 *                              NaN where unknown (an outcome read back from rows)
 * @param pixels                the adversarial image (CHW), kept only for images shown as evidence; else null
 */
public record AttackSample(int prediction, float confidence, float trueClassProbability, float linf, float l2,
                           double progress, float[] pixels) {
}
