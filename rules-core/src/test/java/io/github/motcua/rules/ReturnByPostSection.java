package io.github.motcua.rules;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.spi.PartJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole of a decision section in one class, as docs/integration.md shows it: whether the result
 * can be returned by the public postal service (trả kết quả qua dịch vụ bưu chính công ích). It
 * claims {@code return-by-post.yaml} ({@code basis: <id>} and {@code procedures: <code>, <code>}),
 * checks the basis id, writes {@code returnByPost} into every ELIGIBLE decision with a trace step and
 * a line of text, and checks {@code expect: {returnByPost: {offered: true}}} in analysts' cases.
 */
final class ReturnByPostSection implements DecisionSection<ReturnByPostSection.Offer> {
    static final Decision.Key<Offer> KEY = Decision.Key.of("returnByPost", Offer.class);
    private static final String FILE = "return-by-post.yaml";

    /**
     * The part.
     *
     * @param offered whether this procedure's result may be returned by post
     * @param basis   the legal basis
     */
    record Offer(boolean offered, LegalBasis basis) {
    }

    /** What the pack's file says. */
    private record Loaded(LegalBasis basis, Set<String> procedures) {
    }

    @Override
    public Decision.Key<Offer> key() {
        return KEY;
    }

    @Override
    public Stage stage() {
        return Stage.DOCUMENTS;
    }

    @Override
    public boolean claims(String path) {
        return path.equals(FILE);
    }

    @Override
    public Result load(Map<String, byte[]> files) {
        return load(files, null);
    }

    @Override
    public Result load(Map<String, byte[]> files, Context context) {
        byte[] bytes = files.get(FILE);
        if (bytes == null) {
            return new Result(null, List.of());
        }
        String basisId = null;
        Set<String> procedures = Set.of();
        List<PackProblem> problems = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("basis:")) {
                basisId = line.substring(6).strip();
                if (context != null && !context.bases().containsKey(basisId)) {
                    problems.add(new PackProblem(FILE, i + 1, lines[i].indexOf(basisId) + 1, "UNKNOWN_BASIS",
                            "Căn cứ pháp lý [" + basisId + "] không có trong legal-bases/*.yaml",
                            "legal basis [" + basisId + "] is not in legal-bases/*.yaml"));
                }
            } else if (line.startsWith("procedures:")) {
                procedures = Set.of(line.substring(11).strip().split("\\s*,\\s*"));
            }
        }
        if (basisId == null) {
            problems.add(new PackProblem(FILE, 1, 1, "MISSING_BASIS", "Thiếu [basis]", "[basis] is missing"));
        }
        return problems.isEmpty() ? new Result(new Loaded(context.bases().get(basisId), procedures), List.of())
                : new Result(null, problems);
    }

    @Override
    public Offer contribute(DecisionContext ctx) {
        if (ctx.eligibility() != Eligibility.ELIGIBLE || !(ctx.loaded() instanceof Loaded l)) {
            return null;
        }
        boolean offered = l.procedures().contains(ctx.procedure().code());
        if (offered) {
            ctx.trace(new Decision.TraceStep("trả kết quả qua bưu chính công ích", FILE, 0, l.basis(),
                    Decision.TraceStep.Kind.SECTION));
        }
        return new Offer(offered, l.basis());
    }

    @Override
    public Object toJson(Offer part) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("offered", part.offered());
        o.put("basis", PartJson.basis(part.basis()));
        return o;
    }

    @Override
    public void text(Offer part, Locale locale, StringBuilder out) {
        boolean vi = locale.getLanguage().equals("vi");
        out.append(vi ? "Trả kết quả qua bưu chính công ích: " : "Result returned by public post: ")
                .append(part.offered() ? (vi ? "có" : "yes") : (vi ? "không" : "no"))
                .append(PartJson.cite(part.basis(), locale)).append('\n');
    }

    @Override
    public void check(Object expected, Decision decision, CaseReport report) {
        Object want = expected instanceof Map<?, ?> m ? m.get("offered") : null;
        Boolean actual = decision.part(KEY).map(Offer::offered).orElse(null);
        if (want != null && !want.equals(actual)) {
            report.mismatch("returnByPost.offered: expected " + want + ", actual " + actual);
        }
    }
}
