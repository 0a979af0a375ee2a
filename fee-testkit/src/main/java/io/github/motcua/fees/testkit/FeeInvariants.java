package io.github.motcua.fees.testkit;

import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.fees.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reusable properties every fee table must have, checked for one dossier at a time against a
 * {@link FeeOracle}. Call them from a jqwik {@code @Property} fed by {@link DossierArbitraries}:
 *
 * <pre>{@code
 * @Property
 * void feesAreLawful(@ForAll("dossiers") Map<String, Object> dossier) {
 *     FeeInvariants.checkAll(oracle, dossier);
 *     FeeInvariants.quantityMonotonic(oracle, dossier, "soTrang");
 *     FeeInvariants.unreadFieldsIrrelevant(oracle, dossier, table.formPaths());
 * }
 * }</pre>
 *
 * A failure throws {@link FeeInvariantViolation} whose message holds a ready-to-paste case YAML.
 * jqwik shrinks the dossier first, so the printed case is small.
 *
 * <p>Thread-safe: stateless.
 */
public final class FeeInvariants {

    private FeeInvariants() {
    }

    /**
     * Every single-dossier invariant: {@link #neverNegative}, {@link #totalIsSum},
     * {@link #exemptedLineIsZero}, {@link #capNeverExceeded}, {@link #deterministic} and
     * {@link #onlineNotDearer}.
     */
    public static void checkAll(FeeOracle oracle, Map<String, Object> dossier) {
        FeeAssessment a = assess(oracle, dossier, "assess");
        neverNegative(a, dossier);
        totalIsSum(a, dossier);
        exemptedLineIsZero(a, dossier);
        capNeverExceeded(a, dossier);
        deterministic(oracle, dossier, a);
        onlineNotDearer(oracle, dossier);
    }

    /** A fee is never negative: no line, gross, adjustment or total below 0 đ. */
    public static void neverNegative(FeeAssessment a, Map<String, Object> dossier) {
        for (FeeLine l : a.lines()) {
            if (l.amount().dong() < 0 || l.gross().dong() < 0
                    || l.adjustments().stream().anyMatch(x -> x.amount().dong() < 0)) {
                fail("never-negative", KitMessages.both("invariant.negativeLine") + " [" + l.item() + "]", dossier, a);
            }
        }
        if (a.total().dong() < 0) {
            fail("never-negative", KitMessages.both("invariant.negativeTotal"), dossier, a);
        }
    }

    /** The total is the sum of the lines, and each line's amount is its gross minus its adjustments. */
    public static void totalIsSum(FeeAssessment a, Map<String, Object> dossier) {
        long sum = 0;
        for (FeeLine l : a.lines()) {
            sum = Math.addExact(sum, l.amount().dong());
            long off = 0;
            for (FeeAdjustment x : l.adjustments()) {
                off = Math.addExact(off, x.amount().dong());
            }
            if (l.gross().dong() - off != l.amount().dong()) {
                fail("total-is-sum", KitMessages.both("invariant.lineArithmetic", "item", l.item(),
                        "gross", String.valueOf(l.gross().dong()), "off", String.valueOf(off),
                        "amount", String.valueOf(l.amount().dong())), dossier, a);
            }
        }
        if (sum != a.total().dong()) {
            fail("total-is-sum", KitMessages.both("invariant.totalNotSum", "total", String.valueOf(a.total().dong()),
                    "sum", String.valueOf(sum)), dossier, a);
        }
    }

    /** A line with an exemption is 0 đ. */
    public static void exemptedLineIsZero(FeeAssessment a, Map<String, Object> dossier) {
        for (FeeLine l : a.lines()) {
            if (l.exempted() && !l.amount().isZero()) {
                fail("exempted-line-zero", KitMessages.both("invariant.exemptedCharged") + " [" + l.item() + "]",
                        dossier, a);
            }
        }
    }

    /** No line charges more than its cap per copy times its copies. */
    public static void capNeverExceeded(FeeAssessment a, Map<String, Object> dossier) {
        for (FeeLine l : a.lines()) {
            Money cap = l.capPerCopy();
            if (cap != null && l.gross().compareTo(cap.times(l.copies())) > 0) {
                fail("cap-never-exceeded", KitMessages.both("invariant.capExceeded", "item", l.item(),
                        "gross", String.valueOf(l.gross().dong()), "cap", String.valueOf(cap.dong()),
                        "copies", String.valueOf(l.copies())), dossier, a);
            }
        }
    }

    /** The same dossier gives the same fee. */
    public static void deterministic(FeeOracle oracle, Map<String, Object> dossier, FeeAssessment first) {
        FeeAssessment again = assess(oracle, dossier, "deterministic");
        if (!again.equals(first)) {
            fail("deterministic", KitMessages.both("invariant.nondeterministic") + ": "
                    + first.total() + " vs " + again.total(), dossier, first);
        }
    }

    /** Filing online is never dearer than filing the same dossier at the desk. */
    public static void onlineNotDearer(FeeOracle oracle, Map<String, Object> dossier) {
        FeeAssessment desk = assess(oracle, with(dossier, "channel", "DESK"), "desk");
        FeeAssessment online = assess(oracle, with(dossier, "channel", "ONLINE"), "online");
        if (online.total().compareTo(desk.total()) > 0) {
            fail("online-not-dearer", KitMessages.both("invariant.onlineDearer", "online", String.valueOf(online.total().dong()),
                    "desk", String.valueOf(desk.total().dong())), with(dossier, "channel", "ONLINE"), online);
        }
    }

    /**
     * A fee never falls when the quantity at {@code formPath} rises by one (the missing value counts
     * as 1). Skipped when the quantity is already {@code FeeTables.MAX_QUANTITY}.
     */
    public static void quantityMonotonic(FeeOracle oracle, Map<String, Object> dossier, String formPath) {
        Map<String, Object> form = form(dossier);
        Object cur = get(form, formPath);
        long q = cur instanceof Number n ? n.longValue() : 1;
        if (q >= io.github.motcua.fees.FeeTables.MAX_QUANTITY || q < 0) {
            return;
        }
        FeeAssessment before = assess(oracle, dossier, "quantity");
        Map<String, Object> more = withForm(dossier, put(form, formPath, q + 1));
        FeeAssessment after = assess(oracle, more, "quantity+1");
        if (after.total().compareTo(before.total()) < 0) {
            fail("quantity-monotonic", KitMessages.both("invariant.quantityFell", "path", formPath, "from", String.valueOf(q),
                    "to", String.valueOf(q + 1), "before", String.valueOf(before.total().dong()),
                    "after", String.valueOf(after.total().dong())), more, after);
        }
    }

    /**
     * Form fields the fee rules don't read don't change the fee: removing every top-level form
     * field outside {@code readPaths} (and adding an unrelated one) leaves the fee as it was.
     *
     * @param readPaths the paths the fee rules read, e.g. {@code FeeTable.formPaths()}
     */
    public static void unreadFieldsIrrelevant(FeeOracle oracle, Map<String, Object> dossier, Set<String> readPaths) {
        FeeAssessment before = assess(oracle, dossier, "unread");
        Map<String, Object> form = form(dossier);
        Map<String, Object> stripped = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : form.entrySet()) {
            String k = e.getKey();
            if (readPaths.stream().anyMatch(p -> p.equals(k) || p.startsWith(k + "."))) {
                stripped.put(k, e.getValue());
            }
        }
        stripped.put("truongKhongLienQuanDenPhi", "x");
        Map<String, Object> other = withForm(dossier, stripped);
        FeeAssessment after = assess(oracle, other, "unread-stripped");
        if (!after.total().equals(before.total())) {
            fail("unread-fields-irrelevant", KitMessages.both("invariant.unreadChanged",
                    "before", String.valueOf(before.total().dong()), "after", String.valueOf(after.total().dong()))
                    + " (read: " + readPaths + ")", dossier, before);
        }
    }

    private static FeeAssessment assess(FeeOracle oracle, Map<String, Object> dossier, String step) {
        FeeAssessment a;
        try {
            a = oracle.assess(dossier);
        } catch (RuntimeException e) {
            throw new FeeInvariantViolation("no-exception", KitMessages.both("invariant.threw") + " (" + step
                    + "): " + e, CaseYaml.of(KitMessages.both("case.mustNotFail"), dossier, null,
                            "fee invariant: no-exception\n" + e));
        }
        if (a == null) {
            throw new FeeInvariantViolation("not-null", KitMessages.both("invariant.null"),
                    CaseYaml.of(KitMessages.both("case.mustReturn"), dossier, null,
                            "fee invariant: not-null"));
        }
        return a;
    }

    private static void fail(String invariant, String explanation, Map<String, Object> dossier, FeeAssessment observed) {
        throw new FeeInvariantViolation(invariant, explanation, CaseYaml.of(
                KitMessages.both("case.counterexample", "invariant", invariant), dossier, observed,
                "fee invariant: " + invariant + "\n" + explanation));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(Map<String, Object> dossier) {
        return dossier.get("form") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> with(Map<String, Object> dossier, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(dossier);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> withForm(Map<String, Object> dossier, Map<String, Object> form) {
        return with(dossier, "form", form);
    }

    private static Object get(Map<String, Object> form, String path) {
        Object cur = form;
        for (String seg : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(seg);
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> put(Map<String, Object> form, String path, Object value) {
        Map<String, Object> root = new LinkedHashMap<>(form);
        Map<String, Object> cur = root;
        String[] segs = path.split("\\.");
        for (int i = 0; i < segs.length - 1; i++) {
            Object next = cur.get(segs[i]);
            Map<String, Object> copy = next instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            cur.put(segs[i], copy);
            cur = copy;
        }
        cur.put(segs[segs.length - 1], value);
        return root;
    }
}
