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
    private final List<FeeTableProblem> problems = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private RawTable.RawRow current;
    /** The parser of the other file (fees ↔ exemptions) whose rows the cross checks also see, or null. */
    private FeeTableParser other;

    private FeeTableParser(String file, Function<String, Optional<LegalBasis>> bases, ExemptionCatalog catalog,
            boolean exemptionTable) {
        this.file = file;
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
        if (!problems.isEmpty()) {
            return new FeeTableResult(null, problems);
        }
        return new FeeTableResult(new DefaultFeeTable(file, rows), List.of());
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
            problems.add(new FeeTableProblem(file, FeeTables.MAX_ROWS + 1, "", 0, "",
                    "Bảng quá nhiều dòng (tối đa " + FeeTables.MAX_ROWS + ")",
                    "The fee table has too many rows (at most " + FeeTables.MAX_ROWS + ")"));
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
                problems.add(new FeeTableProblem(file, r.line(), "", 0, "",
                        String.format(java.util.Locale.ROOT, "Dòng này có %d ô, dòng tiêu đề có %d: thiếu hoặc thừa dấu phẩy "
                                + "(ô có dấu phẩy phải đặt trong ngoặc kép); sửa cho đủ %d ô", have, want, want),
                        String.format(java.util.Locale.ROOT, "this row has %d cells, the header has %d: a comma is missing or extra "
                                + "(a cell with a comma must be in double quotes); make it %d cells", have, want, want)));
                continue;
            }
            FeeRow row = row(r);
            if (row != null) {
                out.add(row);
            }
        }
        if (header == null) {
            problems.add(new FeeTableProblem(file, 0, "", 0, "", exemptionTable
                    ? "Bảng miễn, giảm trống (không có dòng tiêu đề); dòng đầu phải là: item,categories,percent,basis,note"
                    : "Bảng phí trống (không có dòng tiêu đề)",
                    exemptionTable ? "The exemption table is empty (no header row); the first row must be: item,categories,percent,basis,note"
                    : "The fee table is empty (no header row)"));
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
            if (!known.contains(h)) {
                String hint = exemptionTable && COLUMNS.contains(h)
                        ? " (cột của biểu phí fees.csv; bảng miễn, giảm chỉ có / a fees.csv column; an exemption table has only: "
                        : " (các cột / known columns: ";
                problems.add(new FeeTableProblem(file, r.line(), h, i + 1, h, "Cột không xác định" + hint
                        + String.join(", ", known) + ")", "Unknown column; known columns: " + String.join(", ", known)));
            } else if (index.put(h, i) != null) {
                problems.add(new FeeTableProblem(file, r.line(), h, i + 1, h, "Cột bị lặp", "Duplicate column"));
            }
        }
        for (String req : REQUIRED) {
            if (!index.containsKey(req)) {
                problems.add(new FeeTableProblem(file, r.line(), req, 0, "", "Thiếu cột bắt buộc",
                        "Missing required column"));
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

    private void problem(String col, String value, String vi, String en) {
        Integer i = index.get(col);
        problems.add(new FeeTableProblem(file, current.line(), col, i == null ? 0 : i + 1, value, vi, en));
    }

    private <E extends Enum<E>> E enumCell(String col, Class<E> type, boolean required) {
        String v = cell(col);
        if (v.isEmpty()) {
            if (required) {
                problem(col, v, "Thiếu giá trị bắt buộc", "Missing required value");
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
            problem(col, v, "Giá trị không hợp lệ; chọn một trong " + names, "Invalid value; one of " + names);
            return null;
        }
    }

    /** A whole, non-negative number of đồng (or units); {@code fallback} when blank and not required. */
    private Long number(String col, boolean required, long min, long max) {
        String v = cell(col);
        if (v.isEmpty()) {
            if (required) {
                problem(col, v, "Thiếu giá trị bắt buộc", "Missing required value");
            }
            return null;
        }
        if (!INTEGER.matcher(v).matches()) {
            problem(col, v, "Không phải số nguyên (chỉ ghi chữ số, không dấu phân cách hàng nghìn)",
                    "Not a whole number (digits only, no thousands separators)");
            return null;
        }
        long n = Long.parseLong(v);
        if (n < 0) {
            problem(col, v, "Không được là số âm", "Must not be negative");
            return null;
        }
        if (n < min || n > max) {
            problem(col, v, String.format(Locale.ROOT, "Phải trong khoảng %d–%d", min, max),
                    String.format(Locale.ROOT, "Must be between %d and %d", min, max));
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
            problem(col, v, "Ngày không hợp lệ (định dạng yyyy-MM-dd)", "Invalid date (format yyyy-MM-dd)");
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
        problem(col, v, "Phải là true hoặc false", "Must be true or false");
        return null;
    }

    private String path(String col) {
        String v = cell(col);
        if (v.isEmpty()) {
            return null;
        }
        if (!PATH.matcher(v).matches()) {
            problem(col, v, "Đường dẫn trường tờ khai không hợp lệ (vd. soTrang, treEm.ngaySinh)",
                    "Invalid form path (e.g. soTrang, treEm.ngaySinh)");
            return null;
        }
        return v;
    }

    private FeeRow row(RawTable.RawRow r) {
        int before = problems.size();
        // a light fee table has no type column: every row is a tariff (RATE); an exemption table's rows are
        // EXEMPT (percent blank or 100) or REDUCE (1–99)
        FeeRow.Type type;
        if (exemptionTable) {
            String pc = cell("percent");
            type = pc.isEmpty() || pc.equals("100") ? FeeRow.Type.EXEMPT : FeeRow.Type.REDUCE;
            if (cell("categories").isEmpty() && cell("channel").isEmpty() && cell("note").isEmpty()) {
                problem("categories", "", "Dòng miễn, giảm không nêu đối tượng (categories) áp dụng cho mọi hồ sơ: "
                                + "ghi mã đối tượng trong exemptions.yaml, hoặc ghi lý do trong cột note",
                        "An exemption row without categories applies to every dossier: name a category of exemptions.yaml, "
                                + "or write the reason in the note column");
            }
        } else if (index.containsKey("type")) {
            type = enumCell("type", FeeRow.Type.class, true);
        } else {
            type = FeeRow.Type.RATE;
        }
        String item = cell("item");
        if (item.isEmpty()) {
            problem("item", item, "Thiếu mã khoản phí", "Missing the fee item");
        } else if (!ITEM.matcher(item).matches()) {
            problem("item", item, "Mã khoản phí chỉ gồm chữ, số, '.', '-', '_'",
                    "A fee item is letters, digits, '.', '-', '_'");
        }
        String basisId = cell("basis");
        LegalBasis basis = null;
        if (basisId.isEmpty()) {
            problem("basis", basisId, "Thiếu căn cứ pháp lý", "Missing the legal basis");
        } else {
            basis = bases.apply(basisId).orElse(null);
            if (basis == null) {
                problem("basis", basisId, "Căn cứ pháp lý không có trong legal-bases/*.yaml",
                        "Unknown legal basis id (not in legal-bases/*.yaml)");
            }
        }
        LocalDate from = date("validFrom");
        LocalDate to = date("validTo");
        if (from != null && to != null && to.isBefore(from)) {
            problem("validTo", cell("validTo"), "Ngày kết thúc trước ngày bắt đầu " + from,
                    "Ends before it starts on " + from);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String c : split(cell("channel"))) {
            try {
                channels.add(Channel.valueOf(c.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem("channel", c, "Kênh nộp không hợp lệ (DESK, ONLINE, POST)", "Invalid channel (DESK, ONLINE, POST)");
            }
        }
        List<ExemptionCategory> cats = new ArrayList<>();
        for (String c : split(cell("categories"))) {
            Optional<ExemptionCategory> found = catalog.find(c);
            if (found.isEmpty()) {
                problem("categories", c, "Đối tượng miễn, giảm không có trong exemptions.yaml",
                        "Unknown exemption category (not in exemptions.yaml)");
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
                    problem("kind", cell("kind"), "Chưa rõ là phí hay lệ phí thì dòng không thể là đã xác minh: "
                                    + "ghi PHI hoặc LE_PHI, hoặc verified=false",
                            "A line whose kind is not stated cannot be verified: write PHI or LE_PHI, or verified=false");
                }
                if (cell("nameVi").isEmpty()) {
                    problem("nameVi", "", "Thiếu tên khoản phí tiếng Việt", "Missing the Vietnamese name of the fee");
                }
                tariff = cell("tariff").isEmpty() ? FeeRow.Tariff.FLAT : enumCell("tariff", FeeRow.Tariff.class, true);
                rate = number("rate", true, 0, MAX_RATE);
                String charge = cell("charge");
                if (charge.equalsIgnoreCase("ON_RULE")) {
                    onRule = true;
                } else if (!charge.isEmpty() && !charge.equalsIgnoreCase("ALWAYS")) {
                    problem("charge", charge, "Phải là ALWAYS hoặc ON_RULE", "Must be ALWAYS or ON_RULE");
                }
                if (!cell("percent").isEmpty()) {
                    problem("percent", cell("percent"), "Dòng RATE không dùng cột percent",
                            "A RATE row does not use the percent column");
                }
                if (tariff == FeeRow.Tariff.TIERED || tariff == FeeRow.Tariff.BASE_PLUS_EXTRA) {
                    fromUnit = number("fromUnit", true, 2, FeeTables.MAX_QUANTITY);
                    unitRate = number("unitRate", true, 0, MAX_RATE);
                }
                if (tariff != null && tariff != FeeRow.Tariff.FLAT && unitPath == null && cell("unitPath").isEmpty()) {
                    problem("unitPath", "", "Biểu phí theo đơn vị cần đường dẫn trường số lượng (unitPath)",
                            "A per-unit tariff needs the form path of its quantity (unitPath)");
                }
                if (tariff == FeeRow.Tariff.FLAT && unitPath != null) {
                    problem("unitPath", unitPath, "Biểu phí FLAT không đọc unitPath (dùng copiesPath cho số bản)",
                            "A FLAT tariff reads no unitPath (use copiesPath for the number of copies)");
                }
                cap = number("cap", false, 0, MAX_RATE);
                if (cap != null && rate != null && cap < rate) {
                    problem("cap", cell("cap"), "Mức tối đa thấp hơn mức thu " + rate,
                            "The cap is below the rate " + rate);
                }
                if (cap != null && unitRate != null && cap < unitRate) {
                    problem("cap", cell("cap"), "Mức tối đa thấp hơn mức thu theo đơn vị " + unitRate,
                            "The cap is below the unit rate " + unitRate);
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
        if (problems.size() > before) {
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
                rowProblem(r, "charge", r.onRule() ? "ON_RULE" : "ALWAYS",
                        "Các dòng RATE của cùng khoản phí phải cùng cột charge",
                        "All RATE rows of one item must have the same charge");
            }
        }
        for (FeeRow r : rows) {
            if (r.type() != FeeRow.Type.RATE && !rateItems.contains(r.item())) {
                rowProblem(r, "item", r.item(), "Khoản phí chưa có dòng mức thu (RATE) nào trong " + file
                                + (rateItems.isEmpty() ? "" : "; các khoản có: " + String.join(", ", rateItems)),
                        "No rate (RATE) row of " + file + " has this item"
                                + (rateItems.isEmpty() ? "" : "; its items: " + String.join(", ", rateItems)));
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
                    rowProblem(a, "validFrom", a.window(),
                            "Khoảng hiệu lực chồng lấn với dòng " + b.source() + " (" + b.window()
                                    + ") cho cùng khoản phí và kênh nộp",
                            "Validity window overlaps row " + b.source() + " (" + b.window()
                                    + ") for the same item and channel");
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
    private void rowProblem(FeeRow r, String col, String value, String vi, String en) {
        int line = r.source().line();
        FeeTableParser owner = other != null && other.file.equals(r.source().file()) ? other : this;
        Integer i = owner.index.get(col);
        problems.add(new FeeTableProblem(owner.file, line, col, i == null ? 0 : i + 1, value, vi, en));
    }
}
