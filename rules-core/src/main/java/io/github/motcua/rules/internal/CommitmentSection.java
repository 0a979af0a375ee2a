package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.spi.PartJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The province's committed time beside the law's maximum (thời gian cam kết của tỉnh), a decision
 * section of the {@code DEADLINE} stage that runs after the deadline: procedure.yaml's
 * {@code commitment} is read (and checked against the maximum) with the procedure, the deadline
 * section counts it ({@link #countedLimit}), and this section reports both in the decision's
 * {@code commitment} part. A decision without a deadline has no commitment; neither has one whose
 * rules replaced the base limit (another variant of the procedure). Claims no file. Stateless, so
 * thread-safe.
 */
final class CommitmentSection implements DecisionSection<Decision.Commitment>, WithoutPackIdentity {
    static final String NAME = "commitment";

    @Override
    public Decision.Key<Decision.Commitment> key() {
        return Decision.Key.COMMITMENT;
    }

    @Override
    public Stage stage() {
        return Stage.DEADLINE;
    }

    @Override
    public boolean claims(String path) {
        return false;
    }

    @Override
    public Result load(Map<String, byte[]> files) {
        return new Result(null, List.of());
    }

    @Override
    public boolean reusable() {
        return true;
    }

    /** The time limit the appointment counts: the province's commitment when set, else the law's maximum. */
    static TimeLimit countedLimit(Procedure p, Procedure.BaseDeadline base, DeadlineEngine engine) {
        Procedure.Commitment c = p.commitment();
        return c == null ? base.limit() : c.limit(engine.settings().officeHours().minutesPerDay());
    }

    @Override
    public Decision.Commitment contribute(DecisionContext ctx) {
        Procedure p = ctx.procedure();
        Procedure.Commitment c = p.commitment();
        DeadlineResult deadline = ctx.part(Decision.Key.DEADLINE).orElse(null);
        if (c == null || deadline == null
                || deadline.applied().stream().anyMatch(a -> a.kind() == DeadlineAdjustment.Kind.REPLACE)
                || ctx.loaded(BuiltInSections.CALENDAR, DeadlineEngine.class).isEmpty()) {
            return null;
        }
        DeadlineEngine engine = ctx.loaded(BuiltInSections.CALENDAR, DeadlineEngine.class).get();
        Procedure.BaseDeadline base = p.deadlineOn(ctx.asOf()).orElse(null);
        if (base == null) {
            return null;
        }
        TimeLimit max = base.limit();
        return new Decision.Commitment(max, base.basis(), c.amount(), c.unit(), c.labelVi(),
                countedLimit(p, base, engine), c.cutPercent(max), c.basis(), c.note());
    }

    @Override
    public Object toJson(Decision.Commitment c) {
        Map<String, Object> x = new LinkedHashMap<>();
        Map<String, Object> max = new LinkedHashMap<>();
        max.put("amount", c.maximum().amount());
        max.put("unit", c.maximum().unit().name());
        max.put("labelVi", c.maximum().labelVi());
        max.put("basis", PartJson.basis(c.maximumBasis()));
        x.put("maximum", max);
        Map<String, Object> com = new LinkedHashMap<>();
        com.put("amount", c.amount());
        com.put("unit", c.unit().name());
        com.put("labelVi", c.labelVi());
        com.put("countedAmount", c.counted().amount());
        com.put("countedUnit", c.counted().unit().name());
        com.put("basis", PartJson.basis(c.basis()));
        com.put("note", c.note());
        x.put("committed", com);
        x.put("cutPercent", c.cutPercent());
        return x;
    }

    @Override
    public void text(Decision.Commitment c, Locale locale, StringBuilder out) {
        boolean vi = "vi".equals(locale.getLanguage());
        String cut = c.cutPercent() == null ? "" : " " + (vi
                ? Msg.vi("text.commitment.cut", "percent", c.cutPercent().toPlainString().replace('.', ','))
                : Msg.en("text.commitment.cut", "percent", c.cutPercent().toPlainString()));
        out.append(vi ? Msg.vi("text.commitment.maximum") : Msg.en("text.commitment.maximum")).append(": ")
                .append(c.maximum().labelVi()).append(PartJson.cite(c.maximumBasis(), locale))
                .append("; ").append(vi ? Msg.vi("text.commitment.committed") : Msg.en("text.commitment.committed")).append(": ")
                .append(c.labelVi()).append(cut).append(PartJson.cite(c.basis(), locale)).append('\n');
    }

    /** Cases do not check the commitment (its counted deadline is the deadline's {@code due}). */
    @Override
    public String expectKey() {
        return null;
    }
}
