package io.github.motcua.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/** Writing a command's result to standard output or a file, and the as-of date option. Stateless. */
final class Output {
    private Output() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}, or to {@code out} when no file; returns the exit code. */
    static int write(String text, Path file, PrintWriter out, PrintWriter err, boolean en) {
        if (file == null) {
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println(CliMessages.text(en, "CLI_CANNOT_WRITE", "file", file, "detail", e.getMessage()));
            return ExitCodes.IO;
        }
    }

    /** The --as-of date, or today in the pack's zone; {@code null} (message printed) when malformed. */
    static LocalDate asOf(String value, ZoneId zone, PrintWriter err, boolean en) {
        if (value == null) {
            return LocalDate.now(Clock.system(zone));
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            err.println(CliMessages.text(en, "CLI_AS_OF", "value", value));
            return null;
        }
    }
}
