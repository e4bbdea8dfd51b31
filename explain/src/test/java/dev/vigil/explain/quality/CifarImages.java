package dev.vigil.explain.quality;

import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.explain.method.Images;
import java.util.ArrayList;
import java.util.List;

/** A few CIFAR fixture images, one from each of the first classes, with their labels. */
record CifarImages(Images images, int[] labels) {
    static CifarImages firstOfEachClass(int count) {
        Dataset data = CifarFixture.dataset();
        List<Sample> picked = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int label = c % data.classNames().size();
            int nth = c / data.classNames().size();
            picked.add(data.samples().stream().filter(s -> s.label() == label).skip(nth).findFirst().orElseThrow());
        }
        try (BatchStream stream = new BatchStream(picked, CifarFixture.SPEC, count)) {
            Batch batch = stream.iterator().next();
            return new CifarImages(new Images(CifarFixture.SPEC, batch.size(), batch.pixels()), batch.labels());
        }
    }
}
