package dev.vigil.reports;

import dev.vigil.core.image.PngImages;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The results of the default audit of the CIFAR fixture (200 images, 10 classes; made by
 * scripts/make-report-fixture.sh), with placeholder figures of the real pixel sizes: a report of the
 * real shape, for the page-count and PDF tests, without running a model. Loaded once per test class.
 */
final class CifarFixture {
    private CifarFixture() {
    }

    /** The results; every figure is written under {@code dir} as seeded noise of its recorded size. */
    static AuditResults load(Path dir) throws IOException {
        Path json = Files.createDirectories(dir).resolve("results.json");
        try (InputStream in = new GZIPInputStream(resource("results.json.gz"))) {
            Files.copy(in, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        AuditResults results = ResultsJson.read(json);
        Random random = new Random(15);
        try (BufferedReader figures = new BufferedReader(new InputStreamReader(resource("figures.tsv"), StandardCharsets.UTF_8))) {
            for (String line = figures.readLine(); line != null; line = figures.readLine()) {
                String[] f = line.split("\t");
                BufferedImage image = new BufferedImage(Integer.parseInt(f[1]), Integer.parseInt(f[2]), BufferedImage.TYPE_INT_RGB);
                // blocks of one colour, as the probes' images are enlarged 32-pixel images: about their file sizes
                int cell = Math.max(1, image.getHeight() / 32);
                for (int y = 0; y < image.getHeight(); y += cell) {
                    for (int x = 0; x < image.getWidth(); x += cell) {
                        int rgb = random.nextInt(0x1000000);
                        for (int dy = 0; dy < cell && y + dy < image.getHeight(); dy++) {
                            for (int dx = 0; dx < cell && x + dx < image.getWidth(); dx++) {
                                image.setRGB(x + dx, y + dy, rgb);
                            }
                        }
                    }
                }
                PngImages.write(image, dir.resolve(f[0]));
            }
        }
        return results;
    }

    private static InputStream resource(String name) {
        InputStream in = CifarFixture.class.getResourceAsStream("/cifar-fixture/" + name);
        if (in == null) {
            throw new IllegalStateException("the test resource cifar-fixture/" + name + " is missing; run scripts/make-report-fixture.sh");
        }
        return in;
    }
}
