package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.core.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What executors read: the driver's relative paths made absolute, the config file's values inlined. */
class ClusterAuditTest {
    private static String abs(String relative) {
        return Path.of(relative).toAbsolutePath().normalize().toString();
    }

    @Test
    void relativeLocalPathsBecomeAbsoluteAgainstTheDriversFolder() {
        String[] args = ClusterAudit.executorArgs("--model", "m/model.pt", "--data=images/./train", "--eps", "8/255",
                "--labels", "/abs/labels.txt", "--out", "report", "--quiet");
        assertArrayEquals(new String[] {"--model=" + abs("m/model.pt"), "--data=" + abs("images/train"), "--eps", "8/255",
            "--labels=/abs/labels.txt", "--out=" + abs("report"), "--quiet"}, args);
    }

    @Test
    void urisPassUnchanged() {
        String[] args = ClusterAudit.executorArgs("--model", "model.pt", "--data", "hdfs://nn:8020/eval/images");
        assertArrayEquals(new String[] {"--model=" + abs("model.pt"), "--data=hdfs://nn:8020/eval/images"}, args);
    }

    @Test
    void theConfigFilesValuesBecomeOptionsAndTheCommandLineStillWins(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("audit.yaml");
        Files.writeString(config, "data: images\neps: [1/255, 8/255]\nthreads: 4\nquiet: true\nresume: false\n");
        String[] args = ClusterAudit.executorArgs("--model", "/m.pt", "--config", config.toString(), "--threads", "1");
        assertArrayEquals(new String[] {"--model=/m.pt", "--threads", "1", "--data=" + abs("images"), "--eps=1/255,8/255",
            "--quiet"}, args);
    }

    @Test
    void anUnreadableConfigFileIsAnInputError(@TempDir Path dir) {
        assertThrows(InputError.class, () -> ClusterAudit.executorArgs("--model", "/m.pt", "--config=" + dir.resolve("none.yaml")));
    }
}
