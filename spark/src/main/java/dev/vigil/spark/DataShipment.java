package dev.vigil.spark;

import dev.vigil.core.data.DataListing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What executors need to read data at a URI without listing it again: the driver's listings by the URI the
 * options name, and the driver's Hadoop configuration (file system settings, credentials providers), as Spark
 * itself ships it for its file scans. Broadcast once per audit.
 */
final class DataShipment implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, DataListing> listings;
    private final byte[] configuration;
    private transient volatile Configuration conf;

    DataShipment(Map<String, DataListing> listings, Configuration configuration) {
        this.listings = Map.copyOf(listings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            configuration.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.configuration = bytes.toByteArray();
    }

    Map<String, DataListing> listings() {
        return listings;
    }

    Configuration configuration() {
        if (conf == null) {
            Configuration c = new Configuration(false);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(configuration))) {
                c.readFields(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            conf = c;
        }
        return conf;
    }
}
