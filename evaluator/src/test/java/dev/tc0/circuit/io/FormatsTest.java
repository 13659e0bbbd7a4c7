package dev.tc0.circuit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyReadableFormatRoundTripsThroughFiles() throws IOException {
        Circuit c = TestCircuits.randomCircuit(11, 6, 40, 4, true, false);
        for (CircuitFormat f : CircuitFormat.values()) {
            Path p = dir.resolve("c" + f.extension().toUpperCase()); // the extension's case does not matter
            Formats.write(c, p);
            assertTrue(Files.size(p) > 0);
            if (f.canRead()) TestCircuits.assertEquivalentExhaustive(c, Formats.read(p));
        }
        assertEquals(7, files().size(), "no temporary files left: " + files());
    }

    @Test
    void magicBytesBeatTheExtension() throws IOException {
        Circuit c = TestCircuits.randomCircuit(5, 5, 20, 2, false, false);
        Path aagNamedAig = dir.resolve("x.aig");
        Formats.write(c, aagNamedAig, CircuitFormat.AAG);
        TestCircuits.assertEquivalentExhaustive(c, Formats.read(aagNamedAig));
        Path tc0NamedDat = dir.resolve("x.dat");
        Formats.write(c, tc0NamedDat, CircuitFormat.TC0);
        TestCircuits.assertEquivalentExhaustive(c, Formats.read(tc0NamedDat));
        assertEquals(
                CircuitFormat.AIG, Formats.byMagic("aig 0 0 0 0 0\n".getBytes()).orElseThrow());
    }

    @Test
    void unknownExtensionsAndVerilogReadsAreRefusedClearly() throws IOException {
        Path p = dir.resolve("circuit.xyz");
        Files.writeString(p, "hello");
        var e = assertThrows(CircuitFormatException.class, () -> Formats.read(p));
        assertTrue(
                e.getMessage().matches(".*circuit\\.xyz: unknown circuit format '\\.xyz': expected one of \\.aag .*"),
                e.getMessage());
        Circuit c = TestCircuits.randomCircuit(1, 3, 5, 1, false, false);
        assertThrows(CircuitFormatException.class, () -> Formats.write(c, dir.resolve("out.txt")));
        Path v = dir.resolve("c.v");
        Formats.write(c, v);
        var e2 = assertThrows(CircuitFormatException.class, () -> Formats.read(v));
        assertTrue(e2.getMessage().contains("does not read it"), e2.getMessage());
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.input("x"), y = b.input("y");
        b.output("w", b.weighted(new long[] {1L << 40, 3}, new int[] {x, y}, 5));
        Circuit heavy = b.build();
        Path target = dir.resolve("heavy.prefix");
        assertThrows(CircuitFormatException.class, () -> Formats.write(heavy, target));
        assertEquals(List.of(), files());
        // and an existing file survives a failed overwrite untouched
        Files.writeString(target, "X");
        assertThrows(CircuitFormatException.class, () -> Formats.write(heavy, target));
        assertEquals("X", Files.readString(target));
        assertEquals(List.of("heavy.prefix"), files());
        // a successful write replaces it
        Formats.write(TestCircuits.randomCircuit(2, 3, 5, 1, false, false), target);
        assertFalse(Files.readString(target).equals("X"));
    }

    /**
     * A link to /dev/zero or /dev/urandom, or a FIFO, under a circuit extension: refused before a
     * byte is read (a FIFO with no writer would block the open; /dev/zero would fill the heap).
     */
    @Test
    void devicesAndFifosAreRefusedBeforeReading() throws Exception {
        List<Path> special = new java.util.ArrayList<>();
        for (String dev : new String[] {"/dev/zero", "/dev/urandom"}) {
            if (Files.exists(Path.of(dev)))
                special.add(Files.createSymbolicLink(dir.resolve(dev.substring(5) + ".bench"), Path.of(dev)));
        }
        Path fifo = dir.resolve("pipe.aag");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) special.add(fifo);
        org.junit.jupiter.api.Assumptions.assumeFalse(special.isEmpty(), "no device or FIFO to try");
        for (Path p : special) {
            CircuitFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20),
                    () -> assertThrows(CircuitFormatException.class, () -> Formats.read(p)));
            assertEquals(
                    p + ": not a regular file (a device, FIFO or socket); tc0 reads circuits from regular files only",
                    e.getMessage());
        }
    }

    @Test
    void findsTheSharedCircuitsFromAWorktree() {
        var d = BenchmarkCircuits.directory();
        org.junit.jupiter.api.Assumptions.assumeTrue(d.isPresent(), BenchmarkCircuits::whereLooked);
        assertTrue(Files.isDirectory(d.get().resolve("iscas85")), d.get().toString());
        assertTrue(BenchmarkCircuits.file("iscas85", "c17.bench").isPresent());
        assertFalse(BenchmarkCircuits.file("iscas85", "c18.bench").isPresent());
    }
}
