package dev.vigil.core.compare;

import java.util.List;

/**
 * The samples of one probe setting whose outcome changed between the runs.
 *
 * @param metric        the setting's share of correct rows, e.g. "fgsm.linf.eps=8/255.robust_accuracy"
 * @param samples       samples both runs measured in this setting
 * @param onlyInBase    samples only the base run measured here (not paired)
 * @param onlyInNew     samples only the new run measured here
 * @param newlyFailing  right in the base run, wrong in the new one, in sample-id order
 * @param newlyPassing  wrong in the base run, right in the new one
 */
public record SettingChanges(String setting, String probe, String parameter, String metric, int samples, int onlyInBase,
                             int onlyInNew, List<ClassChanges> classes, List<SampleChange> newlyFailing,
                             List<SampleChange> newlyPassing) {
    public SettingChanges {
        classes = List.copyOf(classes);
        newlyFailing = List.copyOf(newlyFailing);
        newlyPassing = List.copyOf(newlyPassing);
    }
}
