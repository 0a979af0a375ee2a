package io.github.motcua.rules.cases;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.PackCase;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one analyst case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param packCase   the case
 * @param decision   the actual decision, or {@code null} when deciding threw
 * @param mismatches each expected part that differs, as an analyst reads it, Vietnamese first:
 *                   {@code "part: ca kiểm thử ghi X, kết quả là Y / expected X, actual Y"} (until session 20 the
 *                   English half alone); a decision that failed is {@code "quyết định lỗi / decision failed: …"}
 * @param notChecked expected parts the engine cannot check yet (e.g. deadline before the calendar
 *                   is integrated); they neither pass nor fail the case, and are reported
 */
public record CaseResult(PackCase packCase, Decision decision, List<String> mismatches, List<String> notChecked) {
    public CaseResult {
        Objects.requireNonNull(packCase, "packCase");
        mismatches = List.copyOf(mismatches);
        notChecked = List.copyOf(notChecked);
    }

    /** True when every checkable expected part matched. */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /**
     * A section's English mismatch {@code "part: expected X, actual Y"} (the one-text
     * {@code DecisionSection.CaseReport.mismatch}) as an analyst reads it, Vietnamese first:
     * {@code "part: ca kiểm thử ghi X, kết quả là Y / expected X, actual Y"}; any other text as it is.
     */
    static String bilingual(String mismatch) {
        int colon = mismatch.indexOf(": expected ");
        int actual = mismatch.lastIndexOf(", actual ");
        if (colon < 0 || actual < colon) {
            return mismatch;
        }
        String part = mismatch.substring(0, colon);
        String want = mismatch.substring(colon + ": expected ".length(), actual);
        String got = mismatch.substring(actual + ", actual ".length());
        return CaseTexts.mismatch(part, want, got, want, got);
    }

    /** Expected versus actual, readable by an analyst. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s:%d: \"%s\" %s%n", packCase.file(), packCase.line(), packCase.name(),
                CaseTexts.both(passed() ? "cases.passed" : "cases.failed")));
        for (String m : mismatches) {
            sb.append("  ✗ ").append(m).append(System.lineSeparator());
        }
        for (String n : notChecked) {
            sb.append("  ? ").append(CaseTexts.both("cases.notChecked")).append(": ").append(n).append(System.lineSeparator());
        }
        if (!passed() && decision != null) {
            sb.append("  ").append(CaseTexts.both("cases.rulesFired")).append(":").append(System.lineSeparator());
            for (Decision.TraceStep t : decision.trace()) {
                sb.append(String.format(Locale.ROOT, "    %s:%d %s%n", t.file(), t.line(), t.rule()));
            }
            if (decision.cause() != null) {
                sb.append("  ").append(CaseTexts.both("cases.cause")).append(": ").append(decision.cause().messageVi())
                        .append(" / ").append(decision.cause().messageEn()).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
