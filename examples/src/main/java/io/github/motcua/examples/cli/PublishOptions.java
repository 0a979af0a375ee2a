package io.github.motcua.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the publishing commands ({@code catalog}, {@code guide}), a picocli mixin. Not thread-safe. */
final class PublishOptions {
    @Option(names = "--out", paramLabel = "FILE")
    Path outFile;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
    String asOf;
}
