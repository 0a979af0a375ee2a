package io.github.motcua.rules;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A pack could not be loaded (không nạp được bộ quy tắc); carries every {@link PackProblem} with
 * its file, line and column. Thrown by {@link LoadResult#orThrow()}, and by a decision whose
 * procedure failed lazy compilation. {@link #toProblems()} gives the same problems as the kernel's
 * {@link Problem}, each with its own code ({@code LINT_NO_BASIS}, {@code DRL_SYNTAX}, ...). {@link #getMessage()} says
 * it in Vietnamese, then in English, then lists the problems, one a line:
 * {@code "Không nạp được bộ quy tắc [goi]: 1 lỗi / unable to load pack [goi]: 1 problem(s)"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnableToLoadPackException extends RulesException {
    private static final long serialVersionUID = 1L;
    private final transient List<PackProblem> packProblems;

    /**
     * @param source   the pack folder or artifact, as the caller named it
     * @param problems what is wrong, in file order
     */
    public UnableToLoadPackException(String source, List<PackProblem> problems) {
        super(message(source, problems), kernel(source, problems), null);
        this.packProblems = List.copyOf(problems);
    }

    /**
     * {@code "Không nạp được bộ quy tắc [src]: 2 lỗi / unable to load pack [src]: 2 problem(s)"}, Vietnamese first as
     * every message an analyst reads, then one line per problem ({@link PackProblem#toString()}: {@code
     * file:line:col: [CODE] message}).
     */
    private static String message(String source, List<PackProblem> problems) {
        // a load lists at most 10,000 problems and ends with PROBLEMS_MORE counting the rest (docs/pack-format.md)
        boolean capped = PackProblem.capped(problems);
        String count = Integer.toString(capped ? problems.size() - 1 : problems.size());
        String src = String.valueOf(source);
        String vi = capped ? Messages.render(RulesMessages.BUNDLE, "PACK_NOT_LOADED_MORE", Messages.VI, "source", src, "count", count)
                : Messages.render(RulesMessages.BUNDLE, "PACK_NOT_LOADED_COUNT", Messages.VI, "source", src, "count", count);
        String en = capped ? Messages.render(RulesMessages.BUNDLE, "PACK_NOT_LOADED_MORE", Locale.ENGLISH, "source", src, "count", count)
                : Messages.render(RulesMessages.BUNDLE, "PACK_NOT_LOADED_COUNT", Locale.ENGLISH, "source", src, "count", count);
        return vi + " / " + en
                + System.lineSeparator()
                + problems.stream().map(PackProblem::toString).collect(Collectors.joining(System.lineSeparator()));
    }

    /** The problems, in file order. */
    public List<PackProblem> problems() {
        return packProblems;
    }

    private static List<Problem> kernel(String source, List<PackProblem> problems) {
        List<Problem> out = new ArrayList<>();
        for (PackProblem p : problems) {
            out.add(p.toProblem());
        }
        if (out.isEmpty()) {
            out.add(new Problem("", 0, 0, "", new io.github.motcua.kernel.ProblemCode("PACK_NOT_LOADED"),
                    io.github.motcua.kernel.Severity.ERROR, RulesMessages.BUNDLE, "PACK_NOT_LOADED",
                    java.util.Map.of("source", String.valueOf(source))));
        }
        return out;
    }
}
