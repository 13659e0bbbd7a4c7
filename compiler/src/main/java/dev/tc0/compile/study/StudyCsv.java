package dev.tc0.compile.study;

import dev.tc0.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Study rows as CSV (RFC 4180 quoting), one header line, one line per row; and back. */
public final class StudyCsv {
    public static final String HEADER = "family,regime,n,inputs,outputs,depth,gates,edges,max_fan_in,build_ms,"
            + "patterns,mismatches,batch_us,gate_evals_per_s,first_mismatch";

    private StudyCsv() {}

    public static String format(List<StudyRow> rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (StudyRow r : rows) {
            s.append(quote(r.family())).append(',').append(r.regime()).append(',').append(r.n()).append(',')
                    .append(r.inputs()).append(',').append(r.outputs()).append(',').append(r.depth()).append(',')
                    .append(r.gates()).append(',').append(r.edges()).append(',').append(r.maxFanIn()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.buildMillis())).append(',')
                    .append(r.patterns()).append(',').append(r.mismatches()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.batchMicros())).append(',')
                    .append(String.format(Locale.ROOT, "%.4g", r.gateEvalsPerSecond())).append(',')
                    .append(quote(r.firstMismatch())).append('\n');
        }
        return s.toString();
    }

    /** Writes the CSV as one {@link AtomicOutput}, so no reader sees half a file. */
    public static void write(List<StudyRow> rows, Path file) throws IOException {
        AtomicOutput.writeString(file, format(rows));
    }

    public static List<StudyRow> parse(String csv) {
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) throw new IllegalArgumentException("not a study CSV: bad header");
        List<StudyRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) continue;
            List<String> f = fields(lines[i]);
            if (f.size() != 15) throw new IllegalArgumentException("line " + (i + 1) + ": " + f.size() + " fields, expected 15");
            rows.add(new StudyRow(f.get(0), f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)),
                    Integer.parseInt(f.get(4)), Integer.parseInt(f.get(5)), Integer.parseInt(f.get(6)),
                    Long.parseLong(f.get(7)), Integer.parseInt(f.get(8)), Double.parseDouble(f.get(9)),
                    Integer.parseInt(f.get(10)), Integer.parseInt(f.get(11)), Double.parseDouble(f.get(12)),
                    Double.parseDouble(f.get(13)), f.get(14)));
        }
        return rows;
    }

    private static String quote(String s) {
        if (s.isEmpty() || s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n')) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
