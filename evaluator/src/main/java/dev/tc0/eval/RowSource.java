package dev.tc0.eval;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads patterns as text rows, one a line, {@code '0'}/{@code '1'} per input (input 0 first).
 * Blank lines and lines starting with {@code #} are skipped; {@code \r\n} is accepted. Rows are
 * packed 64 inputs to a word and turned into planes by 64x64 bit transposition.
 */
public final class RowSource implements InputSource {
    private final InputStream in;
    private final String name;
    private final int inputs;
    private final int chunks; // words per row
    private long line;
    private long[] block = new long[0];
    private boolean eof;

    public RowSource(InputStream in, String name, int inputs) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.name = name;
        this.inputs = inputs;
        this.chunks = (inputs + 63) >>> 6;
    }

    @Override
    public int numInputs() {
        return inputs;
    }

    @Override
    public long count() {
        return -1;
    }

    @Override
    public boolean randomAccess() {
        return false;
    }

    @Override
    public int fill(long first, int words, long[] dst, int[] offset) throws IOException {
        int patterns = 0;
        // block[c * 64 + r]: row r of the current 64-row block, input chunk c
        if (block.length < chunks * 64) block = new long[chunks * 64];
        for (int w = 0; w < words; w++) {
            java.util.Arrays.fill(block, 0, chunks * 64, 0L);
            int rows = 0;
            while (rows < 64 && readRow(block, rows)) rows++;
            patterns += rows;
            for (int c = 0; c < chunks; c++) {
                BitTranspose.transpose64(block, c * 64);
                int top = Math.min(64, inputs - c * 64);
                for (int b = 0; b < top; b++) {
                    int o = offset[c * 64 + b];
                    if (o >= 0) dst[o + w] = block[c * 64 + b];
                }
            }
            if (rows < 64) {
                for (int w2 = w + 1; w2 < words; w2++) {
                    for (int i = 0; i < inputs; i++) if (offset[i] >= 0) dst[offset[i] + w2] = 0;
                }
                break;
            }
        }
        return patterns;
    }

    /** Parses one row into bit {@code r} of the block's words; false at the end of input. */
    private boolean readRow(long[] block, int r) throws IOException {
        while (true) {
            if (eof) return false;
            int ch = in.read();
            if (ch < 0) {
                eof = true;
                return false;
            }
            line++;
            if (ch == '\n') continue;
            if (ch == '\r') {
                expectNewline();
                continue;
            }
            if (ch == '#') {
                skipLine();
                continue;
            }
            int i = 0;
            while (true) {
                if (ch == '0' || ch == '1') {
                    if (i >= inputs)
                        throw new IOException(name + ":" + line + ": more than " + inputs + " bits in the row");
                    if (ch == '1') block[(i >>> 6) * 64 + r] |= 1L << (i & 63);
                    i++;
                } else if (ch == '\n' || ch < 0) {
                    break;
                } else if (ch == '\r') {
                    expectNewline();
                    break;
                } else if (ch != ' ' && ch != '\t') {
                    throw new IOException(name + ":" + line + ": unexpected character '" + (char) ch + "' at column "
                            + (i + 1) + " (rows hold only 0 and 1)");
                }
                ch = in.read();
            }
            if (ch < 0) eof = true;
            if (i != inputs) {
                throw new IOException(name + ":" + line + ": expected " + inputs + " bits, got " + i);
            }
            return true;
        }
    }

    private void expectNewline() throws IOException {
        in.mark(1);
        if (in.read() != '\n') in.reset();
    }

    private void skipLine() throws IOException {
        int ch;
        while ((ch = in.read()) >= 0 && ch != '\n') {}
        if (ch < 0) eof = true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
