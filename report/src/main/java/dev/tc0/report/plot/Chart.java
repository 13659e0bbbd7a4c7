package dev.tc0.report.plot;

import java.util.List;

/** A titled figure of panels side by side. */
public record Chart(String title, List<Panel> panels) {}
