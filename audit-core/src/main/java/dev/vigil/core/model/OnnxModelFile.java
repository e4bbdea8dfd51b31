package dev.vigil.core.model;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an ONNX file says about itself, read from the top level of its ModelProto (onnx.proto3): the IR
 * version, the producer's name and version, and the opset of each operator domain. ONNX Runtime's
 * metadata API gives the producer's name only, not its version or the opsets, so the few top-level fields
 * are read here; the graph (field 7) is skipped by its length, never parsed.
 *
 * @param opsets opset version by operator domain; the default domain is named "ai.onnx"
 */
record OnnxModelFile(long irVersion, String producerName, String producerVersion, Map<String, Long> opsets) {
    private static final int IR_VERSION = 1;
    private static final int PRODUCER_NAME = 2;
    private static final int PRODUCER_VERSION = 3;
    private static final int OPSET_IMPORT = 8;

    static OnnxModelFile read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new InputError("The ONNX file " + file + " is larger than 2 GB; ONNX keeps such weights in external data files,"
                        + " which Vigil does not read.");
            }
            return parse(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        } catch (IOException e) {
            throw new InputError("The model file " + file + " could not be read (" + InputError.firstLine(e) + ").", e);
        } catch (IllegalArgumentException e) {
            throw new InputError("The model file " + file + " is not a valid ONNX file (" + e.getMessage()
                    + "); export it again with torch.onnx.export or tf2onnx.", e);
        }
    }

    static OnnxModelFile parse(ByteBuffer in) {
        long ir = 0;
        String producer = "";
        String producerVersion = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            long key = varint(in);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (field == IR_VERSION && wire == 0) {
                ir = varint(in);
            } else if (field == PRODUCER_NAME && wire == 2) {
                producer = string(in);
            } else if (field == PRODUCER_VERSION && wire == 2) {
                producerVersion = string(in);
            } else if (field == OPSET_IMPORT && wire == 2) {
                ByteBuffer entry = slice(in);
                String domain = "";
                long version = 0;
                while (entry.hasRemaining()) {
                    long k = varint(entry);
                    if ((k >>> 3) == 1 && (k & 7) == 2) {
                        domain = string(entry);
                    } else if ((k >>> 3) == 2 && (k & 7) == 0) {
                        version = varint(entry);
                    } else {
                        skip(entry, (int) (k & 7));
                    }
                }
                opsets.put(domain.isEmpty() ? "ai.onnx" : domain, version);
            } else {
                skip(in, wire);
            }
        }
        return new OnnxModelFile(ir, producer, producerVersion, opsets);
    }

    /** The opset of the default operator domain, or 0 when the file names none. */
    long opset() {
        return opsets.getOrDefault("ai.onnx", 0L);
    }

    /** For the provenance: producer, its version, opset, IR version. */
    Map<String, String> metadata() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("producer", (producerName + " " + producerVersion).trim());
        out.put("opset", Long.toString(opset()));
        opsets.forEach((domain, version) -> {
            if (!domain.equals("ai.onnx")) {
                out.put("opset " + domain, Long.toString(version));
            }
        });
        out.put("irVersion", Long.toString(irVersion));
        return out;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw new IllegalArgumentException("the file ends inside a number");
            }
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a number is longer than 10 bytes");
    }

    private static ByteBuffer slice(ByteBuffer in) {
        long length = varint(in);
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a field is longer than the file");
        }
        ByteBuffer out = in.slice(in.position(), (int) length);
        in.position(in.position() + (int) length);
        return out;
    }

    private static String string(ByteBuffer in) {
        return StandardCharsets.UTF_8.decode(slice(in)).toString();
    }

    private static void skip(ByteBuffer in, int wire) {
        switch (wire) {
            case 0 -> varint(in);
            case 1 -> advance(in, 8);
            case 2 -> slice(in);
            case 5 -> advance(in, 4);
            default -> throw new IllegalArgumentException("unknown protobuf wire type " + wire);
        }
    }

    private static void advance(ByteBuffer in, int bytes) {
        if (bytes > in.remaining()) {
            throw new IllegalArgumentException("a field is longer than the file");
        }
        in.position(in.position() + bytes);
    }
}
