package dev.vigil.cli;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.PolicyFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The default policy packaged in the jar (policies/default.yaml), used when no --policy is given. */
final class BundledPolicy {
    static final String RESOURCE = "/policies/default.yaml";
    static final String SOURCE = "bundled default policy";

    private BundledPolicy() {
    }

    static String text() {
        try (InputStream in = BundledPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the Vigil jar; rebuild Vigil");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default policy; rules on metrics of probes that did not run are inconclusive, not errors. */
    static Policy load() {
        String yaml = text();
        return PolicyFile.parse(yaml, SOURCE, Hashing.sha256(yaml.getBytes(StandardCharsets.UTF_8)), true, "Vigil default policy");
    }
}
