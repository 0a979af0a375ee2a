package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The fee table built from rows; immutable and thread-safe. See {@link FeeTables} for the policy. */
final class DefaultFeeTable implements FeeTable {

    private final String source;
    private final List<FeeRow> rows;
    private final Map<String, List<FeeRow>> ratesByItem;
    private final Set<String> formPaths;
    private final Set<String> quantityPaths;
    /**
     * The charged items in the table's order, each with what an assessment reads of it: an assessment reads these and
     * nothing else of the table's maps (docs/performance.md, "Session 16 — what a decision touches per procedure").
     */
    private final Item[] items;
    /**
     * The same by item, for the rules' directives; null for a table of at most {@value #SCANNED_ITEMS} items, whose
     * directives find their item by a scan of {@link #items} (its hash, then its name): a map's table, entry and
     * wrapper are three more objects a decision reads (docs/performance.md, "Session 21 — the skewed mix").
     */
    private final Map<String, Item> itemsByName;
    private static final int SCANNED_ITEMS = 8;

    /**
     * One charged item: its RATE rows, their tariff wording computed once (String.format on every assessment was the main
     * cost), in Vietnamese and in English (fee-rules' bundle), and the item's adjustment rows, together: over many
     * tables an assessment reads each table from cold memory, and a map's table, entries and keys are each one more
     * object to read.
     *
     * <p>A row's wording is worked out when an assessment first charges by it, not when the table is built: a pack's
     * load builds every procedure's table (≈ 3.5 MB of wording for 2,000 procedures, most never charged by a given
     * node) and rendering it cannot fail (fee-rules' own bundle keys, amounts already parsed). Two threads charging by
     * the same row at once may both render it: the same text, and a {@code String} is safe to share without a lock.
     *
     * <p>Session 21: the rate rows and the adjustment rows in one array (rates first), the wording in both languages in
     * one array, and whether the item is charged only on a rule's directive and its name's hash copied here — one
     * array fewer of each kind, and an item charged only on a rule is not read further unless a rule adds it.
     */
    private static final class Item {
        final String name;
        final int hash;
        /** {@code rows[0].onRule()}: charged only when a rule's directive adds it. */
        final boolean onRule;
        /** The RATE rows ({@code [0, rateCount)}), then the item's EXEMPT and REDUCE rows. */
        final FeeRow[] rows;
        final int rateCount;
        /**
         * The wording of rate row {@code j}: Vietnamese at {@code j}, English at {@code rateCount + j} (each rendered
         * when first charged); then, from {@code 2 * rateCount}, every row's categories row after row, in the row's
         * order (the pack's {@link ExemptionCategory} objects, shared by its tables). Session 22: one array instead of
         * one list (and a list's array) per row that names categories.
         */
        private final Object[] words;
        /**
         * Where row {@code k}'s categories end, counted from {@code 2 * rateCount}. Session 23: a plain {@code int[]} for
         * every item (session 22 packed the ends 8 bits a row into a {@code long} for items of at most 8 rows and 255
         * categories; measured against this form with the skewed mix, no gain beyond the noise: docs/performance.md
         * "Session 23 — the skewed mix made quotable").
         */
        private final int[] catEnds;

        Item(String name, List<FeeRow> rates, List<FeeRow> adjustments) {
            this.name = name;
            this.hash = name.hashCode();
            this.rateCount = rates.size();
            this.rows = new FeeRow[rateCount + adjustments.size()];
            int cats = 0;
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i < rateCount ? rates.get(i) : adjustments.get(i - rateCount);
                cats += rows[i].categories().size();
            }
            this.onRule = rows[0].onRule();
            this.words = new Object[2 * rateCount + cats];
            this.catEnds = new int[rows.length];
            int at = 0;
            for (int k = 0; k < rows.length; k++) {
                for (ExemptionCategory c : rows[k].categories()) {
                    words[2 * rateCount + at++] = c;
                }
                catEnds[k] = at;
            }
        }

        /** The index in {@link #words} after row {@code k}'s last category. */
        int catEnd(int k) {
            return 2 * rateCount + catEnds[k];
        }

        /** The index in {@link #words} of row {@code k}'s first category (its end when it names none). */
        int catStart(int k) {
            return k == 0 ? 2 * rateCount : catEnd(k - 1);
        }

        /** Whether row {@code k} names no category ({@link FeeRow#categories()} empty), without reading the row. */
        boolean noCategories(int k) {
            return catStart(k) == catEnd(k);
        }

        /** The first of row {@code k}'s categories the request is a member of, in the row's order, or null. */
        ExemptionCategory firstMember(int k, FeeRequest req) {
            for (int i = catStart(k), end = catEnd(k); i < end; i++) {
                ExemptionCategory c = (ExemptionCategory) words[i];
                if (member(c, req)) {
                    return c;
                }
            }
            return null;
        }

        /** The tariff of rate row {@code j} in Vietnamese words ({@link FeeRow#tariffVi()}), rendered once. */
        String tariffVi(int j) {
            String t = (String) words[j];
            if (t == null) {
                t = rows[j].tariffVi();
                words[j] = t;
            }
            return t;
        }

        /** The same in English ({@link FeeRow#tariff(Locale)}). */
        String tariffEn(int j) {
            String t = (String) words[rateCount + j];
            if (t == null) {
                t = rows[j].tariff(Locale.ENGLISH);
                words[rateCount + j] = t;
            }
            return t;
        }
    }

    /** The RATE rows' quantity cells, at their rows and columns ({@link FeeTable#quantityCells()}). */
    private final List<QuantityCell> quantityCells;

    DefaultFeeTable(String source, List<FeeRow> rows, List<QuantityCell> quantityCells) {
        this.source = source;
        this.rows = List.copyOf(rows);
        this.quantityCells = List.copyOf(quantityCells);
        Map<String, List<FeeRow>> rates = new LinkedHashMap<>();
        Map<String, List<FeeRow>> adj = new LinkedHashMap<>();
        Set<String> paths = new LinkedHashSet<>();
        Set<String> quantities = new LinkedHashSet<>();
        for (FeeRow r : this.rows) {
            (r.type() == FeeRow.Type.RATE ? rates : adj).computeIfAbsent(r.item(), k -> new ArrayList<>()).add(r);
            if (r.unitPath() != null) {
                quantities.add(r.unitPath());
            }
            if (r.copiesPath() != null) {
                quantities.add(r.copiesPath());
            }
            paths.addAll(quantities);
            for (ExemptionCategory c : r.categories()) {
                if (c.dateField() != null) {
                    paths.add(c.dateField());
                }
            }
        }
        rates.replaceAll((k, v) -> List.copyOf(v));
        adj.replaceAll((k, v) -> List.copyOf(v));
        this.ratesByItem = Collections.unmodifiableMap(rates);
        Map<String, Item> byName = new LinkedHashMap<>();
        for (Map.Entry<String, List<FeeRow>> e : rates.entrySet()) {
            byName.put(e.getKey(), new Item(e.getKey(), e.getValue(), adj.getOrDefault(e.getKey(), List.of())));
        }
        this.items = byName.values().toArray(new Item[0]);
        this.itemsByName = items.length <= SCANNED_ITEMS ? null : Collections.unmodifiableMap(byName);
        this.formPaths = Collections.unmodifiableSet(paths);
        this.quantityPaths = Collections.unmodifiableSet(quantities);
    }

    @Override
    public Set<String> quantityPaths() {
        return quantityPaths;
    }

    @Override
    public List<QuantityCell> quantityCells() {
        return quantityCells;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Set<String> items() {
        return ratesByItem.keySet();
    }

    @Override
    public Set<String> formPaths() {
        return formPaths;
    }

    @Override
    public FeeAssessment assess(FeeRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        List<FeeLine> lines = new ArrayList<>();
        List<Item> of = new ArrayList<>(); // each line's item
        for (Item it : items) {
            if (!it.onRule) {
                lines.add(price(it.name, it, request, null, null));
                of.add(it);
            }
        }
        for (FeeDirective d : request.directives()) {
            Item it = item(d.item());
            if (it == null) {
                throw new FeeDirectiveException(FeeMessages.detail("FEES_DIRECTIVE_UNKNOWN_ITEM", "rule", d.rule(),
                        "item", d.item(), "table", source));
            }
            if (d.kind() == FeeDirective.Kind.ADD) {
                if (!it.onRule) {
                    throw new FeeDirectiveException(FeeMessages.detail("FEES_DIRECTIVE_ALWAYS_CHARGED", "rule", d.rule(),
                            "item", d.item(), "table", source));
                }
                lines.add(price(d.item(), it, request, d.quantity(), d.rule()));
                of.add(it);
            }
        }
        List<FeeLine> adjusted = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            adjusted.add(adjust(lines.get(i), of.get(i), request));
        }
        return FeeAssessment.of(adjusted);
    }

    /** The charged item named {@code name}, or null: by the map, or for a small table by a scan of its items. */
    private Item item(String name) {
        if (itemsByName != null) {
            return itemsByName.get(name);
        }
        int h = name.hashCode();
        for (Item it : items) {
            if (it.hash == h && it.name.equals(name)) {
                return it;
            }
        }
        return null;
    }

    private FeeLine price(String item, Item it, FeeRequest req, Long copiesOverride, String rule) {
        FeeRow[] rates = it.rows;
        int rateCount = it.rateCount;
        int bestRank = -1;
        int[] best = new int[rateCount]; // the best rows' indices in rates (and in the tariff texts), in order
        int bests = 0;
        for (int j = 0; j < rateCount; j++) {
            FeeRow r = rates[j];
            if (!r.inForce(req.asOf()) || !r.channelMatches(req.channel())
                    || (!it.noCategories(j) && it.firstMember(j, req) == null)) {
                continue;
            }
            int rank = (it.noCategories(j) ? 0 : 2) + (r.channels().isEmpty() ? 0 : 1);
            if (rank > bestRank) {
                bestRank = rank;
                bests = 0;
            }
            if (rank == bestRank) {
                best[bests++] = j;
            }
        }
        if (bests == 0) {
            String windows = java.util.Arrays.stream(rates, 0, rateCount).map(r -> r.source() + " " + r.window())
                    .collect(Collectors.joining("; "));
            throw new NoRateInForceException(FeeMessages.detail("FEES_NO_RATE_IN_FORCE", "item", item, "date", req.asOf(),
                    "channel", req.channel(), "table", source, "windows", windows));
        }
        FeeLine cheapest = null;
        for (int b = 0; b < bests; b++) {
            int j = best[b];
            FeeRow r = rates[j];
            long units = r.unitPath() == null ? 1 : quantity(r, r.unitPath(), req);
            long copies = copiesOverride != null ? copiesOverride
                    : r.copiesPath() == null ? 1 : quantity(r, r.copiesPath(), req);
            Money gross = r.perCopy(units).times(copies);
            if (cheapest == null || gross.compareTo(cheapest.gross()) < 0) {
                FeeSource src = rule == null ? r.source() : r.source().addedBy(rule);
                cheapest = new FeeLine(item, r.nameVi(), r.nameEn(), units, gross, r.basis(), r.kind(), it.tariffVi(j),
                        it.tariffEn(j), copies, gross, r.cap() == null ? null : Money.of(r.cap()), List.of(), src, r.verified());
            }
        }
        return cheapest;
    }

    /** @param it the line's item: its adjustment rows */
    private FeeLine adjust(FeeLine line, Item it, FeeRequest req) {
        List<FeeAdjustment> exemptions = new ArrayList<>();
        List<Candidate> reductions = new ArrayList<>();
        FeeRow[] rows = it.rows;
        for (int k = it.rateCount; k < rows.length; k++) {
            FeeRow r = rows[k];
            if (!r.inForce(req.asOf()) || !r.channelMatches(req.channel())) {
                continue;
            }
            // the row's categories from the item's flat array: the first the request is a member of, in the row's order
            boolean none = it.noCategories(k);
            Optional<ExemptionCategory> why = none ? Optional.empty() : Optional.ofNullable(it.firstMember(k, req));
            if (!none && why.isEmpty()) {
                continue;
            }
            // the row's note only when no category gives the reason (it is not read otherwise)
            String reasonVi = why.isPresent() ? why.get().nameVi() : r.note().isEmpty() ? r.type().name() : r.note();
            String reasonEn = why.map(ExemptionCategory::nameEn).orElse(r.note());
            if (r.type() == FeeRow.Type.EXEMPT) {
                exemptions.add(new FeeAdjustment(FeeAdjustment.Kind.EXEMPT, 100, Money.ZERO, reasonVi, reasonEn,
                        r.basis(), r.source(), r.verified()));
            } else {
                reductions.add(new Candidate(r.percent(), r.stacks(), reasonVi, reasonEn, r.basis(), r.source(), r.verified()));
            }
        }
        for (FeeDirective d : req.directives()) {
            if (!d.item().equals(line.item()) || d.kind() == FeeDirective.Kind.ADD) {
                continue;
            }
            if (d.kind() == FeeDirective.Kind.EXEMPT) {
                exemptions.add(new FeeAdjustment(FeeAdjustment.Kind.EXEMPT, 100, Money.ZERO, d.reasonVi(), "",
                        d.basis(), FeeSource.rule(d.rule())));
            } else {
                reductions.add(new Candidate(d.percent(), false, d.reasonVi(), "", d.basis(), FeeSource.rule(d.rule()), true));
            }
        }
        List<FeeAdjustment> applied = new ArrayList<>();
        Money amount = line.gross();
        if (!exemptions.isEmpty()) {
            FeeAdjustment first = exemptions.get(0);
            applied.add(new FeeAdjustment(first.kind(), 100, line.gross(), first.reasonVi(), first.reasonEn(),
                    first.basis(), first.source(), first.verified()));
            applied.addAll(exemptions.subList(1, exemptions.size()));
            amount = Money.ZERO;
        } else if (!reductions.isEmpty()) {
            Candidate bestFlat = null;
            for (Candidate c : reductions) {
                if (!c.stacks && (bestFlat == null || c.percent > bestFlat.percent)) {
                    bestFlat = c;
                }
            }
            if (bestFlat != null) {
                Money off = amount.percent(bestFlat.percent);
                applied.add(bestFlat.toAdjustment(off));
                amount = amount.minus(off);
            }
            for (Candidate c : reductions) {
                if (c.stacks) {
                    Money off = amount.percent(c.percent);
                    applied.add(c.toAdjustment(off));
                    amount = amount.minus(off);
                }
            }
        }
        if (applied.isEmpty()) {
            return line;
        }
        // an amount that rests on an unverified exemption or reduction row is itself unverified, so decisions,
        // guides and the catalogue mark it as they mark an unverified rate
        boolean verified = line.verified() && applied.stream().allMatch(FeeAdjustment::verified);
        return new FeeLine(line.item(), line.descriptionVi(), line.descriptionEn(), line.quantity(), amount,
                line.basis(), line.kind(), line.tariffVi(), line.tariffEn(), line.copies(), line.gross(), line.capPerCopy(), applied,
                line.source(), verified);
    }

    private static final class Candidate {
        final int percent;
        final boolean stacks;
        final String reasonVi;
        final String reasonEn;
        final LegalBasis basis;
        final FeeSource source;
        final boolean verified;

        Candidate(int percent, boolean stacks, String reasonVi, String reasonEn, LegalBasis basis, FeeSource source,
                boolean verified) {
            this.percent = percent;
            this.stacks = stacks;
            this.reasonVi = reasonVi;
            this.reasonEn = reasonEn;
            this.basis = basis;
            this.source = source;
            this.verified = verified;
        }

        FeeAdjustment toAdjustment(Money off) {
            return new FeeAdjustment(FeeAdjustment.Kind.REDUCE, percent, off, reasonVi, reasonEn, basis, source, verified);
        }
    }

    private static boolean member(ExemptionCategory c, FeeRequest req) {
        switch (c.match()) {
            case APPLICANT:
                return req.applicantCategories().contains(c.code());
            case RESIDENCE_FLAG:
                return req.unitFlags().contains(c.code());
            default: {
                Optional<LocalDate> d = date(req.form().value(c.dateField()));
                return d.isPresent() && ChronoUnit.DAYS.between(d.get(), req.asOf()) <= c.withinDays();
            }
        }
    }

    private static Optional<LocalDate> date(Optional<Object> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Object v = raw.get();
        if (v instanceof LocalDate ld) {
            return Optional.of(ld);
        }
        if (v instanceof CharSequence s && s.length() >= 10) {
            try {
                return Optional.of(LocalDate.parse(s.subSequence(0, 10)));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Reads a quantity: absent → 1; a whole number 0..MAX_QUANTITY; anything else is a {@link FeeQuantityException}. */
    private long quantity(FeeRow r, String path, FeeRequest req) {
        Optional<Object> raw = req.form().value(path);
        if (raw.isEmpty()) {
            return FeeTables.DEFAULT_QUANTITY;
        }
        Object v = raw.get();
        BigInteger n;
        try {
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                n = BigInteger.valueOf(((Number) v).longValue());
            } else if (v instanceof BigInteger bi) {
                n = bi;
            } else if (v instanceof BigDecimal bd) {
                n = bd.toBigIntegerExact();
            } else if (v instanceof Double || v instanceof Float) {
                double dv = ((Number) v).doubleValue();
                if (Double.isNaN(dv) || Double.isInfinite(dv)) {
                    throw bad(r, path, String.valueOf(v), "not a whole number");
                }
                n = new BigDecimal(dv).toBigIntegerExact();
            } else if (v instanceof CharSequence s && s.toString().strip().matches("-?[0-9]+")) {
                n = new BigInteger(s.toString().strip());
            } else {
                throw bad(r, path, String.valueOf(v), "not a whole number");
            }
        } catch (ArithmeticException e) {
            throw bad(r, path, String.valueOf(v), "not a whole number");
        }
        if (n.signum() < 0) {
            throw bad(r, path, n.toString(), "negative");
        }
        if (n.compareTo(BigInteger.valueOf(FeeTables.MAX_QUANTITY)) > 0) {
            throw bad(r, path, n.toString(), "too large");
        }
        return n.longValueExact();
    }

    private FeeQuantityException bad(FeeRow r, String path, String value, String why) {
        int line = r.source().line();
        return new FeeQuantityException(source, line, r.item(), path, value, why);
    }

    @Override
    public String toString() {
        return "FeeTable[" + source + ", " + rows.size() + " rows]";
    }
}
