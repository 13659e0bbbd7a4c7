package dev.tc0.cli;

import dev.tc0.compile.lowering.InputSpace;
import dev.tc0.compile.transformer.ModelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A fixed prefix for a transformer compile (a prompt, an advice string) and the tokens the free
 * positions may hold (a picocli mixin). Tokens are the model's vocabulary entries separated by
 * white space; a prefix file may hold several lines (lines starting with # are comments), one of
 * which {@code --prefix-line} picks.
 */
final class PrefixOptions {
    static final long MAX_FILE_BYTES = 1L << 26;

    @Option(
            names = "--prefix",
            paramLabel = "TOKENS",
            description =
                    "Fix the first tokens of every input (white-space separated vocabulary entries, e.g. \"X X >= 1 & &1\"): "
                            + "they have no circuit inputs, and the circuit shrinks accordingly.")
    String prefix;

    @Option(
            names = "--prefix-file",
            paramLabel = "FILE",
            description = "Read the prefix from a file (e.g. the advice.txt that tc0 advice writes).")
    Path prefixFile;

    @Option(
            names = "--prefix-line",
            paramLabel = "K",
            description = "With --prefix-file: use its K-th line of tokens (default 1; # lines do not count).")
    Integer prefixLine;

    @Option(
            names = "--free-tokens",
            paramLabel = "TOKENS",
            description =
                    "Tokens the positions after the prefix may hold (default: the whole vocabulary, BOS excepted).")
    String freeTokens;

    boolean any() {
        return prefix != null || prefixFile != null || freeTokens != null;
    }

    /** The input space for this model; a one-line UserException for an unknown token, a bad file or line. */
    InputSpace space(ModelConfig c) {
        if (prefix != null && prefixFile != null) throw new UserException("give --prefix or --prefix-file, not both");
        if (prefixLine != null && prefixFile == null) throw new UserException("--prefix-line needs --prefix-file");
        String where = "--prefix";
        String text = prefix;
        if (prefixFile != null) {
            text = line(prefixFile, prefixLine == null ? 1 : prefixLine);
            where = prefixFile + " line " + (prefixLine == null ? 1 : prefixLine);
        }
        List<Integer> fixed = text == null ? List.of() : ids(c, text, where);
        List<Integer> free = freeTokens == null ? null : ids(c, freeTokens, "--free-tokens");
        InputSpace space = new InputSpace(fixed, free);
        try {
            space.fixedTokens(c);
        } catch (IllegalArgumentException e) {
            throw new UserException(where + ": " + e.getMessage());
        }
        return space;
    }

    private static List<Integer> ids(ModelConfig c, String text, String where) {
        List<Integer> ids = new ArrayList<>();
        String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        for (int k = 0; k < words.length; k++) {
            int id = c.vocab().indexOf(words[k]);
            if (id < 0)
                throw new UserException(where + ": token " + (k + 1) + " '" + words[k]
                        + "' is not in the vocabulary of " + c.name() + " " + c.vocab());
            ids.add(id);
        }
        return ids;
    }

    /** The k-th line of tokens (1-based), skipping blank and # lines. */
    private static String line(Path file, int k) {
        EvalCommand.checkReadable(file);
        List<String> lines = new ArrayList<>();
        try {
            // a prefix longer than any model's max_seq_len is useless; do not read a huge file into memory
            if (Files.size(file) > MAX_FILE_BYTES)
                throw new UserException(file + ": " + Files.size(file) + " bytes, more than a prefix file may hold ("
                        + MAX_FILE_BYTES + ")");
            for (String s : Files.readAllLines(file, StandardCharsets.UTF_8))
                if (!s.isBlank() && !s.strip().startsWith("#")) lines.add(s);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read: " + Main.message(e), e);
        }
        if (k < 1 || k > lines.size())
            throw new UserException(
                    file + ": has " + lines.size() + " line(s) of tokens, no line " + k + " (--prefix-line)");
        return lines.get(k - 1);
    }
}
