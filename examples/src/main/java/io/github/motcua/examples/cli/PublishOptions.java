package io.github.motcua.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the publishing commands ({@code catalog}, {@code guide}), a picocli mixin. Not thread-safe. */
final class PublishOptions {
    @Option(names = "--out", paramLabel = "FILE", description = {"Ghi ra tệp thay vì màn hình.", "Write to a file instead of standard output."})
    Path outFile;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = {"Ngày áp dụng mức thu (mặc định hôm nay theo múi giờ của bộ quy tắc).",
                "Date whose fee rates apply (default today in the pack's time zone)."})
    String asOf;
}
