package dev.tc0.compile.transformer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the arrays of a NumPy {@code .npz} file ({@code numpy.savez} or {@code savez_compressed}):
 * a ZIP archive of {@code .npy} members, each a magic string, a version, a header that is a
 * Python dict literal ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (8, 4), }}) and
 * the raw data. Little- and big-endian float32 and float64 of one or two dimensions are read, in C
 * or Fortran order. Everything is untrusted: the shape is checked against the bytes actually there
 * and a size cap before any array is allocated, and every failure names the member.
 */
public final class NpzArrays {
    /** An array of one or two dimensions, as doubles: {@code rows == 1 && !matrix} for a vector. */
    public record Array(int rows, int cols, boolean matrix, double[] data) {
        public double get(int r, int c) {
            return data[r * cols + c];
        }
    }

    /** Cap on the elements of one file (2^26 doubles, 512 MB): a header may not ask for more. */
    static final long MAX_ELEMENTS = 1L << 26;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpzArrays() {}

    /** The arrays by name (the member name without {@code .npy}), in file order. */
    public static Map<String, Array> read(InputStream in) throws ModelFormatException, IOException {
        Map<String, Array> out = new LinkedHashMap<>();
        long elements = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (e.isDirectory()) continue;
                if (!name.endsWith(".npy"))
                    throw new ModelFormatException(name + ": not a .npy member (an .npz holds only .npy arrays)");
                String key = name.substring(0, name.length() - 4);
                if (out.containsKey(key)) throw new ModelFormatException(name + ": duplicate member");
                Array a = npy(zip, name, MAX_ELEMENTS - elements);
                elements += a.data().length;
                out.put(key, a);
            }
        } catch (ZipException e) {
            throw new ModelFormatException("not a readable .npz (ZIP) file: " + e.getMessage());
        }
        if (out.isEmpty()) throw new ModelFormatException("no arrays in the .npz file");
        return out;
    }

    /** One .npy member; at most {@code budget} elements. */
    static Array npy(InputStream in, String name, long budget) throws ModelFormatException, IOException {
        byte[] head = in.readNBytes(8);
        if (head.length < 8) throw new ModelFormatException(name + ": truncated .npy header");
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i])
                throw new ModelFormatException(name + ": not a .npy array (bad magic at byte " + i + ")");
        }
        int major = head[6] & 0xFF;
        // the header's length: 2 bytes (version 1) or 4 bytes (versions 2 and 3), little-endian
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default ->
                throw new ModelFormatException(name + ": .npy version " + major + " is not supported (1, 2 and 3 are)");
        };
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) throw new ModelFormatException(name + ": truncated .npy header");
        long headerLength = ByteBuffer.wrap(java.util.Arrays.copyOf(len, 4))
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt()
                & 0xFFFF_FFFFL;
        if (headerLength > 1 << 16)
            throw new ModelFormatException(name + ": .npy header of " + headerLength + " bytes is too long");
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) throw new ModelFormatException(name + ": truncated .npy header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        Matcher d = DESCR.matcher(header);
        if (!d.find()) throw new ModelFormatException(name + ": .npy header has no 'descr' (" + header.strip() + ")");
        if (!d.group(2).equals("f") || !(d.group(3).equals("4") || d.group(3).equals("8"))) {
            throw new ModelFormatException(name + ": dtype " + d.group(1) + d.group(2) + d.group(3)
                    + " is not float32 or float64 (save the weights as floats)");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int itemSize = Integer.parseInt(d.group(3));
        Matcher f = FORTRAN.matcher(header);
        if (!f.find()) throw new ModelFormatException(name + ": .npy header has no 'fortran_order'");
        boolean fortran = f.group(1).equals("True");
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) throw new ModelFormatException(name + ": .npy header has no 'shape'");
        String[] dims = s.group(1).split(",");
        long[] shape = new long[2];
        int rank = 0;
        for (String dim : dims) {
            String t = dim.strip();
            if (t.isEmpty()) continue;
            if (rank == 2)
                throw new ModelFormatException(name + ": shape (" + s.group(1) + ") has more than two dimensions");
            try {
                shape[rank++] = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new ModelFormatException(name + ": bad shape (" + s.group(1) + ")");
            }
        }
        if (rank == 0) throw new ModelFormatException(name + ": a scalar, expected a vector or a matrix");
        long rows = rank == 2 ? shape[0] : 1, cols = rank == 2 ? shape[1] : shape[0];
        if (rows < 0 || cols < 0 || rows * cols > budget || rows * cols > Integer.MAX_VALUE) {
            throw new ModelFormatException(name + ": shape (" + s.group(1) + ") is larger than the " + MAX_ELEMENTS
                    + " elements a model file may hold");
        }
        int count = (int) (rows * cols);
        byte[] raw = in.readNBytes(count * itemSize);
        if (raw.length < count * itemSize) {
            throw new ModelFormatException(name + ": shape (" + s.group(1) + ") needs " + (long) count * itemSize
                    + " bytes of data, the member has " + raw.length);
        }
        if (in.read() >= 0)
            throw new ModelFormatException(name + ": more data than its shape (" + s.group(1) + ") holds");
        ByteBuffer buf = ByteBuffer.wrap(raw).order(order);
        double[] data = new double[count];
        for (int k = 0; k < count; k++) {
            double v = itemSize == 4 ? buf.getFloat() : buf.getDouble();
            if (!Double.isFinite(v)) {
                throw new ModelFormatException(name + ": element " + k + " is " + v
                        + "; weights must be finite numbers (replace NaN and infinities before saving)");
            }
            // Fortran order lists columns first; store rows first
            int at = fortran && rank == 2 ? (int) ((k % rows) * cols + k / rows) : k;
            data[at] = v;
        }
        return new Array((int) rows, (int) cols, rank == 2, data);
    }
}
