package io.github.motcua.fees;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.law.LegalBasis;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pack's fee exemption and reduction categories ({@code exemptions.yaml}), by code.
 *
 * <p>File format (see docs/fees.md):
 * <pre>
 * categories:
 *   - code: POOR_HOUSEHOLD
 *     match: APPLICANT            # APPLICANT | RESIDENCE_FLAG | FORM_DATE_WITHIN
 *     name: { vi: "Hộ nghèo", en: "Poor household" }
 *     basis: LHT-2014-D11-1a
 *   - code: ON_TIME_BIRTH
 *     match: FORM_DATE_WITHIN
 *     dateField: treEm.ngaySinh
 *     withinDays: 60
 *     name: { vi: "Đăng ký khai sinh đúng hạn", en: "Birth registered on time" }
 *     basis: LHT-2014-D15
 * </pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ExemptionCatalog {


    private final Map<String, ExemptionCategory> byCode;

    private ExemptionCatalog(Map<String, ExemptionCategory> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** A catalogue of exactly these categories (codes must be unique). */
    public static ExemptionCatalog of(Collection<ExemptionCategory> categories) {
        java.util.Objects.requireNonNull(categories, "categories");
        Map<String, ExemptionCategory> m = new LinkedHashMap<>();
        for (ExemptionCategory c : categories) {
            if (m.put(c.code(), c) != null) {
                throw new IllegalArgumentException("duplicate exemption category code: [" + c.code() + "]");
            }
        }
        return new ExemptionCatalog(m);
    }

    /**
     * Parses an {@code exemptions.yaml}. Never throws for bad content: every problem (unknown code,
     * unknown basis id, missing field, YAML syntax) is listed, and the catalogue is only built when
     * there are none.
     *
     * @param file   the file name for messages
     * @param in     the YAML bytes (UTF-8); not closed
     * @param bases  resolves a legal-basis id (from the pack's {@code legal-bases/*.yaml})
     */
    public static Result parse(String file, InputStream in, Function<String, Optional<LegalBasis>> bases) {
        java.util.Objects.requireNonNull(file, "file");
        java.util.Objects.requireNonNull(in, "in");
        java.util.Objects.requireNonNull(bases, "bases");
        List<FeeTableProblem> problems = new ArrayList<>();
        PackNode root;
        try {
            // the kernel's reader, as every pack file: its limits, its positions (each problem at its category's line)
            root = PackReader.yaml(file, PackReader.decode(file, in.readAllBytes()), PackReader.Limits.DEFAULT);
        } catch (PackReadException e) {
            if (e.problem().code().equals(ProblemCode.YAML_EMPTY)) {
                problems.add(FeeMessages.table(file, 0, "categories", 0, "", "FEES_NO_CATEGORIES"));
            } else {
                problems.add(FeeMessages.table(file, e.problem().line(), "", 0, "", "FEES_CATEGORIES_YAML", "detail",
                        e.problem().messageEn()));
            }
            return new Result(null, problems);
        } catch (IOException e) {
            String msg = io.github.motcua.kernel.Failures.detail(e).lines().findFirst().orElse("");
            problems.add(FeeMessages.table(file, 0, "", 0, "", "FEES_CATEGORIES_YAML", "detail", msg));
            return new Result(null, problems);
        }
        PackNode list = root.get("categories");
        if (list == null || !list.isList()) {
            problems.add(FeeMessages.table(file, 0, "categories", 0, "", "FEES_NO_CATEGORIES"));
            return new Result(null, problems);
        }
        Map<String, ExemptionCategory> m = new LinkedHashMap<>();
        for (int i = 0; i < list.list().size(); i++) {
            PackNode n = list.list().get(i);
            int row = n.line();
            String where = String.format(Locale.ROOT, "categories[%d]", i);
            String code = text(n, "code");
            String match = text(n, "match");
            String basisId = text(n, "basis");
            String nameVi = text(n.get("name"), "vi");
            String nameEn = text(n.get("name"), "en");
            if (code.isEmpty()) {
                problems.add(FeeMessages.table(file, row, where + ".code", 0, "", "FEES_CATEGORY_NO_CODE"));
                continue;
            }
            ExemptionCategory.Match mt;
            try {
                mt = ExemptionCategory.Match.valueOf(match);
            } catch (IllegalArgumentException e) {
                problems.add(FeeMessages.table(file, row, where + ".match", 0, match, "FEES_CATEGORY_BAD_MATCH"));
                continue;
            }
            Optional<LegalBasis> basis = basisId.isEmpty() ? Optional.empty() : bases.apply(basisId);
            if (basis.isEmpty()) {
                problems.add(FeeMessages.table(file, row, where + ".basis", 0, basisId, "FEES_CATEGORY_UNKNOWN_BASIS"));
                continue;
            }
            if (nameVi.isEmpty()) {
                problems.add(FeeMessages.table(file, row, where + ".name.vi", 0, "", "FEES_CATEGORY_NO_NAME_VI"));
                continue;
            }
            try {
                ExemptionCategory c = new ExemptionCategory(code, mt, nameVi, nameEn,
                        text(n, "dateField").isEmpty() ? null : text(n, "dateField"),
                        withinDays(n) < 0 && mt != ExemptionCategory.Match.FORM_DATE_WITHIN ? 0 : withinDays(n),
                        basis.get());
                if (m.put(code, c) != null) {
                    problems.add(FeeMessages.table(file, row, where + ".code", 0, code, "FEES_CATEGORY_DUPLICATE"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(FeeMessages.table(file, row, where, 0, code, "FEES_CATEGORY_INVALID", "detail", io.github.motcua.kernel.Failures.detail(e)));
            }
        }
        return new Result(problems.isEmpty() ? new ExemptionCatalog(m) : null, problems);
    }

    private static String text(PackNode n, String field) {
        PackNode v = n == null ? null : n.get(field);
        return v == null || v.text() == null ? "" : v.text().strip();
    }

    /** {@code withinDays} as a whole number, or -1 when absent or not one. */
    private static int withinDays(PackNode n) {
        String t = text(n, "withinDays");
        try {
            return t.isEmpty() ? -1 : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The category with this code, if declared. */
    public Optional<ExemptionCategory> find(String code) {
        return Optional.ofNullable(byCode.get(java.util.Objects.requireNonNull(code, "code")));
    }

    /** Every declared category. */
    public Collection<ExemptionCategory> categories() {
        return byCode.values();
    }

    /**
     * The outcome of {@link #parse}: a catalogue, or the problems that prevented it.
     *
     * @param catalog  the catalogue, or {@code null} when there are problems
     * @param problems every problem found (empty on success)
     */
    public record Result(ExemptionCatalog catalog, List<FeeTableProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        /** The catalogue, or throws {@link InvalidFeeTableException} listing every problem. */
        public ExemptionCatalog orThrow() {
            if (catalog == null) {
                throw new InvalidFeeTableException(problems);
            }
            return catalog;
        }
    }
}
