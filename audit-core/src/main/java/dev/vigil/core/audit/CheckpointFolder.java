package dev.vigil.core.audit;

import dev.vigil.core.InputError;
import dev.vigil.core.result.AtomicFiles;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.SamplesCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link Checkpoints} in a folder of the audit's output: per finished probe {@code <id>.csv} (its rows, as
 * samples.csv writes them) and {@code <id>.shards} (its shard results, Java-serialized), the latter written last,
 * so that its presence means the probe's checkpoint is whole.
 */
public final class CheckpointFolder implements Checkpoints {
    private final Path folder;

    public CheckpointFolder(Path folder) {
        this.folder = folder;
    }

    /** What one probe's shard file holds. */
    private record Saved(String probeId, long rows, List<?> shards) implements Serializable {
    }

    @Override
    public <S extends Serializable> List<S> restore(Probe<S> probe, AuditContext context) throws IOException {
        Path shardFile = folder.resolve(probe.id() + ".shards");
        if (!Files.isRegularFile(shardFile)) {
            return null;
        }
        Saved saved;
        try (InputStream in = Files.newInputStream(shardFile); ObjectInputStream objects = new ObjectInputStream(in)) {
            saved = (Saved) objects.readObject();
        } catch (ClassNotFoundException | ClassCastException | java.io.InvalidClassException e) {
            throw new InputError("The checkpoint " + shardFile + " was written by another Vigil version (" + e.getMessage()
                    + "); run the audit again without --resume.", e);
        }
        List<SampleRow> rows = saved.rows() == 0 ? List.of() : SamplesCsv.read(folder.resolve(probe.id() + ".csv"));
        if (rows.size() != saved.rows() || !probe.id().equals(saved.probeId())) {
            throw new InputError("The checkpoint of the " + probe.id() + " probe in " + folder + " is incomplete; run the audit again"
                    + " without --resume.");
        }
        context.recorder().rows(probe.id(), rows);
        @SuppressWarnings("unchecked")
        List<S> shards = (List<S>) saved.shards();
        return shards;
    }

    @Override
    public <S extends Serializable> void save(Probe<S> probe, AuditContext context, List<S> shards) throws IOException {
        Files.createDirectories(folder);
        List<SampleRow> rows = new java.util.ArrayList<>();
        context.recorder().rowsOf(probe.id()).forEach(rows::add);
        if (!rows.isEmpty()) {
            SamplesCsv.write(rows, folder.resolve(probe.id() + ".csv"));
        }
        Saved saved = new Saved(probe.id(), rows.size(), new java.util.ArrayList<>(shards));
        AtomicFiles.write(folder.resolve(probe.id() + ".shards"), file -> {
            try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(saved);
            }
        });
    }
}
