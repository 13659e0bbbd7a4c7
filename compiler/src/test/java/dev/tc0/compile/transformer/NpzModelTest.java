package dev.tc0.compile.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * NumPy weights: .npy members written byte for byte from NumPy's documented format (magic,
 * version, little-endian header length, a dict-literal header padded to 64 bytes, raw data), read
 * back in every layout NumPy writes; a model exported in Haiku's naming reads back as the same model.
 */
class NpzModelTest {

    /** One .npy member as numpy.save writes it. */
    static byte[] npy(String descr, boolean fortran, int[] shape, double[] values, int version) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) dims.append(d).append(", ");
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shapeText + ", }";
        int pre = 6 + 2 + (version == 1 ? 2 : 4);
        int total = (pre + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - pre - dict.length() - 1) + "\n";
        int item = Integer.parseInt(descr.substring(2));
        ByteBuffer data = ByteBuffer.allocate(values.length * item)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (item == 4) data.putFloat((float) v);
            else data.putDouble(v);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        ByteBuffer len = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (version == 1) len.putShort((short) header.length());
        else len.putInt(header.length());
        out.writeBytes(len.array());
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    static byte[] npz(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, NpzArrays.Array> read(byte[] npz) throws Exception {
        return NpzArrays.read(new ByteArrayInputStream(npz));
    }

    @Test
    void everyLayoutNumpyWritesReadsTheSameMatrix() throws Exception {
        double[] rowMajor = {1.5, -2, 0.25, 3, 4.75, -0.125}; // 2 x 3
        double[] colMajor = {1.5, 3, -2, 4.75, 0.25, -0.125};
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("c32", npy("<f4", false, new int[] {2, 3}, rowMajor, 1));
        m.put("c64", npy("<f8", false, new int[] {2, 3}, rowMajor, 1));
        m.put("big", npy(">f8", false, new int[] {2, 3}, rowMajor, 2));
        m.put("fortran", npy("<f4", true, new int[] {2, 3}, colMajor, 3));
        Map<String, NpzArrays.Array> got = read(npz(m));
        assertEquals(List.of("c32", "c64", "big", "fortran"), List.copyOf(got.keySet()));
        for (NpzArrays.Array a : got.values()) {
            assertEquals(2, a.rows());
            assertEquals(3, a.cols());
            assertTrue(a.matrix());
            assertArrayEquals(rowMajor, a.data());
        }
        NpzArrays.Array v = read(npz(Map.of("v", npy("<f4", false, new int[] {4}, new double[] {1, 2, 3, 4}, 1))))
                .get("v");
        assertEquals(4, v.cols());
        assertTrue(!v.matrix());
    }

    @Test
    void brokenArraysAreOneLineNamingTheMember() throws Exception {
        byte[] good = npy("<f4", false, new int[] {2, 2}, new double[] {1, 2, 3, 4}, 1);
        assertMessage(
                "w.npy: shape (2, 2) needs 16 bytes of data, the member has 12",
                npz(Map.of("w", java.util.Arrays.copyOf(good, good.length - 4))));
        byte[] liar = new String(good, StandardCharsets.ISO_8859_1)
                .replace("(2, 2)", "(99999, 99999)")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertMessage(
                "w.npy: shape (99999, 99999) is larger than the 67108864 elements a model file may hold",
                npz(Map.of("w", liar)));
        assertMessage(
                "w.npy: dtype <i8 is not float32 or float64 (save the weights as floats)",
                npz(Map.of(
                        "w",
                        new String(good, StandardCharsets.ISO_8859_1)
                                .replace("<f4", "<i8")
                                .getBytes(StandardCharsets.ISO_8859_1))));
        assertMessage(
                "w.npy: element 1 is NaN; weights must be finite numbers (replace NaN and infinities before saving)",
                npz(Map.of("w", npy("<f8", false, new int[] {2}, new double[] {1, Double.NaN}, 1))));
        assertMessage(
                "w.npy: shape (1, 2, 2) has more than two dimensions",
                npz(Map.of("w", npy("<f4", false, new int[] {1, 2, 2}, new double[] {1, 2, 3, 4}, 1))));
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertMessage("w.npy: not a .npy array (bad magic at byte 1)", npz(Map.of("w", magic)));
        assertMessage(
                "w.npy: more data than its shape (2, 2) holds",
                npz(Map.of("w", java.util.Arrays.copyOf(good, good.length + 8))));
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> read("not a zip file".getBytes(StandardCharsets.UTF_8)));
        assertEquals("no arrays in the .npz file", e.getMessage());
    }

    private static void assertMessage(String want, byte[] npz) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> read(npz));
        assertEquals(want, e.getMessage());
    }

    /** A model written as Haiku-named arrays plus a config without params reads back as the same model. */
    @Test
    void haikuNamedWeightsGiveTheSameModel() throws Exception {
        Transformer m = RandomModels.random(
                3,
                RandomModels.Shape.MEDIUM.withBos(),
                PrecisionSpec.bits(8),
                AttentionKind.SOFTMAX,
                true,
                OutputMode.ARGMAX);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(ModelWriter.write(m));
        ObjectNode params = (ObjectNode) json.remove("params");
        Map<String, NpzArrays.Array> arrays = new LinkedHashMap<>();
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> module : params.properties()) {
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field :
                    module.getValue().properties()) {
                com.fasterxml.jackson.databind.JsonNode v = field.getValue();
                boolean matrix = v.get(0).isArray();
                int rows = matrix ? v.size() : 1, cols = matrix ? v.get(0).size() : v.size();
                double[] data = new double[rows * cols];
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++)
                        data[r * cols + c] = (matrix ? v.get(r).get(c) : v.get(c)).doubleValue();
                String prefix = module.getKey().startsWith("layer_") ? "transformer/" : "";
                members.put(
                        prefix + module.getKey() + "/" + field.getKey(),
                        npy("<f8", false, matrix ? new int[] {rows, cols} : new int[] {cols}, data, 1));
            }
        }
        arrays.putAll(read(npz(members)));
        Transformer back = NpzModel.read(json.toString(), arrays);
        assertEquals(ModelWriter.write(m), ModelWriter.write(back));
        // a config that keeps its own params is refused, naming why
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> NpzModel.read(ModelWriter.write(m), arrays));
        assertTrue(e.getMessage().startsWith("params: the model file holds its own parameters"), e.getMessage());
        // a missing array is the model reader's own message
        arrays.remove("transformer/layer_1/mlp/linear_2/b");
        e = assertThrows(ModelFormatException.class, () -> NpzModel.read(json.toString(), arrays));
        assertEquals("layer_1/mlp/linear_2.b: missing", e.getMessage());
    }
}
