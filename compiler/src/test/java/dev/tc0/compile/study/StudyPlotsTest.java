package dev.tc0.compile.study;

import dev.tc0.compile.family.Families;
import dev.tc0.compile.study.plot.ChartFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyPlotsTest {
    private static final List<String> TC0 = List.of("majority", "parity", "dyck1");
    private static final List<String> OTHER = List.of("parity-chain", "formula");
    private static List<StudyRow> rows;

    @BeforeAll
    static void study() {
        rows = ScalingStudy.run(
                java.util.stream.Stream.concat(TC0.stream(), OTHER.stream()).map(Families::byName).toList(),
                f -> new int[] {4, 8, 16}, ScalingStudyTest.SMALL);
    }

    @Test
    void writesPngAndSvgForDepthAndSize(@TempDir Path dir) throws Exception {
        List<Path> files = StudyPlots.write(rows, dir);
        assertEquals(Set.of("depth.png", "depth.svg", "size.png", "size.svg"),
                new HashSet<>(files.stream().map(p -> p.getFileName().toString()).toList()));
        for (Path f : files) assertTrue(Files.size(f) > 0, f + " is empty");
    }

    @Test
    void pngIsReadableAndShowsEverySeriesInItsPanel(@TempDir Path dir) throws Exception {
        StudyPlots.write(rows, dir);
        for (String name : List.of("depth.png", "size.png")) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
            assertNotNull(img, name + " is not a readable image");
            assertEquals(ChartFiles.WIDTH, img.getWidth());
            assertEquals(ChartFiles.HEIGHT, img.getHeight());
            int half = img.getWidth() / 2;
            for (int i = 0; i < TC0.size(); i++) assertTrue(hasColor(img, 0, half, ChartFiles.seriesColor(i)), name + ": " + TC0.get(i));
            for (int i = 0; i < OTHER.size(); i++) assertTrue(hasColor(img, half, img.getWidth(), ChartFiles.seriesColor(i)), name + ": " + OTHER.get(i));
        }
    }

    @Test
    void svgIsWellFormedXmlWithOneSeriesPerFamily(@TempDir Path dir) throws Exception {
        StudyPlots.write(rows, dir);
        for (String name : List.of("depth.svg", "size.svg")) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(name).toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName());
            NodeList groups = doc.getElementsByTagName("g");
            Set<String> series = new HashSet<>();
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                series.add(g.getAttribute("data-series"));
                Element line = (Element) g.getElementsByTagName("polyline").item(0);
                assertEquals(3, line.getAttribute("points").trim().split(" ").length, "one point per n for " + g.getAttribute("data-series"));
            }
            Set<String> expected = new HashSet<>(TC0);
            expected.addAll(OTHER);
            assertEquals(expected, series, name);
        }
    }

    private static boolean hasColor(BufferedImage img, int x0, int x1, int rgb) {
        for (int x = x0; x < x1; x++) {
            for (int y = 0; y < img.getHeight(); y++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) return true;
        }
        return false;
    }
}
