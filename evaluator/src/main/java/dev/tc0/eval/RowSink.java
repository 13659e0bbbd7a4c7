package dev.tc0.eval;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one text row per pattern: {@code '0'}/{@code '1'} per output, output 0 first. Planes are
 * turned back into rows by 64x64 bit transposition.
 */
public final class RowSink implements OutputSink {
    private final OutputStream out;
    private final int outputs;
    private final int chunks;
    private final long[] block;
    private final byte[] row;

    public RowSink(OutputStream out, int outputs) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.outputs = outputs;
        this.chunks = (outputs + 63) >>> 6;
        this.block = new long[Math.max(1, chunks) * 64];
        this.row = new byte[outputs + 1];
        row[outputs] = '\n';
    }

    @Override
    public void accept(long first, int count, long[] tile, int words) throws IOException {
        for (int w = 0; w * 64 < count; w++) {
            java.util.Arrays.fill(block, 0L);
            for (int o = 0; o < outputs; o++) block[(o >>> 6) * 64 + (o & 63)] = tile[o * words + w];
            for (int c = 0; c < chunks; c++) BitTranspose.transpose64(block, c * 64);
            int rows = Math.min(64, count - 64 * w);
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < outputs; o++) {
                    row[o] = (byte) ((block[(o >>> 6) * 64 + r] >>> (o & 63) & 1) != 0 ? '1' : '0');
                }
                out.write(row);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
