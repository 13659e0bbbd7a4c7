package dev.tc0.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One part of the report: picks its benchmarks' results, writes its charts into the directory, returns its markdown. */
interface Section {
    /** Markdown for the results, or an empty string when the run has none of this section's benchmarks. */
    String write(List<JmhResult> results, Path dir) throws IOException;
}
