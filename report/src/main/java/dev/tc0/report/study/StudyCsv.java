package dev.tc0.report.study;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tc0.compile.study.StudyRow;
import dev.tc0.io.AtomicOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Study rows as CSV (RFC 4180 quoting, through Jackson's CSV module): one header line, one record
 * per row; and back. {@code patterns} is the number of inputs checked against the reference and
 * {@code mismatches} 1 when the check failed (the check stops at the first disagreement);
 * {@code timed_patterns} is the size of the timed batch. {@code gate_evals_per_s} is derived from
 * gates, timed patterns and {@code batch_us}, so reading ignores it.
 */
public final class StudyCsv {
    private static final List<String> COLUMNS = List.of(
            "family",
            "regime",
            "n",
            "inputs",
            "outputs",
            "depth",
            "gates",
            "edges",
            "max_fan_in",
            "build_ms",
            "patterns",
            "mismatches",
            "batch_us",
            "gate_evals_per_s",
            "first_mismatch",
            "exhaustive",
            "timed_patterns",
            "mode");
    public static final String HEADER = String.join(",", COLUMNS);

    // Strict quoting quotes only fields with a comma, quote or line break, as RFC 4180 needs;
    // Jackson's default also quotes fields with characters such as '+' (in 3.871e+09).
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .build()
            .withHeader();

    private StudyCsv() {}

    public static String format(List<StudyRow> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter w = MAPPER.writer(SCHEMA).writeValues(out)) {
            for (StudyRow r : rows) w.write(fields(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String[] fields(StudyRow r) {
        return new String[] {
            r.family(),
            r.regime(),
            Integer.toString(r.n()),
            Integer.toString(r.inputs()),
            Integer.toString(r.outputs()),
            Integer.toString(r.depth()),
            Integer.toString(r.gates()),
            Long.toString(r.edges()),
            Integer.toString(r.maxFanIn()),
            fixed(r.buildNanos() / 1e6),
            Long.toString(r.checked()),
            r.ok() ? "0" : "1",
            fixed(r.evalNanos() / 1e3),
            String.format(Locale.ROOT, "%.4g", r.gateEvalsPerSecond()),
            r.ok() ? "" : r.mismatch(),
            Boolean.toString(r.exhaustive()),
            Long.toString(r.patterns()),
            r.mode()
        };
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Writes the CSV as one {@link AtomicOutput}, so no reader sees half a file. */
    public static void write(List<StudyRow> rows, Path file) throws IOException {
        AtomicOutput.writeString(file, format(rows));
    }

    /**
     * The rows of a study CSV. Times come back to the precision the CSV keeps them at (microseconds
     * for the build, nanoseconds for the batch).
     *
     * @throws IllegalArgumentException naming the line and column of the first field that is not
     *         what the header says
     */
    public static List<StudyRow> parse(String csv) {
        List<StudyRow> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv)) {
            if (!it.hasNextValue() || !List.of(it.nextValue()).equals(COLUMNS)) {
                throw new IllegalArgumentException("not a study CSV: the first line is not " + HEADER);
            }
            while (it.hasNextValue()) {
                long line = it.getParser().currentLocation().getLineNr();
                String[] f = it.nextValue();
                if (f.length == 1 && f[0].isEmpty()) continue; // a blank line
                rows.add(row(f, line));
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "study CSV line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
        return rows;
    }

    private static StudyRow row(String[] f, long line) {
        if (f.length != COLUMNS.size()) {
            throw new IllegalArgumentException(
                    "study CSV line " + line + ": " + f.length + " fields, expected " + COLUMNS.size());
        }
        Fields in = new Fields(f, line);
        boolean failed = switch (f[11]) {
            case "0" -> false;
            case "1" -> true;
            default -> throw in.bad(11, "0 or 1");
        };
        if (!f[15].equals("true") && !f[15].equals("false")) throw in.bad(15, "true or false");
        in.decimal(13); // derived, but still a number
        return new StudyRow(
                f[0],
                f[1],
                in.integer(2),
                in.integer(3),
                in.integer(4),
                in.integer(6),
                in.count(7),
                in.integer(5),
                in.integer(8),
                Math.round(in.decimal(9) * 1e6),
                in.count(10),
                f[15].equals("true"),
                failed ? f[14] : null,
                in.count(16),
                Math.round(in.decimal(12) * 1e3),
                f[17]);
    }

    /** One record's fields, read as numbers with errors that name the line and column. */
    private record Fields(String[] f, long line) {
        int integer(int i) {
            long v = count(i);
            if (v > Integer.MAX_VALUE) throw bad(i, "an int");
            return (int) v;
        }

        long count(int i) {
            try {
                long v = Long.parseLong(f[i]);
                if (v >= 0) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(i, "a non-negative integer");
        }

        double decimal(int i) {
            try {
                return Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                throw bad(i, "a number");
            }
        }

        IllegalArgumentException bad(int i, String expected) {
            return new IllegalArgumentException(
                    "study CSV line " + line + ", " + COLUMNS.get(i) + ": '" + f[i] + "' is not " + expected);
        }
    }
}
