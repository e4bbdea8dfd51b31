package dev.vigil.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded order that deals samples class by class in turn, so any prefix is as balanced as the data allows. */
final class StratifiedOrder {
    private StratifiedOrder() {
    }

    static List<Sample> of(List<Sample> samples, int classes, long seed) {
        List<List<Sample>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (Sample s : samples) {
            byClass.get(s.label()).add(s);
        }
        Random random = new Random(seed);
        for (List<Sample> group : byClass) {
            Collections.shuffle(group, random);
        }
        List<Sample> order = new ArrayList<>(samples.size());
        for (int round = 0; order.size() < samples.size(); round++) {
            for (List<Sample> group : byClass) {
                if (round < group.size()) {
                    order.add(group.get(round));
                }
            }
        }
        return order;
    }
}
