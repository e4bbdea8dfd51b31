package dev.vigil.explain.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0, for C-ordered little-endian float32 arrays: the magic
 * {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, an ASCII header dict
 * padded with spaces and a newline so that the data starts at a multiple of 64 bytes, then the values.
 * {@code numpy.load} reads what {@link #write} writes; {@link #read} reads that subset back.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}\\s*");

    private Npy() {
    }

    /** A float32 array and its shape, C order. */
    public record Array(int[] shape, float[] values) {
        public Array {
            long size = 1;
            for (int s : shape) {
                size *= s;
            }
            if (size != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
            }
        }
    }

    public static void write(Path file, Array array) throws IOException {
        String dims = Arrays.stream(array.shape()).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (array.shape().length == 1 ? "," : "") + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(4 * array.values().length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(array.values());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            out.write(new byte[] {1, 0, (byte) (header.length() & 0xFF), (byte) (header.length() >> 8)});
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(data.array());
        }
    }

    /** Reads a version 1.0 little-endian float32 C-order file, as NumPy writes with {@code np.save(f, a.astype('<f4'))}. */
    public static Array read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC) || in.get() != 1 || in.get() != 0) {
            throw new IOException(file + " is not a NumPy .npy version 1.0 file");
        }
        int length = Short.toUnsignedInt(in.getShort());
        byte[] header = new byte[length];
        in.get(header);
        String text = new String(header, StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(text);
        if (!m.matches()) {
            throw new IOException(file + " is not a little-endian float32 C-order array: " + text.trim());
        }
        int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        float[] values = new float[in.remaining() / 4];
        in.asFloatBuffer().get(values);
        return new Array(shape, values);
    }
}
