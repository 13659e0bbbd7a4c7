package dev.tc0.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that a repository explains itself: every relative link in its markdown files resolves to
 * a file or directory inside it (and a {@code #anchor} on a markdown target to one of its headings,
 * by GitHub's slug rules), and no source or documentation file refers to design notes kept outside
 * the repository. Each problem is one line naming the file and line.
 */
final class DocLinkChecker {
    /** Inline links and images: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** Reference definitions: {@code [label]: target}. */
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    /** A URL scheme (http:, https:, mailto:): not a file in the repository. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /**
     * The design notes that lived beside the repository while it was built; written as a pattern so
     * that this file does not itself contain the names it forbids.
     */
    static final Pattern OUTSIDE_NOTES = Pattern.compile("(ARCHITECTURE|ENGINEERING|PAPER)\\.md|shared[/]design");
    /** The file kinds searched for references to the outside notes. */
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("md", "java", "xml", "sh");
    /** Directories that hold build output or version-control data, never sources. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git");

    private final Path root;
    private final Map<Path, Set<String>> anchorCache = new HashMap<>();

    private DocLinkChecker(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every broken relative link in the markdown files under {@code root}, as "file:line: target: why". */
    static List<String> brokenLinks(Path root) {
        DocLinkChecker checker = new DocLinkChecker(root);
        List<String> problems = new ArrayList<>();
        for (Path md : checker.files("md")) checker.checkLinks(md, problems);
        return problems;
    }

    /** Every line of a md, java, xml or sh file under {@code root} that names the outside design notes. */
    static List<String> outsideReferences(Path root) {
        DocLinkChecker checker = new DocLinkChecker(root);
        List<String> problems = new ArrayList<>();
        for (String ext : SOURCE_EXTENSIONS) {
            for (Path file : checker.files(ext)) {
                List<String> lines = read(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = OUTSIDE_NOTES.matcher(lines.get(i));
                    if (m.find())
                        problems.add(checker.where(file, i) + ": refers to " + m.group()
                                + ", which is outside the repository");
                }
            }
        }
        problems.sort(null);
        return problems;
    }

    /**
     * GitHub's anchor for a heading: the rendered text (code spans without their backticks, links
     * as their text) in lower case, with every character that is not a letter, digit, mark, space,
     * hyphen or underscore removed, and spaces turned into hyphens.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        StringBuilder s = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') s.append('-');
            else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || isMark(c)) s.appendCodePoint(c);
        });
        return s.toString();
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK
                || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK;
    }

    /** The anchors a markdown file defines: heading slugs (repeats get -1, -2, ...) and HTML anchors. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            Matcher h = ATX_HEADING.matcher(line);
            if (h.matches()) {
                String base = slug(h.group(1));
                int n = seen.merge(base, 1, Integer::sum);
                anchors.add(n == 1 ? base : base + "-" + (n - 1));
            }
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) anchors.add(a.group(1));
        }
        return anchors;
    }

    private void checkLinks(Path md, List<String> problems) {
        List<String> lines = read(md);
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher d = REFERENCE_DEFINITION.matcher(text);
            if (d.matches()) check(md, i, d.group(1), problems);
            Matcher m = INLINE_LINK.matcher(text);
            while (m.find()) check(md, i, m.group(1), problems);
        }
    }

    private void check(Path md, int line, String target, List<String> problems) {
        if (target.isEmpty() || SCHEME.matcher(target).find()) return;
        int hash = target.indexOf('#');
        String pathPart = percentDecode(hash < 0 ? target : target.substring(0, hash));
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = pathPart.isEmpty()
                ? md
                : (pathPart.startsWith("/")
                                ? root.resolve(pathPart.substring(1))
                                : md.getParent().resolve(pathPart))
                        .normalize();
        String where = where(md, line) + ": " + target + ": ";
        if (!resolved.startsWith(root)) {
            problems.add(where + "points outside the repository");
        } else if (!Files.exists(resolved)) {
            problems.add(where + "no such file " + root.relativize(resolved));
        } else if (anchor != null
                && !anchor.isEmpty()
                && resolved.toString().endsWith(".md")
                && !anchorCache.computeIfAbsent(resolved, p -> anchors(read(p))).contains(anchor)) {
            problems.add(where + "no heading with anchor #" + anchor + " in " + root.relativize(resolved));
        }
    }

    /** Undoes %XX escapes (a space is %20 in a link); unlike form decoding, leaves '+' alone. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '%'
                    && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int c = s.codePointAt(i);
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String where(Path file, int line) {
        return root.relativize(file) + ":" + (line + 1);
    }

    /** The files under the root with this extension, outside build output, in a stable order. */
    private List<Path> files(String extension) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED_DIRECTORIES.contains(dir.getFileName().toString()) && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith("." + extension))
                        found.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static List<String> read(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
