package io.github.motcua.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exit codes of the command line (mã thoát): the one table, from which every command's
 * {@code --help} footer is printed ({@link #footer(String)}), so a meaning is written once.
 *
 * <p>Thread-safe (constants).
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** {@code check}: the pack loads but some case failed. */
    public static final int CASES_FAILED = 1;
    /** The pack has problems (parse, schema, lint, compile). */
    public static final int PACK_PROBLEMS = 2;
    /** {@code decide}/{@code explain}: nothing was decided (invalid dossier, unknown procedure, INDETERMINATE, not assessed). */
    public static final int BAD_DOSSIER = 3;
    /** A file could not be read or written. */
    public static final int IO = 4;
    /**
     * A value given on the command line is wrong: a date outside 1900..2199, FROM after TO, an
     * unknown procedure code ({@code guide}), a code with path characters or an existing procedure
     * folder ({@code new-procedure}).
     */
    public static final int BAD_ARGUMENT = 5;
    /** Wrong arguments. */
    public static final int USAGE = 64;
    /** An unexpected internal error (a bug: please report it). */
    public static final int INTERNAL = 70;

    /** The heading of every footer. */
    static final String FOOTER_HEADING = "%n" + CliMessages.both("CLI_EXIT_HEADING") + ":%n";

    /**
     * One exit code and what it means, from the CLI bundle ({@code key}), Vietnamese first.
     *
     * @param code the process exit status
     * @param key  its meaning's key in the CLI bundle
     */
    record Meaning(int code, String key) {
        String vi() {
            return CliMessages.text(false, key);
        }

        String en() {
            return CliMessages.text(true, key);
        }
    }

    /** Every exit code, once. */
    static final List<Meaning> TABLE = List.of(
            new Meaning(OK, "CLI_EXIT_OK"),
            new Meaning(CASES_FAILED, "CLI_EXIT_CASES_FAILED"),
            new Meaning(PACK_PROBLEMS, "CLI_EXIT_PACK_PROBLEMS"),
            new Meaning(BAD_DOSSIER, "CLI_EXIT_BAD_DOSSIER"),
            new Meaning(IO, "CLI_EXIT_IO"),
            new Meaning(BAD_ARGUMENT, "CLI_EXIT_BAD_ARGUMENT"),
            new Meaning(USAGE, "CLI_EXIT_USAGE"),
            new Meaning(INTERNAL, "CLI_EXIT_INTERNAL"));

    /** The codes each command can end with; a command not listed (the top level) can end with any. */
    static final Map<String, List<Integer>> BY_COMMAND = Map.ofEntries(
            Map.entry("check", List.of(OK, CASES_FAILED, PACK_PROBLEMS, IO, USAGE, INTERNAL)),
            Map.entry("build", List.of(OK, CASES_FAILED, PACK_PROBLEMS, IO, USAGE, INTERNAL)),
            Map.entry("decide", List.of(OK, PACK_PROBLEMS, BAD_DOSSIER, IO, USAGE, INTERNAL)),
            Map.entry("explain", List.of(OK, PACK_PROBLEMS, BAD_DOSSIER, IO, USAGE, INTERNAL)),
            Map.entry("catalog", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("guide", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("calendar", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("lunar", List.of(OK, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("month-starts", List.of(OK, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("days-off", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("new-procedure", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("new-pack", List.of(OK, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("track", List.of(OK, PACK_PROBLEMS, BAD_DOSSIER, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("import", List.of(OK, PACK_PROBLEMS, IO, USAGE, INTERNAL)),
            Map.entry("example-dossier", List.of(OK, PACK_PROBLEMS, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("table-xlsx", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)),
            Map.entry("desk", List.of(OK, PACK_PROBLEMS, IO, USAGE, INTERNAL)),
            Map.entry("serve", List.of(OK, PACK_PROBLEMS, IO, BAD_ARGUMENT, USAGE, INTERNAL)));

    private ExitCodes() {
    }

    /** The footer lines of a command's help: its exit codes with their meanings from {@link #TABLE}. */
    static String[] footer(String command) {
        List<Integer> codes = BY_COMMAND.get(command);
        List<String> lines = new ArrayList<>();
        for (Meaning m : TABLE) {
            if (codes == null || codes.contains(m.code())) {
                lines.add(String.format(Locale.ROOT, "%3d   %s / %s", m.code(), m.vi(), m.en()));
            }
        }
        return lines.toArray(new String[0]);
    }
}
