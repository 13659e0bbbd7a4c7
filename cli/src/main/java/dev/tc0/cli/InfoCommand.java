package dev.tc0.cli;

import dev.tc0.circuit.Circuit;
import dev.tc0.circuit.CircuitStats;
import dev.tc0.circuit.GateKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Print a circuit's statistics (gates per kind, edges, depth, largest fan-in and weight, most "
                + "values live at once) and a histogram of level widths.")
final class InfoCommand extends Base implements Callable<Integer> {
    /** Most rows the histogram prints; deeper circuits group consecutive levels. */
    static final int MAX_ROWS = 40;

    static final int BAR = 50;

    @Parameters(index = "0", paramLabel = "CIRCUIT", description = "Circuit file.")
    Path circuitFile;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Circuit c = loadCircuit(circuitFile);
        CircuitStats s = CircuitStats.of(c);
        if (json) printJson(s);
        else printText(s);
        out().flush();
        return Main.OK;
    }

    private void printText(CircuitStats s) {
        PrintWriter o = out();
        o.println("circuit         " + circuitFile);
        o.println("inputs          " + s.inputs());
        o.println("outputs         " + s.outputs());
        StringBuilder kinds = new StringBuilder();
        for (GateKind k : GateKind.values()) {
            int n = s.gatesPerKind().getOrDefault(k, 0);
            if (n > 0)
                kinds.append(kinds.isEmpty() ? "" : ", ").append(k).append(' ').append(n);
        }
        o.println("gates           " + s.gates() + (kinds.isEmpty() ? "" : " (" + kinds + ")"));
        o.println("edges           " + s.edges());
        o.println("depth           " + s.depth());
        o.println("max level width " + s.maxLevelWidth());
        o.println("max fan-in      " + s.maxFanIn());
        o.println("max weight bits " + s.maxWeightBits());
        o.println("max live values " + s.maxLive());
        int[] w = s.levelWidths();
        if (w.length == 0) return;
        int group = (w.length + MAX_ROWS - 1) / MAX_ROWS;
        o.println();
        o.println(group == 1 ? "gates per level" : "gates per level (" + group + " levels a row)");
        long[] rows = new long[(w.length + group - 1) / group];
        for (int l = 0; l < w.length; l++) rows[l / group] += w[l];
        long max = 1;
        for (long r : rows) max = Math.max(max, r);
        int labelWidth = String.valueOf(w.length).length() * (group == 1 ? 1 : 2) + (group == 1 ? 0 : 1);
        for (int r = 0; r < rows.length; r++) {
            int from = r * group + 1, to = Math.min(w.length, (r + 1) * group);
            String label = group == 1 ? String.valueOf(from) : from + "-" + to;
            int len = (int) Math.round(BAR * (double) rows[r] / max);
            if (len == 0 && rows[r] > 0) len = 1;
            o.println(String.format(
                    Locale.ROOT, "%" + labelWidth + "s | %-" + BAR + "s %d", label, "#".repeat(len), rows[r]));
        }
    }

    private void printJson(CircuitStats s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("circuit", circuitFile.toString());
        o.put("inputs", s.inputs());
        o.put("outputs", s.outputs());
        o.put("gates", s.gates());
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (GateKind k : GateKind.values())
            kinds.put(k.name(), s.gatesPerKind().getOrDefault(k, 0));
        o.put("gatesPerKind", kinds);
        o.put("edges", s.edges());
        o.put("depth", s.depth());
        o.put("maxLevelWidth", s.maxLevelWidth());
        o.put("maxFanIn", s.maxFanIn());
        o.put("maxWeightBits", s.maxWeightBits());
        o.put("maxLive", s.maxLive());
        o.put("levelWidths", s.levelWidths());
        try {
            out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e); // plain numbers and strings: cannot happen
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
