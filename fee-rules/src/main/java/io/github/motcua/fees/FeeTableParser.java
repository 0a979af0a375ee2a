package io.github.motcua.fees;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns raw cells into {@link FeeRow}s, collecting every problem with file, row, column and value. */
final class FeeTableParser {

    static final List<String> COLUMNS = List.of("type", "item", "kind", "nameVi", "nameEn", "tariff", "rate",
            "fromUnit", "unitRate", "cap", "unitPath", "copiesPath", "charge", "channel", "categories", "percent",
            "stacks", "validFrom", "validTo", "basis", "verified", "note");
    /** The columns of a light exemption table ({@code fee-exemptions.csv}): one row, one exemption or reduction. */
    static final List<String> EXEMPTION_COLUMNS = List.of("item", "categories", "category", "percent", "stacks",
            "channel", "validFrom", "validTo", "basis", "verified", "note");
    private static final List<String> REQUIRED = List.of("item", "basis");
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    /** No tariff in Vietnam comes near this; a larger cell is a typo (and keeps every product far from overflow). */
    private static final long MAX_RATE = 1_000_000_000_000L;

    private final String file;
    private final Function<String, Optional<LegalBasis>> bases;
    private final ExemptionCatalog catalog;
    /** Whether this is a light exemption table (item, categories, percent, basis…) rather than a fee table. */
    private final boolean exemptionTable;
    private final TableProblems problems;
    private final Map<String, Integer> index = new HashMap<>();
    private RawTable.RawRow current;
    /** The parser of the other file (fees ↔ exemptions) whose rows the cross checks also see, or null. */
    private FeeTableParser other;
    /** Items whose RATE row was refused for a problem of its own (a rate 8.000đ, an unknown basis). */
    private final Set<String> refusedRateItems = new HashSet<>();

    private FeeTableParser(String file, Function<String, Optional<LegalBasis>> bases, ExemptionCatalog catalog,
            boolean exemptionTable) {
        this.file = file;
        this.problems = new TableProblems(file);
        this.bases = bases;
        this.catalog = catalog;
        this.exemptionTable = exemptionTable;
    }

    static FeeTableResult parse(String file, RawTable raw, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        return parse(file, raw, null, null, bases, catalog);
    }

    /**
     * A fee table and, when {@code exemptionsFile} is not null, its light exemption table: the exemption
     * rows join the fee table's rows (after them, in their order) and are checked against its items.
     */
    static FeeTableResult parse(String file, RawTable raw, String exemptionsFile, RawTable exemptionsRaw,
            Function<String, Optional<LegalBasis>> bases, ExemptionCatalog catalog) {
        FeeTableParser p = new FeeTableParser(file, bases, catalog, false);
        p.problems.addAll(raw.problems());
        List<FeeRow> rows = new ArrayList<>(p.rows(raw));
        List<FeeTableProblem> problems = new ArrayList<>(p.problems);
        if (exemptionsFile != null) {
            FeeTableParser e = new FeeTableParser(exemptionsFile, bases, catalog, true);
            p.other = e;
            e.problems.addAll(exemptionsRaw.problems());
            rows.addAll(e.rows(exemptionsRaw));
            problems.addAll(e.problems);
        }
        int before = p.problems.size();
        p.crossChecks(rows);
        problems.addAll(p.problems.subList(before, p.problems.size()));
        // what either file could not keep (TableProblems), counted at the end: the fee file's count, then the other's
        problems = TableProblems.closed(problems, p.problems);
        if (p.other != null) {
            problems = TableProblems.closed(problems, p.other.problems);
        }
        if (!problems.isEmpty()) {
            return new FeeTableResult(null, problems);
        }
        return new FeeTableResult(new DefaultFeeTable(file, rows, p.quantityCells(rows)), List.of());
    }

    /** The quantity cells of this (fee) table's RATE rows, at their columns: an exemption table has no such column. */
    private List<FeeTable.QuantityCell> quantityCells(List<FeeRow> rows) {
        List<FeeTable.QuantityCell> out = new ArrayList<>();
        for (FeeRow r : rows) {
            if (r.type() != FeeRow.Type.RATE || !file.equals(r.source().file())) {
                continue;
            }
            if (r.unitPath() != null) {
                out.add(new FeeTable.QuantityCell(r.unitPath(), "unitPath", index.get("unitPath") + 1, r.item(), r.source()));
            }
            if (r.copiesPath() != null) {
                out.add(new FeeTable.QuantityCell(r.copiesPath(), "copiesPath", index.get("copiesPath") + 1, r.item(),
                        r.source()));
            }
        }
        return out;
    }

    private static boolean skip(RawTable.RawRow r) {
        if (r.cells().stream().allMatch(c -> c.isBlank())) {
            return true;
        }
        return r.cells().get(0).strip().startsWith("#");
    }

    private List<FeeRow> rows(RawTable raw) {
        List<FeeRow> out = new ArrayList<>();
        RawTable.RawRow header = null;
        if (raw.rows().size() > FeeTables.MAX_ROWS) {
            problems.add(FeeMessages.table(file, FeeTables.MAX_ROWS + 1, "", 0, "", "FEES_TOO_MANY_ROWS",
                    "max", FeeTables.MAX_ROWS));
            return out;
        }
        for (RawTable.RawRow r : raw.rows()) {
            if (skip(r)) {
                continue;
            }
            if (header == null) {
                header = r;
                if (!readHeader(r)) {
                    return out;
                }
                continue;
            }
            current = r;
            int want = header.cells().size();
            int have = r.cells().size();
            // a CSV row with a comma too few or too many shifts every later cell into the wrong column:
            // say so once instead of reporting each shifted cell (XLSX rows simply end at their last value)
            if (have > want || (have < want && file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))) {
                problems.add(FeeMessages.table(file, r.line(), "", 0, "", "FEES_ROW_CELLS", "have", have, "want", want));
                continue;
            }
            FeeRow row = row(r);
            if (row != null) {
                out.add(row);
            }
        }
        if (header == null && raw.problems().isEmpty()) { // an unreadable file is said once, not also as empty
            problems.add(FeeMessages.table(file, 0, "", 0, "", exemptionTable ? "FEES_EXEMPTIONS_EMPTY" : "FEES_EMPTY"));
        }
        return out;
    }

    private boolean readHeader(RawTable.RawRow r) {
        List<String> known = exemptionTable ? EXEMPTION_COLUMNS : COLUMNS;
        for (int i = 0; i < r.cells().size(); i++) {
            String h = r.cells().get(i).strip();
            if (h.isEmpty()) {
                continue;
            }
            if (exemptionTable && h.equals("category")) {
                h = "categories";
            }
            if (!known.contains(h) && problems.full()) {
                problems.count(r.line(), i + 1); // a header of a million unknown columns: counted, no message made
            } else if (!known.contains(h)) {
                problems.add(FeeMessages.table(file, r.line(), h, i + 1, h,
                        exemptionTable && COLUMNS.contains(h) ? "FEES_FEE_COLUMN_IN_EXEMPTIONS" : "FEES_UNKNOWN_COLUMN",
                        "known", String.join(", ", known)));
            } else if (index.put(h, i) != null) {
                problems.add(FeeMessages.table(file, r.line(), h, i + 1, h, "FEES_DUPLICATE_COLUMN"));
            }
        }
        for (String req : REQUIRED) {
            if (!index.containsKey(req)) {
                problems.add(FeeMessages.table(file, r.line(), req, 0, "", "FEES_MISSING_COLUMN"));
            }
        }
        return problems.isEmpty();
    }

    private String cell(String col) {
        Integer i = index.get(col);
        if (i == null || i >= current.cells().size()) {
            return "";
        }
        return current.cells().get(i).strip();
    }

    /** The bundle's message {@code key} (also the problem's code) at the current row's cell. */
    private void problem(String col, String value, String key, Object... pairs) {
        Integer i = index.get(col);
        problems.add(FeeMessages.table(file, current.line(), col, i == null ? 0 : i + 1, value, key, pairs));
    }

    private <E extends Enum<E>> E enumCell(String col, Class<E> type, boolean required) {
        String v = cell(col);
        if (v.isEmpty()) {
            if (required) {
                problem(col, v, "FEES_MISSING_VALUE");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            problem(col, v, "FEES_NOT_ONE_OF", "names", names);
            return null;
        }
    }

    /** A whole, non-negative number of đồng (or units); {@code fallback} when blank and not required. */
    private Long number(String col, boolean required, long min, long max) {
        String v = cell(col);
        if (v.isEmpty()) {
            if (required) {
                problem(col, v, "FEES_MISSING_VALUE");
            }
            return null;
        }
        if (!INTEGER.matcher(v).matches()) {
            problem(col, v, "FEES_NOT_WHOLE_NUMBER");
            return null;
        }
        long n = Long.parseLong(v);
        if (n < 0) {
            problem(col, v, "FEES_NEGATIVE");
            return null;
        }
        if (n < min || n > max) {
            problem(col, v, "FEES_OUT_OF_RANGE", "min", min, "max", max);
            return null;
        }
        return n;
    }

    private LocalDate date(String col) {
        String v = cell(col);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(col, v, "FEES_BAD_DATE");
            return null;
        }
    }

    private Boolean bool(String col, boolean dflt) {
        String v = cell(col);
        if (v.isEmpty()) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        problem(col, v, "FEES_NOT_BOOLEAN");
        return null;
    }

    private String path(String col) {
        String v = cell(col);
        if (v.isEmpty()) {
            return null;
        }
        if (!PATH.matcher(v).matches()) {
            problem(col, v, "FEES_BAD_FORM_PATH");
            return null;
        }
        return v;
    }

    private FeeRow row(RawTable.RawRow r) {
        long before = problems.met(); // every problem found, kept or only counted: a row with one is refused
        // a light fee table has no type column: every row is a tariff (RATE); an exemption table's rows are
        // EXEMPT (percent blank or 100) or REDUCE (1–99)
        FeeRow.Type type;
        if (exemptionTable) {
            String pc = cell("percent");
            type = pc.isEmpty() || pc.equals("100") ? FeeRow.Type.EXEMPT : FeeRow.Type.REDUCE;
            if (cell("categories").isEmpty() && cell("channel").isEmpty() && cell("note").isEmpty()) {
                problem("categories", "", "FEES_EXEMPTION_FOR_EVERYONE");
            }
        } else if (index.containsKey("type")) {
            type = enumCell("type", FeeRow.Type.class, true);
        } else {
            type = FeeRow.Type.RATE;
        }
        String item = cell("item");
        if (item.isEmpty()) {
            problem("item", item, "FEES_MISSING_ITEM");
        } else if (!ITEM.matcher(item).matches()) {
            problem("item", item, "FEES_BAD_ITEM");
        }
        String basisId = cell("basis");
        LegalBasis basis = null;
        if (basisId.isEmpty()) {
            problem("basis", basisId, "FEES_MISSING_BASIS");
        } else {
            basis = bases.apply(basisId).orElse(null);
            if (basis == null) {
                problem("basis", basisId, "FEES_UNKNOWN_BASIS");
            }
        }
        LocalDate from = date("validFrom");
        LocalDate to = date("validTo");
        if (from != null && to != null && to.isBefore(from)) {
            problem("validTo", cell("validTo"), "FEES_ENDS_BEFORE_START", "from", from);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String c : split(cell("channel"))) {
            try {
                channels.add(Channel.valueOf(c.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem("channel", c, "FEES_BAD_CHANNEL");
            }
        }
        List<ExemptionCategory> cats = new ArrayList<>();
        for (String c : split(cell("categories"))) {
            Optional<ExemptionCategory> found = catalog.find(c);
            if (found.isEmpty()) {
                java.util.TreeSet<String> known = new java.util.TreeSet<>();
                catalog.categories().forEach(k -> known.add(k.code()));
                if (known.isEmpty()) {
                    problem("categories", c, "FEES_NO_CATEGORIES_DECLARED");
                } else {
                    problem("categories", c, "FEES_UNKNOWN_CATEGORY", "known", String.join(", ", known));
                }
            } else {
                cats.add(found.get());
            }
        }
        Boolean verified = bool("verified", true);
        String note = cell("note");
        if (type == null) {
            return null;
        }
        FeeKind kind = null;
        FeeRow.Tariff tariff = null;
        Long rate = null;
        Long fromUnit = null;
        Long unitRate = null;
        Long cap = null;
        String unitPath = path("unitPath");
        String copiesPath = path("copiesPath");
        boolean onRule = false;
        int percent = 100;
        Boolean stacks = false;
        switch (type) {
            case RATE: {
                kind = enumCell("kind", FeeKind.class, true);
                if (kind == FeeKind.UNSTATED && Boolean.TRUE.equals(verified)) {
                    problem("kind", cell("kind"), "FEES_UNSTATED_VERIFIED");
                }
                if (cell("nameVi").isEmpty()) {
                    problem("nameVi", "", "FEES_MISSING_NAME_VI");
                }
                tariff = cell("tariff").isEmpty() ? FeeRow.Tariff.FLAT : enumCell("tariff", FeeRow.Tariff.class, true);
                rate = number("rate", true, 0, MAX_RATE);
                String charge = cell("charge");
                if (charge.equalsIgnoreCase("ON_RULE")) {
                    onRule = true;
                } else if (!charge.isEmpty() && !charge.equalsIgnoreCase("ALWAYS")) {
                    problem("charge", charge, "FEES_BAD_CHARGE");
                }
                if (!cell("percent").isEmpty()) {
                    problem("percent", cell("percent"), "FEES_RATE_PERCENT");
                }
                if (tariff == FeeRow.Tariff.TIERED || tariff == FeeRow.Tariff.BASE_PLUS_EXTRA) {
                    fromUnit = number("fromUnit", true, 2, FeeTables.MAX_QUANTITY);
                    unitRate = number("unitRate", true, 0, MAX_RATE);
                }
                if (tariff != null && tariff != FeeRow.Tariff.FLAT && unitPath == null && cell("unitPath").isEmpty()) {
                    problem("unitPath", "", "FEES_MISSING_UNIT_PATH");
                }
                if (tariff == FeeRow.Tariff.FLAT && unitPath != null) {
                    problem("unitPath", unitPath, "FEES_FLAT_UNIT_PATH");
                }
                cap = number("cap", false, 0, MAX_RATE);
                if (cap != null && rate != null && cap < rate) {
                    problem("cap", cell("cap"), "FEES_CAP_BELOW_RATE", "rate", rate);
                }
                if (cap != null && unitRate != null && cap < unitRate) {
                    problem("cap", cell("cap"), "FEES_CAP_BELOW_UNIT_RATE", "unitRate", unitRate);
                }
                break;
            }
            case EXEMPT: {
                Long p = exemptionTable ? null : number("percent", false, 100, 100);
                percent = p == null ? 100 : p.intValue();
                break;
            }
            default: {
                Long p = number("percent", true, 1, 100);
                percent = p == null ? 0 : p.intValue();
                stacks = bool("stacks", false);
            }
        }
        if (problems.met() > before) {
            if (type == FeeRow.Type.RATE && !item.isEmpty()) {
                refusedRateItems.add(item); // its own problem is reported: its exemption rows are not "without a rate"
            }
            return null;
        }
        return new FeeRow(type, item, kind, cell("nameVi"), cell("nameEn"), tariff, rate == null ? 0 : rate,
                fromUnit == null ? 0 : fromUnit, unitRate == null ? 0 : unitRate, cap, unitPath, copiesPath, onRule,
                channels, cats, percent, stacks, from, to, basis, verified, note, FeeSource.row(file, r.line()));
    }

    private static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private void crossChecks(List<FeeRow> rows) {
        Map<String, Boolean> onRuleByItem = new HashMap<>();
        Set<String> rateItems = new LinkedHashSet<>();
        for (FeeRow r : rows) {
            if (r.type() != FeeRow.Type.RATE) {
                continue;
            }
            rateItems.add(r.item());
            Boolean prev = onRuleByItem.putIfAbsent(r.item(), r.onRule());
            if (prev != null && prev != r.onRule()) {
                rowProblem(r, "charge", r.onRule() ? "ON_RULE" : "ALWAYS", "FEES_MIXED_CHARGE");
            }
        }
        for (FeeRow r : rows) {
            // an item whose RATE row was refused is that row's problem, not also one per exemption row saying it has no rate
            if (r.type() != FeeRow.Type.RATE && !rateItems.contains(r.item()) && !refusedRateItems.contains(r.item())) {
                if (rateItems.isEmpty()) {
                    rowProblem(r, "item", r.item(), "FEES_ITEM_WITHOUT_RATE", "file", file);
                } else {
                    rowProblem(r, "item", r.item(), "FEES_ITEM_NOT_IN_RATES", "file", file, "items", String.join(", ", rateItems));
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            FeeRow a = rows.get(i);
            if (a.type() != FeeRow.Type.RATE) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                FeeRow b = rows.get(j);
                if (b.type() == FeeRow.Type.RATE && b.item().equals(a.item()) && codes(a).equals(codes(b))
                        && channelsOverlap(a, b) && windowsOverlap(a, b)) {
                    rowProblem(a, "validFrom", a.window(), "FEES_WINDOWS_OVERLAP", "row", b.source(), "window", b.window());
                }
            }
        }
    }

    private static Set<String> codes(FeeRow r) {
        Set<String> s = new TreeSet<>();
        r.categories().forEach(c -> s.add(c.code()));
        return s;
    }

    private static boolean channelsOverlap(FeeRow a, FeeRow b) {
        if (a.channels().isEmpty() || b.channels().isEmpty()) {
            return a.channels().isEmpty() && b.channels().isEmpty();
        }
        Set<Channel> s = new HashSet<>(a.channels());
        s.retainAll(b.channels());
        return !s.isEmpty();
    }

    private static boolean windowsOverlap(FeeRow a, FeeRow b) {
        LocalDate aFrom = a.validFrom() == null ? LocalDate.MIN : a.validFrom();
        LocalDate aTo = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate bFrom = b.validFrom() == null ? LocalDate.MIN : b.validFrom();
        LocalDate bTo = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
    }

    /** A problem of a row found by the cross checks, at the row's own file (fee or exemption table) and column. */
    private void rowProblem(FeeRow r, String col, String value, String key, Object... pairs) {
        int line = r.source().line();
        FeeTableParser owner = other != null && other.file.equals(r.source().file()) ? other : this;
        Integer i = owner.index.get(col);
        problems.add(FeeMessages.table(owner.file, line, col, i == null ? 0 : i + 1, value, key, pairs));
    }
}
