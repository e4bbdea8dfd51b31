package dev.vigil.spark;

import dev.vigil.core.data.DataListing;
import dev.vigil.core.data.RemoteStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Data at a URI through Hadoop's FileSystem, so any scheme the cluster's Hadoop knows (hdfs, s3a, gs, abfs,
 * file). On the driver it lists a URI once with Spark ({@link SparkListing}) and keeps the listing for the
 * audit; on an executor it knows only the listings the driver shipped, so executors never list the data.
 */
final class HadoopStore implements RemoteStore {
    private final Configuration conf;
    private final SparkListing lister;
    private final Map<String, DataListing> listings = new ConcurrentHashMap<>();

    /** @param lister lists URIs not listed yet; null on an executor */
    HadoopStore(Configuration conf, SparkListing lister) {
        this.conf = conf;
        this.lister = lister;
    }

    /**
     * Makes the shipped listings known to this JVM's store: the store already installed (the driver's, in local
     * mode, or an earlier audit's on this executor, whose Hadoop configuration is the same application's), or a new one.
     */
    static synchronized void receive(DataShipment shipment) {
        HadoopStore store = RemoteStore.installed().orElse(null) instanceof HadoopStore h ? h : null;
        if (store == null) {
            store = new HadoopStore(shipment.configuration(), null);
            RemoteStore.install(store);
        }
        store.listings.putAll(shipment.listings());
    }

    /** The listings made so far, with the configuration to read their files, for the executors. */
    DataShipment shipment() {
        return new DataShipment(listings, conf);
    }

    boolean hasListings() {
        return !listings.isEmpty();
    }

    @Override
    public DataListing list(String uri) throws IOException {
        DataListing known = listings.get(uri);
        if (known != null) {
            return known;
        }
        if (lister == null) {
            throw new IllegalStateException("the listing of " + uri + " did not reach this executor");
        }
        DataListing listing = lister.list(uri);
        listings.put(uri, listing);
        return listing;
    }

    @Override
    public InputStream open(String uri) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        try {
            return fs.open(path);
        } catch (FileNotFoundException e) {
            // Hadoop says "not found" for a file it may not open, too (the local file system does).
            throw missingOrDenied(fs, path, uri, e);
        } catch (AccessControlException e) {
            throw denied(uri, e);
        }
    }

    @Override
    public Stamp stamp(String uri) throws IOException {
        Path path = new Path(uri);
        try {
            FileStatus status = path.getFileSystem(conf).getFileStatus(path);
            return new Stamp(status.getLen(), status.getModificationTime());
        } catch (FileNotFoundException e) {
            throw missing(uri, e);
        } catch (AccessControlException e) {
            throw denied(uri, e);
        }
    }

    private static IOException missingOrDenied(FileSystem fs, Path path, String uri, FileNotFoundException e) {
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (IOException gone) {
            return missing(uri, e);
        }
        if (status.isDirectory()) {
            return new IOException("a folder, not a file", e);
        }
        return denied(uri, e);
    }

    private static IOException missing(String uri, IOException cause) {
        NoSuchFileException e = new NoSuchFileException(uri);
        e.initCause(cause);
        return e;
    }

    private static IOException denied(String uri, IOException cause) {
        AccessDeniedException e = new AccessDeniedException(uri);
        e.initCause(cause);
        return e;
    }
}
