package dev.tc0.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Byte-level mutations of valid files, the kinds that break readers: bit flips, bytes set to
 * syntactic characters, bytes inserted and deleted, files cut short, numbers replaced by nasty
 * ones (0, -1, 2^31, 20 digits), lines deleted, duplicated and swapped, little-endian counts
 * written over binary headers, chunks duplicated, a token repeated up to a thousand times, and
 * two files spliced. Format-agnostic: the circuit readers' fuzz tests and the model reader's use
 * the same mutations.
 */
public final class Mutator {
    private static final byte[] SPECIAL = " \n\t\\#()=,.&<>X01-\r\0{}[]:\"eE+".getBytes(StandardCharsets.ISO_8859_1);
    private static final String[] NUMBERS = {
        "0",
        "1",
        "2",
        "3",
        "7",
        "2147483647",
        "2147483648",
        "4294967296",
        "536870911",
        "1000000000000",
        "99999999999999999999",
        "-1",
        "1e308",
        "-0",
        "1.5",
        "65536"
    };

    private final List<byte[]> corpus;

    public Mutator(List<byte[]> corpus) {
        if (corpus.isEmpty()) throw new IllegalArgumentException("an empty corpus");
        this.corpus = List.copyOf(corpus);
    }

    /** A corpus file with one to three mutations applied. */
    public byte[] next(Random r) {
        byte[] d = corpus.get(r.nextInt(corpus.size()));
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) d = mutate(d, r);
        return d;
    }

    byte[] mutate(byte[] d, Random r) {
        int n = d.length;
        switch (r.nextInt(13)) {
            case 0 -> { // flip a bit
                if (n == 0) return d;
                byte[] e = d.clone();
                e[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                return e;
            }
            case 1 -> { // set a byte, often to a syntactic one
                if (n == 0) return d;
                byte[] e = d.clone();
                e[r.nextInt(n)] = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)] : (byte) r.nextInt(256);
                return e;
            }
            case 2 -> { // insert bytes
                byte[] ins = new byte[1 + r.nextInt(4)];
                for (int i = 0; i < ins.length; i++) ins[i] = (byte) r.nextInt(256);
                return replace(d, r.nextInt(n + 1), 0, ins);
            }
            case 3 -> { // delete a range
                if (n == 0) return d;
                int at = r.nextInt(n);
                return replace(d, at, Math.min(n - at, 1 + r.nextInt(8)), new byte[0]);
            }
            case 4 -> { // cut the file short
                return Arrays.copyOf(d, r.nextInt(n + 1));
            }
            case 5, 6 -> { // replace a number by a nasty one
                return replaceNumber(d, r);
            }
            case 7, 8 -> { // delete, duplicate or swap lines
                return lines(d, r);
            }
            case 9 -> { // overwrite 4 bytes with a little-endian count
                if (n < 4) return d;
                byte[] e = d.clone();
                int v = r.nextBoolean() ? r.nextInt() : r.nextInt(64);
                ByteBuffer.wrap(e).order(ByteOrder.LITTLE_ENDIAN).putInt(r.nextInt(n - 3), v);
                return e;
            }
            case 10 -> { // duplicate a chunk
                if (n == 0) return d;
                int at = r.nextInt(n);
                return replace(d, at, 0, Arrays.copyOfRange(d, at, Math.min(n, at + 1 + r.nextInt(32))));
            }
            case 11 -> { // repeat a token many times
                return repeatToken(d, r);
            }
            default -> { // splice: the head of this file, the tail of another
                byte[] o = corpus.get(r.nextInt(corpus.size()));
                int a = r.nextInt(n + 1), b = r.nextInt(o.length + 1);
                byte[] e = Arrays.copyOf(d, a + o.length - b);
                System.arraycopy(o, b, e, a, o.length - b);
                return e;
            }
        }
    }

    /** d with {@code len} bytes at {@code at} replaced by {@code by}. */
    static byte[] replace(byte[] d, int at, int len, byte[] by) {
        byte[] e = new byte[d.length - len + by.length];
        System.arraycopy(d, 0, e, 0, at);
        System.arraycopy(by, 0, e, at, by.length);
        System.arraycopy(d, at + len, e, at + by.length, d.length - at - len);
        return e;
    }

    private static byte[] replaceNumber(byte[] d, Random r) {
        List<int[]> runs = runs(d, true);
        if (runs.isEmpty()) return d;
        int[] run = runs.get(r.nextInt(runs.size()));
        String num = r.nextInt(3) == 0 ? Integer.toString(r.nextInt(100)) : NUMBERS[r.nextInt(NUMBERS.length)];
        return replace(d, run[0], run[1] - run[0], num.getBytes(StandardCharsets.US_ASCII));
    }

    /** A whitespace-separated token, followed by a space, repeated 2 to 1000 times in place. */
    private static byte[] repeatToken(byte[] d, Random r) {
        List<int[]> runs = runs(d, false);
        if (runs.isEmpty()) return d;
        int[] run = runs.get(r.nextInt(runs.size()));
        int times = r.nextBoolean() ? 2 + r.nextInt(8) : 1 + r.nextInt(1000);
        byte[] token = Arrays.copyOfRange(d, run[0], run[1]);
        byte[] rep = new byte[(token.length + 1) * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(token, 0, rep, i * (token.length + 1), token.length);
            rep[i * (token.length + 1) + token.length] = ' ';
        }
        return replace(d, run[0], 0, rep);
    }

    /** Runs of digits (numbers) or of non-whitespace bytes (tokens), as [start, end). */
    private static List<int[]> runs(byte[] d, boolean digits) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < d.length; ) {
            if (digits ? isDigit(d[i]) : !isSpace(d[i])) {
                int s = i;
                while (i < d.length && (digits ? isDigit(d[i]) : !isSpace(d[i]))) i++;
                runs.add(new int[] {s, i});
            } else i++;
        }
        return runs;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    private static byte[] lines(byte[] d, Random r) {
        List<byte[]> ls = new ArrayList<>();
        int s = 0;
        for (int i = 0; i <= d.length; i++) {
            if (i == d.length || d[i] == '\n') {
                ls.add(Arrays.copyOfRange(d, s, Math.min(i + 1, d.length)));
                s = i + 1;
            }
        }
        if (ls.size() < 2) return d;
        int a = r.nextInt(ls.size()), b = r.nextInt(ls.size());
        switch (r.nextInt(3)) {
            case 0 -> ls.remove(a);
            case 1 -> ls.add(b, ls.get(a));
            default -> {
                byte[] t = ls.get(a);
                ls.set(a, ls.get(b));
                ls.set(b, t);
            }
        }
        int len = 0;
        for (byte[] l : ls) len += l.length;
        byte[] e = new byte[len];
        int p = 0;
        for (byte[] l : ls) {
            System.arraycopy(l, 0, e, p, l.length);
            p += l.length;
        }
        return e;
    }

    /** An input for a failure message: printable ASCII and newlines as they are, other bytes as \xNN. */
    public static String show(byte[] d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(d.length, 2000); i++) {
            int c = d[i] & 0xff;
            if (c == '\n' || (c >= 0x20 && c < 0x7f)) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        if (d.length > 2000) sb.append("... (").append(d.length).append(" bytes)");
        return sb.toString();
    }
}
