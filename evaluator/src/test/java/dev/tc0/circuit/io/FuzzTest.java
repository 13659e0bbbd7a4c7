package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.fuzz.FuzzLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every circuit reader under a seeded mutation loop ({@link FuzzLoop}, mutations of
 * {@link dev.tc0.fuzz.Mutator}): each outcome must be a circuit, which is then evaluated, or a
 * {@link CircuitFormatException} of one line; never another exception, an error or a hang. The
 * starting corpus is kept in src/test/resources/fuzz/&lt;extension&gt;/ (small files of each
 * format, several families and the samples of the format tests), with three random circuits with
 * weighted gates added. Seeded, so a failure names a reproducible case.
 */
class FuzzTest {
    static final int MUTATIONS = 10_000;

    private static List<byte[]> seeds(CircuitFormat f) throws IOException {
        List<byte[]> s =
                new ArrayList<>(FuzzLoop.corpus(FuzzTest.class, f.extension().substring(1)));
        for (int i = 0; i < 3; i++)
            s.add(TestCircuits.write(TestCircuits.randomCircuit(i, 3 + i, 12, 3, true, i == 1), f));
        return s;
    }

    @ParameterizedTest
    @EnumSource(
            value = CircuitFormat.class,
            names = {"AAG", "AIG", "BLIF", "BENCH", "PREFIX", "TC0"})
    void mutatedFilesParseOrFailCleanly(CircuitFormat f) throws IOException {
        List<byte[]> seeds = seeds(f);
        for (byte[] d : seeds) f.read(d, "seed" + f.extension()); // the corpus itself reads
        int parsed = FuzzLoop.run(
                f.name().toLowerCase(Locale.ROOT),
                seeds,
                MUTATIONS,
                f.ordinal() * 7919L,
                d -> {
                    // Half the tc0 inputs get a fixed checksum, to reach past it into the structure.
                    byte[] in = f == CircuitFormat.TC0 && (Arrays.hashCode(d) & 1) == 0 ? fixCrc(d) : d;
                    Circuit c = f.read(in, "fuzz" + f.extension());
                    c.evaluate(new boolean[c.numInputs()]);
                    return c;
                },
                CircuitFormatException.class);
        System.out.println(f + ": " + parsed + " of " + MUTATIONS + " mutations still parsed");
        assertTrue(parsed > 0 && parsed < MUTATIONS, "mutations should both parse and fail: " + parsed);
    }

    private static byte[] fixCrc(byte[] d) {
        if (d.length < 4) return d;
        byte[] e = d.clone();
        CRC32 crc = new CRC32();
        crc.update(e, 0, e.length - 4);
        ByteBuffer.wrap(e).order(ByteOrder.LITTLE_ENDIAN).putInt(e.length - 4, (int) crc.getValue());
        return e;
    }
}
