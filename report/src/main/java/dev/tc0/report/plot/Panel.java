package dev.tc0.report.plot;

import java.util.List;

/** One plot area with its axes and series. */
public record Panel(String title, String xLabel, String yLabel, Scale xScale, Scale yScale, List<Series> series) {

    /** How an axis maps values; a log axis skips values at or below zero. */
    public enum Scale {
        LINEAR,
        LOG
    }
}
