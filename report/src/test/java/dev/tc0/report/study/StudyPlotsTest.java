package dev.tc0.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tc0.compile.family.Families;
import dev.tc0.compile.study.ScalingStudy;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.eval.Engine;
import dev.tc0.report.plot.ChartFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StudyPlotsTest {
    private static final List<String> FAMILIES = List.of("majority", "parity", "dyck1", "parity-chain", "formula");
    private static final List<Integer> NS = List.of(4, 8, 16);
    private static List<StudyRow> timed, untimed;

    @BeforeAll
    static void study() {
        var families = FAMILIES.stream().map(Families::byName).toList();
        timed = ScalingStudy.run(families, NS, new ScalingStudy.Options(64, 1024, Engine.Options.defaults()), r -> {});
        untimed = ScalingStudy.run(families, NS, new ScalingStudy.Options(64, 0, Engine.Options.defaults()), r -> {});
    }

    @Test
    void pngIsReadableAndShowsEveryFamilyInEachPanel(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("study.png");
        StudyPlots.write("study", timed, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "not a readable image");
        assertEquals(ChartFiles.WIDTH, img.getWidth());
        assertEquals(ChartFiles.HEIGHT, img.getHeight());
        int third = img.getWidth() / 3; // depth, size and speed side by side
        for (int panel = 0; panel < 3; panel++) {
            for (int i = 0; i < FAMILIES.size(); i++) {
                assertTrue(
                        hasColor(img, panel * third, (panel + 1) * third, ChartFiles.seriesColor(i)),
                        "panel " + panel + ": " + FAMILIES.get(i));
            }
        }
    }

    @Test
    void svgHasOneSeriesPerFamilyWithOnePointPerNInEachPanel(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("study.SVG"); // any name not ending in .png is SVG
        StudyPlots.write("study", timed, svg);
        assertEquals(List.of(FAMILIES, FAMILIES, FAMILIES), seriesPerPanel(svg));
        assertTrue(java.nio.file.Files.readString(svg).contains("evaluation speed"));
    }

    @Test
    void withoutTimingThereIsNoSpeedPanel(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("study.svg");
        StudyPlots.write("study", untimed, svg);
        assertEquals(List.of(FAMILIES, FAMILIES), seriesPerPanel(svg));
        assertFalse(java.nio.file.Files.readString(svg).contains("evaluation speed"));
    }

    @Test
    void theSizePanelNamesEachFamilyWithItsExponent(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("study.svg");
        StudyPlots.write("study", untimed, svg);
        String text = java.nio.file.Files.readString(svg);
        for (String f : FAMILIES) {
            List<StudyRow> rs =
                    untimed.stream().filter(r -> r.family().equals(f)).toList();
            // the exponent between n = 8 and 16, by hand
            double k = Math.log((double) rs.get(2).gates() / rs.get(1).gates()) / Math.log(2);
            assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%s (n^%.2f)", f, k)), f + " with n^" + k);
        }
    }

    @Test
    void plotNamesAreSvgOrPng() {
        assertTrue(StudyPlots.plotName(Path.of("a.svg")) && StudyPlots.plotName(Path.of("dir/a.PNG")));
        assertFalse(StudyPlots.plotName(Path.of("a.gif")) || StudyPlots.plotName(Path.of("svg")));
    }

    /** The SVG's series groups in document order, split into panels where the family order starts again. */
    private static List<List<String>> seriesPerPanel(Path svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList groups = doc.getElementsByTagName("g");
        List<List<String>> panels = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            // the size panel names each series with its fitted exponent: "parity (n^1.00)"
            String name = g.getAttribute("data-series").replaceFirst(" \\(n\\^-?[0-9]+\\.[0-9]{2}\\)$", "");
            if (name.equals(FAMILIES.getFirst())) panels.add(new ArrayList<>());
            panels.getLast().add(name);
            Element line = (Element) g.getElementsByTagName("polyline").item(0);
            assertEquals(
                    NS.size(), line.getAttribute("points").trim().split(" ").length, "one point per n for " + name);
        }
        return panels;
    }

    private static boolean hasColor(BufferedImage img, int x0, int x1, int rgb) {
        for (int x = x0; x < x1; x++) {
            for (int y = 0; y < img.getHeight(); y++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) return true;
        }
        return false;
    }
}
