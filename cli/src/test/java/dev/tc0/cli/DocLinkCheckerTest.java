package dev.tc0.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link checker itself, on small repositories made in a temporary directory. */
class DocLinkCheckerTest {
    @TempDir
    Path root;

    private void write(String path, String... lines) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, List.of(lines));
    }

    /** A tree whose every link resolves; each test adds one defect to it. */
    private void goodTree() throws Exception {
        write(
                "README.md",
                "# Project",
                "See [the guide](src/docs/guide.md#some-heading), [the chart](src/docs/chart.svg),",
                "[the folder](src/docs/), [a site](https://example.org/x.md), [mail](mailto:a@b.c)",
                "and [this page](#project). `[not a link](missing.md)` is code.",
                "",
                "```",
                "[also code](missing.md)",
                "```",
                "[ref]: src/docs/guide.md");
        write(
                "src/docs/guide.md",
                "# Guide",
                "## Some heading",
                "## Some heading",
                "## ⊕ of many terms (Def 15)",
                "## The paper's prefix serialization (`.prefix`)",
                "Back to [the top](../../README.md#project), the second [heading](#some-heading-1),",
                "[a sum](guide.md#-of-many-terms-def-15), [prefix](#the-papers-prefix-serialization-prefix),",
                "[a space](my%20notes.md) and ![an image](chart.svg \"a title\").");
        write("src/docs/my notes.md", "# Notes");
        write("src/docs/chart.svg", "<svg/>");
    }

    @Test
    void aTreeWithoutDefectsHasNoProblems() throws Exception {
        goodTree();
        assertEquals(List.of(), DocLinkChecker.brokenLinks(root));
        assertEquals(List.of(), DocLinkChecker.outsideReferences(root));
    }

    @Test
    void aLinkToAMissingFileIsReportedWithItsLine() throws Exception {
        goodTree();
        write("src/docs/broken.md", "# Broken", "", "Read [this](gone.md) first.");
        assertEquals(
                List.of("src/docs/broken.md:3: gone.md: no such file src/docs/gone.md"),
                DocLinkChecker.brokenLinks(root));
    }

    @Test
    void aLinkToAMissingHeadingIsReported() throws Exception {
        goodTree();
        write("src/docs/other.md", "# Other", "[guide](guide.md#no-such-heading) and [self](#other-1)");
        assertEquals(
                List.of(
                        "src/docs/other.md:2: guide.md#no-such-heading: no heading with anchor #no-such-heading in src/docs/guide.md",
                        "src/docs/other.md:2: #other-1: no heading with anchor #other-1 in src/docs/other.md"),
                DocLinkChecker.brokenLinks(root));
    }

    @Test
    void aReferenceDefinitionAndAnImageAreChecked() throws Exception {
        goodTree();
        write("src/docs/refs.md", "# Refs", "![plot](plot.png)", "[x]: ../missing/file.md");
        assertEquals(
                List.of(
                        "src/docs/refs.md:2: plot.png: no such file src/docs/plot.png",
                        "src/docs/refs.md:3: ../missing/file.md: no such file src/missing/file.md"),
                DocLinkChecker.brokenLinks(root));
    }

    @Test
    void aLinkLeavingTheRepositoryIsReported() throws Exception {
        goodTree();
        Files.writeString(root.getParent().resolve("beside.md"), "# Beside");
        write("docs.md", "[notes](../beside.md)");
        assertEquals(
                List.of("docs.md:1: ../beside.md: points outside the repository"), DocLinkChecker.brokenLinks(root));
    }

    @Test
    void aMentionOfTheOutsideNotesIsReportedOutsideBuildOutput() throws Exception {
        goodTree();
        // the names are split so that this test file does not itself mention them
        write("mod/src/main/java/A.java", "/** See " + "PAPER" + ".md 5.6. */", "class A {}");
        write("mod/pom.xml", "<!-- " + "ENGINEERING" + ".md -->");
        write("run.sh", "# ../shared/" + "design/notes");
        write("mod/target/classes/B.java", "// " + "ARCHITECTURE" + ".md, build output: ignored");
        write("notes.txt", "ARCHITECTURE" + ".md in a kind of file that is not searched");
        assertEquals(
                List.of(
                        "mod/pom.xml:1: refers to " + "ENGINEERING" + ".md, which is outside the repository",
                        "mod/src/main/java/A.java:1: refers to " + "PAPER" + ".md, which is outside the repository",
                        "run.sh:1: refers to shared/" + "design, which is outside the repository"),
                DocLinkChecker.outsideReferences(root));
    }

    @Test
    void slugsFollowGitHub() {
        assertEquals("forkjoin-hand-off", DocLinkChecker.slug("ForkJoin hand-off"));
        assertEquals("-of-many-terms-def-15", DocLinkChecker.slug("⊕ of many terms (Def 15)"));
        assertEquals("defs-13-and-14-g_p-and-f_p", DocLinkChecker.slug("Defs 13 and 14: g_p and f_p"));
        assertEquals("see-the-guide", DocLinkChecker.slug("See [the guide](guide.md)"));
        assertEquals("größe-und-tiefe", DocLinkChecker.slug("Größe und Tiefe"));
    }

    @Test
    void repeatedHeadingsGetNumberedAnchorsAndFencedHeadingsNone() {
        assertEquals(
                Set.of("a", "a-1", "a-2", "b", "named"),
                DocLinkChecker.anchors(List.of(
                        "# A",
                        "## A",
                        "```",
                        "# Not a heading",
                        "```",
                        "### A",
                        "#### B #",
                        "<a name=\"named\"></a>")));
    }

    @Test
    void percentEscapesAreUndoneButPlusIsKept() {
        assertEquals("my notes+x.md", DocLinkChecker.percentDecode("my%20notes+x.md"));
        assertTrue(DocLinkChecker.percentDecode("100%").endsWith("%"));
    }
}
