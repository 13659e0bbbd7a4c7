package dev.tc0.circuit.io;

import dev.tc0.circuit.Circuit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutates valid files of every readable format (bit flips, byte insertions and deletions, cut
 * files, numbers replaced by huge ones, lines deleted, duplicated and swapped) and checks that
 * every outcome is a circuit or a {@link CircuitFormatException}: never another exception, never
 * a hang (the whole loop runs under a timeout). Seeded, so a failure names a reproducible case.
 */
class FuzzTest {
    static final int MUTATIONS = 10_000;

    private static List<byte[]> seeds(CircuitFormat f) throws IOException {
        List<byte[]> s = new ArrayList<>();
        for (int i = 0; i < 3; i++) s.add(TestCircuits.write(TestCircuits.randomCircuit(i, 3 + i, 12, 3, true, i == 1), f));
        switch (f) {
            case AAG -> s.add(AigerFormatTest.HALF_ADDER.getBytes(StandardCharsets.US_ASCII));
            case AIG -> s.add(AigerFormatTest.binaryHalfAdder());
            case BLIF -> s.add(BlifFormatTest.SAMPLE.getBytes(StandardCharsets.US_ASCII));
            case BENCH -> s.add(BenchFormatTest.SAMPLE.getBytes(StandardCharsets.US_ASCII));
            case PREFIX -> {
                s.add("X X X NOT &1 OR & &111 &11".getBytes(StandardCharsets.US_ASCII));
                s.add("# outputs: 2\nX X <= 00 &1 >= 10 & &11 >= 1 &".getBytes(StandardCharsets.US_ASCII));
            }
            default -> { }
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = CircuitFormat.class, names = {"AAG", "AIG", "BLIF", "BENCH", "PREFIX", "TC0"})
    void mutatedFilesParseOrFailCleanly(CircuitFormat f) throws IOException {
        List<byte[]> seeds = seeds(f);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random r = new Random(f.ordinal() * 7919L);
            int parsed = 0;
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] d = seeds.get(r.nextInt(seeds.size()));
                int rounds = 1 + r.nextInt(3);
                for (int k = 0; k < rounds; k++) d = mutate(d, r);
                if (f == CircuitFormat.TC0 && r.nextBoolean()) fixCrc(d);   // reach past the checksum
                try {
                    Circuit c = f.read(d, "fuzz" + f.extension());
                    c.evaluate(new boolean[c.numInputs()]);
                    parsed++;
                } catch (CircuitFormatException expected) {
                    // a clean refusal
                } catch (Throwable t) {
                    fail(f + " mutation " + i + " threw " + t + " on input:\n" + show(d), t);
                }
            }
            System.out.println(f + ": " + parsed + " of " + MUTATIONS + " mutations still parsed");
        });
    }

    private static void fixCrc(byte[] d) {
        if (d.length < 4) return;
        CRC32 crc = new CRC32();
        crc.update(d, 0, d.length - 4);
        ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putInt(d.length - 4, (int) crc.getValue());
    }

    private static final String[] NUMBERS = {"0", "1", "2", "3", "7", "2147483647", "2147483648", "4294967296",
            "536870911", "1000000000000", "99999999999999999999", "-1"};

    static byte[] mutate(byte[] d, Random r) {
        int n = d.length;
        switch (r.nextInt(10)) {
            case 0 -> {                                    // flip a bit
                if (n == 0) return d;
                byte[] e = d.clone();
                e[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                return e;
            }
            case 1 -> {                                    // set a byte, often to a syntactic one
                if (n == 0) return d;
                byte[] e = d.clone();
                byte[] special = " \n\t\\#()=,.&<>X01-\r\0".getBytes(StandardCharsets.ISO_8859_1);
                e[r.nextInt(n)] = r.nextBoolean() ? special[r.nextInt(special.length)] : (byte) r.nextInt(256);
                return e;
            }
            case 2 -> {                                    // insert bytes
                int at = r.nextInt(n + 1), k = 1 + r.nextInt(4);
                byte[] e = new byte[n + k];
                System.arraycopy(d, 0, e, 0, at);
                for (int i = 0; i < k; i++) e[at + i] = (byte) r.nextInt(256);
                System.arraycopy(d, at, e, at + k, n - at);
                return e;
            }
            case 3 -> {                                    // delete a range
                if (n == 0) return d;
                int at = r.nextInt(n), k = Math.min(n - at, 1 + r.nextInt(8));
                byte[] e = new byte[n - k];
                System.arraycopy(d, 0, e, 0, at);
                System.arraycopy(d, at + k, e, at, n - at - k);
                return e;
            }
            case 4 -> {                                    // cut the file short
                return Arrays.copyOf(d, r.nextInt(n + 1));
            }
            case 5 -> {                                    // replace a number by a nasty one
                return replaceNumber(d, r);
            }
            case 6, 7 -> {                                 // delete, duplicate or swap lines
                return lines(d, r);
            }
            case 8 -> {                                    // overwrite 4 bytes with a little-endian count
                if (n < 4) return d;
                byte[] e = d.clone();
                int v = r.nextBoolean() ? r.nextInt() : r.nextInt(64);
                ByteBuffer.wrap(e).order(ByteOrder.LITTLE_ENDIAN).putInt(r.nextInt(n - 3), v);
                return e;
            }
            default -> {                                   // duplicate a chunk
                if (n == 0) return d;
                int at = r.nextInt(n), k = Math.min(n - at, 1 + r.nextInt(32));
                byte[] e = new byte[n + k];
                System.arraycopy(d, 0, e, 0, at + k);
                System.arraycopy(d, at, e, at + k, n - at);
                return e;
            }
        }
    }

    private static byte[] replaceNumber(byte[] d, Random r) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < d.length; ) {
            if (d[i] >= '0' && d[i] <= '9') {
                int s = i;
                while (i < d.length && d[i] >= '0' && d[i] <= '9') i++;
                runs.add(new int[] {s, i});
            } else i++;
        }
        if (runs.isEmpty()) return d;
        int[] run = runs.get(r.nextInt(runs.size()));
        String num = r.nextInt(3) == 0 ? Integer.toString(r.nextInt(100)) : NUMBERS[r.nextInt(NUMBERS.length)];
        byte[] rep = num.getBytes(StandardCharsets.US_ASCII);
        byte[] e = new byte[d.length - (run[1] - run[0]) + rep.length];
        System.arraycopy(d, 0, e, 0, run[0]);
        System.arraycopy(rep, 0, e, run[0], rep.length);
        System.arraycopy(d, run[1], e, run[0] + rep.length, d.length - run[1]);
        return e;
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

    private static String show(byte[] d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(d.length, 2000); i++) {
            int c = d[i] & 0xff;
            if (c == '\n' || (c >= 0x20 && c < 0x7f)) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
