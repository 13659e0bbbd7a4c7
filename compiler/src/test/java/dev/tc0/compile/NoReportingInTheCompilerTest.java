package dev.tc0.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.study.ScalingStudy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Charts, images and the study's reports live in the report module; the compiler names none of them. */
class NoReportingInTheCompilerTest {
    private static final List<String> FORBIDDEN = List.of("java/awt/", "javax/imageio/", "dev/tc0/report/");

    @Test
    void noCompilerClassRefersToAwtImageIoOrTheReportModule() throws Exception {
        Path classes = Path.of(ScalingStudy.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertTrue(Files.isDirectory(classes), classes + " is not the compiler's class directory");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            // a class's constant pool holds, in UTF-8, the internal name of every class it refers to
            offenders = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> {
                        try {
                            String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                            return FORBIDDEN.stream().anyMatch(pool::contains);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> classes.relativize(f).toString())
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }
}
