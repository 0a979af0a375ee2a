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
    static final String FOOTER_HEADING = "%nMã thoát / Exit codes:%n";

    /**
     * One exit code and what it means, Vietnamese first.
     *
     * @param code the process exit status
     * @param vi   its meaning in Vietnamese
     * @param en   its meaning in English
     */
    record Meaning(int code, String vi, String en) {
    }

    /** Every exit code, once. */
    static final List<Meaning> TABLE = List.of(
            new Meaning(OK, "thành công", "success"),
            new Meaning(CASES_FAILED, "có ca kiểm thử không đạt", "some cases failed (check)"),
            new Meaning(PACK_PROBLEMS, "bộ quy tắc có lỗi (import: có bản ghi bị từ chối, bộ quy tắc giữ nguyên)",
                    "the pack has problems, printed as file:line:col: [CODE] message (import: a record was refused, the pack is unchanged)"),
            new Meaning(BAD_DOSSIER, "hồ sơ chưa được quyết định (không hợp lệ, thủ tục không có, INDETERMINATE, chưa đánh giá);"
                    + " quyết định vẫn được in", "not decided (invalid dossier, unknown procedure, INDETERMINATE, not"
                    + " assessed); the decision is still printed"),
            new Meaning(IO, "không đọc/ghi được tệp", "cannot read or write a file"),
            new Meaning(BAD_ARGUMENT, "giá trị đối số sai", "a wrong argument value (date out of range, unknown procedure, "
                    + "a code with path characters, an existing folder)"),
            new Meaning(USAGE, "sai cú pháp lệnh", "usage error"),
            new Meaning(INTERNAL, "lỗi nội bộ", "internal error (a bug: please report it)"));

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
