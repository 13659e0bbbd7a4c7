package dev.tc0.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code compile} and {@code verify} build: a model file, a built-in example, or a circuit family (one of them). */
final class ModelOrFamily {
    @Parameters(paramLabel = "MODEL.json", description = "Transformer model file (JSON).")
    Path model;

    @Option(names = "--example", paramLabel = "NAME", description = "A built-in example transformer.")
    String example;

    @Option(names = "--family", paramLabel = "NAME", description = "A circuit family: ${sys:tc0.families}.")
    String family;
}
