package io.github.motcua.examples.catalog;

import io.github.motcua.calendar.InternalStep;
import io.github.motcua.catalogue.imports.NationalLayer;
import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.TemplateRenderer;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.NoPackLoadedException;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.RuleSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The front door of catalogue publication (công bố danh mục thủ tục hành chính) and dossier guides
 * (hướng dẫn chuẩn bị hồ sơ, Nghị định 118/2025/NĐ-CP Art. 16): builds a {@link Catalogue} or a
 * {@link ProcedureGuide} from a loaded {@link Engine}, and writes them as HTML (escaped,
 * print-friendly), CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the diacritics),
 * JSON (stable shape) or plain text.
 *
 * <p>Stateless and thread-safe; the HTML templates are compiled once, in forms-core's locked-down
 * template sandbox.
 */
public final class Catalogues {
    /** The byte-order mark written first in CSV output, so that Excel opens it as UTF-8. */
    public static final String BOM = "\uFEFF";
    static final String TEMPLATE_ROOT = "io/github/motcua/examples/catalog";

    private Catalogues() {
    }

    private static final class Templates {
        static final TemplateRenderer RENDERER = Forms.templates(Catalogues.class.getClassLoader(), TEMPLATE_ROOT,
                "catalog.ftlh", "guide.ftlh");
    }

    /**
     * The catalogue of the engine's serving pack as of a date, with the fee tables the engine serves
     * ({@link Engine#feeTable(String)}).
     *
     * @throws NoPackLoadedException when the engine serves no pack
     */
    public static Catalogue catalogue(Engine engine, LocalDate asOf) {
        return catalogue(engine, engine::feeTable, asOf);
    }

    /**
     * The dossier guide of one procedure as of a date, with the engine's fee table for it.
     *
     * @throws NoPackLoadedException    when the engine serves no pack
     * @throws NoSuchProcedureException when the pack has no such procedure
     */
    public static ProcedureGuide guide(Engine engine, String code, LocalDate asOf) {
        return guide(engine, engine::feeTable, code, asOf);
    }

    /**
     * The catalogue of the engine's serving pack as of a date, with fee tables from elsewhere.
     *
     * @param engine    a loaded engine
     * @param feeTables the fee table of a procedure code, if the engine serves one
     * @param asOf      the date whose rates apply
     * @throws NoPackLoadedException when the engine serves no pack
     */
    public static Catalogue catalogue(Engine engine, Function<String, Optional<FeeTable>> feeTables, LocalDate asOf) {
        return catalogue(engine, feeTables, code -> Optional.empty(), asOf);
    }

    /**
     * The catalogue with each procedure's imported national layer ({@link NationalLayer#readAll}): the
     * entries then carry the national online level and boundary-free flag beside the pack's, and the
     * deadline and fees per channel as the record states them (or unknown).
     *
     * @param national the national layer of a procedure code, if the pack has one
     * @throws NoPackLoadedException when the engine serves no pack
     */
    public static Catalogue catalogue(Engine engine, Function<String, Optional<FeeTable>> feeTables,
            Function<String, Optional<NationalLayer>> national, LocalDate asOf) {
        Objects.requireNonNull(national, "national");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(feeTables, "feeTables");
        Objects.requireNonNull(asOf, "asOf");
        PackInfo pack = engine.pack().orElseThrow(NoPackLoadedException::new);
        List<CatalogueEntry> full = new ArrayList<>();
        List<CatalogueEntry> free = new ArrayList<>();
        for (Procedure p : engine.catalog()) {
            if (p.onlineLevel() != Procedure.OnlineLevel.FULL && !p.boundaryFree()) {
                continue;
            }
            Optional<FeeTable> table = feeTables.apply(p.code());
            List<FeeText> fees = table.map(t -> FeeTexts.of(t, p.code(), asOf)).orElse(List.of());
            // the base deadline in force on the catalogue's date (deadline.values), not the latest one
            Procedure.BaseDeadline inForce = p.deadlineOn(asOf).orElse(null);
            CatalogueEntry e = new CatalogueEntry(p.code(), p.name(), p.field(), p.level(), p.agency(), p.onlineLevel(),
                    p.boundaryFree(), inForce == null ? null : inForce.limit(), fees, table.isPresent(),
                    p.channels(), national.apply(p.code()).orElse(null), p.source(), p.commitment());
            if (p.onlineLevel() == Procedure.OnlineLevel.FULL) {
                full.add(e);
            }
            if (p.boundaryFree()) {
                free.add(e);
            }
        }
        return new Catalogue(pack.id(), pack.version(), pack.name() == null ? pack.id() : pack.name().vi(),
                pack.name() == null ? pack.id() : pack.name().enOrVi(), pack.sha256(), asOf, full, free);
    }

    /**
     * The dossier guide of one procedure as of a date.
     *
     * @throws NoPackLoadedException    when the engine serves no pack
     * @throws NoSuchProcedureException when the pack has no such procedure
     */
    public static ProcedureGuide guide(Engine engine, Function<String, Optional<FeeTable>> feeTables, String code,
            LocalDate asOf) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(feeTables, "feeTables");
        Objects.requireNonNull(asOf, "asOf");
        PackInfo pack = engine.pack().orElseThrow(NoPackLoadedException::new);
        Procedure p = engine.catalog().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchProcedureException(code, pack.id()));
        Optional<FeeTable> table = feeTables.apply(code);
        // an appointment made in asOf's year may fall in the next one: name both when they are computed
        List<Integer> computed = engine.deadlineEngine()
                .map(d -> d.calendar().computedYears(asOf.getYear(), asOf.getYear() + 1)).orElse(List.of());
        return new ProcedureGuide(p, table.map(t -> FeeTexts.of(t, code, asOf)).orElse(List.of()), table.isPresent(),
                asOf, pack.id(), pack.version(), table.map(t -> FeeTexts.reliefs(t, code, asOf)).orElse(List.of()),
                computed, engine.rules(p.code()));
    }

    // ---------------------------------------------------------------- catalogue writers

    /**
     * The catalogue as CSV (RFC 4180: comma, double quotes where needed, CRLF line ends; a cell that a
     * spreadsheet would read as a formula is neutralised, see {@link #cell}), starting
     * with a UTF-8 byte-order mark ({@link #BOM}) so that Excel shows the diacritics; encode the
     * result as UTF-8. One row per procedure and list; a procedure in both lists has two rows.
     */
    public static String csv(Catalogue c, Locale locale) {
        boolean en = Labels.en(locale);
        StringBuilder sb = new StringBuilder(BOM);
        row(sb, List.of(t(en, "CAT_COL_LIST"), t(en, "CAT_COL_CODE"), t(en, "CAT_COL_NAME"), t(en, "CAT_COL_FIELD"),
                t(en, "CAT_COL_LEVEL"), t(en, "CAT_COL_AGENCY"), t(en, "CAT_COL_ONLINE_LEVEL"), t(en, "CAT_COL_DEADLINE"),
                t(en, "CAT_COL_FEES_DESK"), t(en, "CAT_COL_FEES_ONLINE"), t(en, "CAT_COL_FEE_BASES")));
        for (CatalogueEntry e : c.fullyOnline()) {
            row(sb, csvRow(listName(true, en), e, en));
        }
        for (CatalogueEntry e : c.boundaryFree()) {
            row(sb, csvRow(listName(false, en), e, en));
        }
        return sb.toString();
    }

    private static List<String> csvRow(String list, CatalogueEntry e, boolean en) {
        return List.of(list, e.code(), Labels.text(e.name(), en) + unreviewed(e, en), Labels.text(e.field(), en), Labels.level(e.level(), en),
                Labels.text(e.agency(), en), Labels.onlineLevel(e.onlineLevel(), en), e.deadlineLabel(en), e.feesText(en),
                e.onlineFeesText(en), e.feeBasesText(en));
    }

    /** The mark of an imported procedure nobody has reviewed yet, or "". */
    static String unreviewed(CatalogueEntry e, boolean en) {
        if (!e.importedUnreviewed()) {
            return "";
        }
        String which = unreviewedValues(e.source(), en);
        return " [" + t(en, "CAT_UNREVIEWED") + (which.isEmpty() ? "" : ": " + which) + "]";
    }

    /** The imported values not reviewed yet, in words ("thời hạn (nộp trực tuyến), phí, lệ phí (nộp trực tiếp)"), or "". */
    static String unreviewedValues(Procedure.Source s, boolean en) {
        return s == null ? "" : String.join(", ", s.unreviewed().stream().map(v -> v.label(en)).toList());
    }

    private static String listName(boolean fullyOnline, boolean en) {
        return t(en, fullyOnline ? "CAT_ONLINE_FULL" : "CAT_LIST_BOUNDARY_FREE");
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(fields.get(i)));
        }
        sb.append("\r\n");
    }

    /**
     * One CSV cell, quoted where RFC 4180 needs it, and neutralised per OWASP's CSV-injection
     * guidance: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
     * return (or the full-width {@code ＝ ＋ － ＠}, which spreadsheets also read as formulas) gets a
     * leading {@code '} and is quoted, so Excel shows the text instead of running a formula.
     */
    static String cell(String value) {
        String f = value == null ? "" : value;
        boolean formula = !f.isEmpty() && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(f.charAt(0)) >= 0;
        if (formula) {
            f = "'" + f;
        }
        if (formula || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
            return '"' + f.replace("\"", "\"\"") + '"';
        }
        return f;
    }

    /**
     * The catalogue as JSON in a stable, language-neutral shape (every text in {@code vi} and
     * {@code en}); see docs/catalog.md.
     */
    public static String json(Catalogue c) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("id", c.packId());
        pack.put("version", c.packVersion());
        pack.put("name", lt(c.packName(), c.packNameEn()));
        pack.put("sha256", c.packSha256());
        root.put("pack", pack);
        root.put("asOf", c.asOf().toString());
        root.put("fullyOnline", c.fullyOnline().stream().map(Catalogues::jsonEntry).toList());
        root.put("boundaryFree", c.boundaryFree().stream().map(Catalogues::jsonEntry).toList());
        return Json.write(root);
    }

    private static Map<String, Object> jsonEntry(CatalogueEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("name", lt(e.name().vi(), e.name().enOrVi()));
        m.put("field", e.field() == null ? null : lt(e.field().vi(), e.field().enOrVi()));
        m.put("level", e.level() == null ? null : e.level().name());
        m.put("agency", e.agency() == null ? null : lt(e.agency().vi(), e.agency().enOrVi()));
        // onlineLevel is the national record's (FULL exactly when isFullProcess) where the pack has the record;
        // the pack's own value goes beside it when it differs (a provincial decision)
        String online = e.nationalOrPackOnlineLevel();
        m.put("onlineLevel", online);
        String packOnline = e.onlineLevel() == null ? null : e.onlineLevel().name();
        m.put("onlineLevelProvince", e.national() != null && packOnline != null && !packOnline.equals(online) ? packOnline : null);
        // boundaryFree is the pack's (the province's rule where it sets one, else the national flag); both shown
        m.put("boundaryFree", e.boundaryFree());
        m.put("boundaryFreeProvince", e.boundaryFree());
        m.put("boundaryFreeNational", e.national() == null ? null : e.national().nonTerritorial());
        if (e.deadline() == null) {
            m.put("deadline", null);
        } else {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("amount", e.deadline().amount());
            d.put("unit", e.deadline().unit().name());
            d.put("label", lt(e.deadlineLabel(false), e.deadlineLabel(true)));
            m.put("deadline", d);
        }
        if (e.commitment() == null) {
            m.put("commitment", null);
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("amount", e.commitment().amount());
            c.put("unit", e.commitment().unit().name());
            c.put("cutPercent", e.deadline() == null ? null : e.commitment().cutPercent(e.deadline()));
            c.put("basis", e.commitment().basis() == null ? null : e.commitment().basis().citationVi());
            c.put("note", e.commitment().note());
            m.put("commitment", c);
        }
        m.put("feesKnown", e.feesKnown());
        m.put("fees", e.fees().stream().map(Catalogues::jsonFee).toList());
        List<Map<String, Object>> deadlines = new ArrayList<>();
        List<Map<String, Object>> nationalDeadlines = new ArrayList<>();
        List<Map<String, Object>> channelFees = new ArrayList<>();
        if (e.national() != null) {
            for (NationalLayer.Deadline d : e.national().deadlines()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("channel", d.channel());
                x.put("amount", d.known() ? new java.math.BigDecimal(d.amount()) : null);
                x.put("unit", d.known() ? d.unit() : "UNKNOWN");
                x.put("converted", d.converted());
                nationalDeadlines.add(x);
            }
            for (NationalLayer.Fee f : e.national().fees()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("channel", f.channel());
                x.put("type", f.type());
                x.put("amount", f.amount());
                x.put("unknown", !f.known());
                x.put("value", f.rawValue());
                x.put("why", f.why());
                channelFees.add(x);
            }
        }
        if (e.national() != null && e.source() != null) {
            deadlines.addAll(nationalDeadlines);
        } else {
            // a hand-written procedure: the pack's deadline for each of its channels
            for (Channel ch : e.channels()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("channel", ch.name());
                x.put("amount", e.deadline() == null ? null : e.deadline().amount());
                x.put("unit", e.deadline() == null ? "UNKNOWN" : e.deadline().unit().name());
                x.put("converted", null);
                deadlines.add(x);
            }
        }
        m.put("deadlines", deadlines);
        m.put("deadlinesNational", e.national() == null ? null : nationalDeadlines);
        m.put("feesByChannel", e.national() == null ? null : channelFees);
        if (e.source() == null) {
            m.put("imported", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("recordId", e.source().recordId());
            s.put("code", e.source().code());
            s.put("updatedAt", e.source().updatedAt());
            s.put("decision", e.source().decision());
            s.put("verified", e.source().verified());
            // per value: where it was read and whether it is reviewed (issue 13 item 3)
            List<Map<String, Object>> values = new ArrayList<>();
            for (Procedure.ValueMark v : e.source().values()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("value", v.value());
                x.put("from", v.from());
                x.put("verified", v.verified());
                x.put("note", v.note());
                values.add(x);
            }
            s.put("values", values);
            s.put("unreviewed", e.source().unreviewed().stream().map(Procedure.ValueMark::value).toList());
            m.put("imported", s);
        }
        return m;
    }

    private static Map<String, Object> jsonFee(FeeText f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", f.item());
        m.put("kind", lt(f.kindVi(), f.kindEn()));
        m.put("name", lt(f.nameVi(), f.nameEn().isEmpty() ? f.nameVi() : f.nameEn()));
        m.put("desk", f.deskVi());
        m.put("online", f.onlineVi());
        // the English words beside them (issue 15): null when the fee table gives none, never the Vietnamese again
        m.put("deskEn", f.deskEn().isEmpty() ? null : f.deskEn());
        m.put("onlineEn", f.onlineVi() == null || f.onlineEn() == null || f.onlineEn().isEmpty() ? null : f.onlineEn());
        m.put("basis", lt(f.basisVi(), f.basisEn()));
        m.put("verified", f.verified());
        return m;
    }

    private static Map<String, Object> lt(String vi, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vi", vi);
        m.put("en", en);
        return m;
    }

    /** The catalogue as a complete, print-friendly HTML page (A4), every value escaped. */
    public static String html(Catalogue c, Locale locale) {
        boolean en = Labels.en(locale);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", en ? "en" : "vi");
        model.put("en", en);
        model.put("msg", CatalogMessages.all(en));
        model.put("packName", en ? c.packNameEn() : c.packName());
        model.put("packId", c.packId());
        model.put("packVersion", c.packVersion());
        model.put("asOf", date(c.asOf(), en));
        List<Map<String, Object>> lists = new ArrayList<>();
        lists.add(htmlList(listName(true, en), c.fullyOnline(), en));
        lists.add(htmlList(listName(false, en), c.boundaryFree(), en));
        model.put("lists", lists);
        return Templates.RENDERER.render("catalog.ftlh", model);
    }

    private static Map<String, Object> htmlList(String title, List<CatalogueEntry> entries, boolean en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (CatalogueEntry e : entries) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("no", ++n);
            r.put("code", e.code());
            r.put("name", Labels.text(e.name(), en) + unreviewed(e, en));
            r.put("field", Labels.text(e.field(), en));
            r.put("level", Labels.level(e.level(), en));
            r.put("agency", Labels.text(e.agency(), en));
            r.put("deadline", e.deadlineLabel(en));
            r.put("feesKnown", e.feesKnown());
            r.put("fees", feeViews(e.fees(), en));
            r.put("feesText", e.feesText(en));
            r.put("onlineText", e.onlineFeesText(en));
            rows.add(r);
        }
        m.put("rows", rows);
        return m;
    }

    private static List<Map<String, Object>> feeViews(List<FeeText> fees, boolean en) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FeeText f : fees) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", f.label(en));
            m.put("desk", f.desk(en));
            m.put("online", f.onlineVi() == null ? "" : f.online(en));
            m.put("basis", en ? f.basisEn() : f.basisVi());
            m.put("verified", f.verified());
            out.add(m);
        }
        return out;
    }

    /** A date as the catalogue writes it in each language (the bundle's java.time pattern). */
    private static final java.time.format.DateTimeFormatter DATE_VI =
            java.time.format.DateTimeFormatter.ofPattern(CatalogMessages.text(false, "CAT_DATE_PATTERN"), Locale.ROOT);
    private static final java.time.format.DateTimeFormatter DATE_EN =
            java.time.format.DateTimeFormatter.ofPattern(CatalogMessages.text(true, "CAT_DATE_PATTERN"), Locale.ROOT);

    private static String date(LocalDate d, boolean en) {
        return (en ? DATE_EN : DATE_VI).format(d);
    }

    // ---------------------------------------------------------------- guide writers

    /** The guide as plain text (UTF-8, {@code \n} line ends), in the order of NĐ 118/2025 Art. 16. */
    public static String guideText(ProcedureGuide g, Locale locale) {
        boolean en = Labels.en(locale);
        Map<String, Object> m = guideModel(g, en);
        StringBuilder sb = new StringBuilder();
        sb.append(m.get("heading")).append('\n');
        sb.append(m.get("name")).append(" (").append(t(en, "CAT_G_CODE", "code", g.procedure().code())).append(")\n");
        if (!m.get("field").toString().isEmpty()) {
            sb.append(t(en, "CAT_G_FIELD", "field", m.get("field"))).append('\n');
        }
        if (!m.get("importedText").toString().isEmpty()) {
            sb.append("[!] ").append(m.get("importedText")).append('\n');
        }
        sb.append('\n').append(t(en, "CAT_G_PAPERS")).append('\n');
        for (Object o : (List<?>) m.get("components")) {
            Map<?, ?> c = (Map<?, ?>) o;
            sb.append("   ").append(c.get("no")).append(") ").append(c.get("name")).append(" — ").append(c.get("form"))
                    .append(", ").append(c.get("quantityText")).append("; ").append(c.get("presence"));
            if (!c.get("waiver").toString().isEmpty()) {
                sb.append("; ").append(c.get("waiver"));
            }
            if (!c.get("basis").toString().isEmpty()) {
                sb.append(" (").append(t(en, "CAT_BASIS", "basis", c.get("basis"))).append(')');
            }
            sb.append('\n');
        }
        if (!((List<?>) m.get("conditions")).isEmpty()) {
            sb.append("   ").append(m.get("conditionsHead")).append('\n');
            for (Object o : (List<?>) m.get("conditions")) {
                sb.append("   - ").append(o).append('\n');
            }
        }
        sb.append('\n').append(t(en, "CAT_G_AUTHORITY")).append('\n');
        sb.append("   ").append(m.get("agency")).append(" (").append(m.get("level")).append(")\n");
        sb.append("   ").append(t(en, "CAT_G_HOW", "channels", m.get("channels"))).append('\n');
        sb.append("   ").append(t(en, "CAT_G_ONLINE_LEVEL", "level", m.get("onlineLevel"))).append('\n');
        sb.append("   ").append(m.get("boundaryText")).append('\n');
        sb.append('\n').append(t(en, "CAT_G_PROCESS")).append('\n');
        sb.append("   ").append(t(en, "CAT_G_DEADLINE", "deadline", m.get("deadline")));
        if (!m.get("deadlineBasis").toString().isEmpty()) {
            sb.append(" (").append(t(en, "CAT_BASIS", "basis", m.get("deadlineBasis"))).append(')');
        }
        sb.append('\n');
        if (!m.get("cutOffText").toString().isEmpty()) {
            sb.append("   ").append(m.get("cutOffText")).append('\n');
        }
        if (!m.get("computedNote").toString().isEmpty()) {
            sb.append("   ").append(m.get("computedNote")).append('\n');
        }
        if (!((List<?>) m.get("extensions")).isEmpty()) {
            sb.append("   ").append(m.get("extensionsHead")).append('\n');
            for (Object o : (List<?>) m.get("extensions")) {
                sb.append("   - ").append(o).append('\n');
            }
        }
        for (Object o : (List<?>) m.get("steps")) {
            Map<?, ?> s = (Map<?, ?>) o;
            sb.append("   ").append(t(en, "CAT_PIC_STEP", "n", s.get("no"), "name", s.get("name")))
                    .append(" — ").append(s.get("role")).append(" — ").append(s.get("budget")).append('\n');
        }
        sb.append("   ").append(t(en, "CAT_G_RESULT", "result", m.get("result"))).append('\n');
        sb.append('\n').append(t(en, "CAT_G_FEES")).append('\n');
        if (!(Boolean) m.get("feesKnown")) {
            sb.append("   ").append(t(en, "CAT_NO_FEE_TABLE")).append('\n');
        } else if (g.fees().isEmpty()) {
            sb.append("   ").append(t(en, "CAT_NO_FEE")).append('\n');
        }
        for (FeeText f : g.fees()) {
            sb.append("   - ").append(f.summary(en)).append('\n');
        }
        if (!((List<?>) m.get("reliefs")).isEmpty()) {
            sb.append("   ").append(t(en, "CAT_G_RELIEFS")).append('\n');
            for (Object r : (List<?>) m.get("reliefs")) {
                sb.append("   - ").append(r).append('\n');
            }
        }
        sb.append('\n').append(t(en, "CAT_G_LEGAL_BASES")).append('\n');
        for (Object b : (List<?>) m.get("legalBases")) {
            sb.append("   - ").append(b).append('\n');
        }
        sb.append('\n').append(m.get("footer")).append('\n');
        return sb.toString();
    }

    /** The guide as a complete, print-friendly HTML page (A4), every value escaped. */
    public static String guideHtml(ProcedureGuide g, Locale locale) {
        return Templates.RENDERER.render("guide.ftlh", guideModel(g, Labels.en(locale)));
    }

    /**
     * How tightly the printed guide is set so that it fits one A4 page: {@code ""} (9.5 pt), {@code compact}
     * (8 pt) or {@code dense} (7.5 pt), from the length of the text the page prints beside the picture.
     * Imported procedures copy long prose from the national record; hand-written ones print at 9.5 pt.
     * DeskBrowserTest prints every Gia Lai guide and counts the pages.
     */
    @SuppressWarnings("unchecked")
    static String density(Map<String, Object> m) {
        int chars = 0;
        for (Map<String, Object> c : (List<Map<String, Object>>) m.get("components")) {
            chars += String.valueOf(c.get("name")).length() + String.valueOf(c.get("basis")).length()
                    + String.valueOf(c.get("presence")).length() + String.valueOf(c.get("waiver")).length() + 40;
        }
        for (String b : (List<String>) m.get("legalBases")) {
            chars += b.length() + 2;
        }
        for (String k : List.of("reliefs", "conditions", "extensions")) {
            for (String r : (List<String>) m.get(k)) {
                chars += r.length() + 20;
            }
        }
        for (String k : List.of("agency", "boundaryText", "result", "deadlineBasis", "computedNote", "importedText", "cutOffText")) {
            chars += String.valueOf(m.get(k)).length();
        }
        // a long process (many steps with long names) draws a tall picture: its text then leaves less room
        Object picture = m.get("picture");
        int pictureHeight = picture instanceof Map<?, ?> p && p.get("height") != null
                ? Integer.parseInt(p.get("height").toString()) : 0;
        return chars > 4500 ? "dense" : chars > 2600 || pictureHeight > 900 ? "compact" : "";
    }

    private static Map<String, Object> guideModel(ProcedureGuide g, boolean en) {
        Procedure p = g.procedure();
        // the base deadline in force on the guide's date (deadline.values), not the latest one
        Procedure.BaseDeadline deadline = p.deadlineOn(g.asOf()).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", en ? "en" : "vi");
        m.put("en", en);
        m.put("msg", CatalogMessages.all(en));
        m.put("heading", t(en, "CAT_G_HEADING"));
        m.put("code", p.code());
        m.put("name", Labels.text(p.name(), en));
        m.put("field", Labels.text(p.field(), en));
        List<Map<String, Object>> comps = new ArrayList<>();
        int n = 0;
        for (DossierComponent c : p.components()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("no", ++n);
            cm.put("name", Labels.text(c.name(), en));
            cm.put("form", Labels.form(c.form(), en));
            cm.put("quantity", c.quantity());
            cm.put("quantityText", t(en, c.quantity() == 1 ? "CAT_G_QUANTITY_ONE" : "CAT_G_QUANTITY",
                    "quantity", en ? Integer.toString(c.quantity()) : String.format(Locale.ROOT, "%02d", c.quantity())));
            List<String> when = new ArrayList<>();
            for (RuleSummary r : g.rules()) {
                if (r.asksFor(c.id())) {
                    when.add(r.name());
                }
            }
            cm.put("presence", c.presence() == DossierComponent.Presence.CONDITIONAL && !when.isEmpty()
                    ? t(en, "CAT_G_ONLY_WHEN", "rules", String.join("; ", when))
                    : Labels.presence(c.presence(), en));
            String waiver = "";
            if (c.waivableBy() != null) {
                String src = c.waivableBy().name() == null ? c.waivableBy().source() : Labels.text(c.waivableBy().name(), en);
                waiver = t(en, "CAT_G_WAIVER", "source", src);
            }
            cm.put("waiver", waiver);
            cm.put("basis", Labels.citation(c.basis(), en));
            comps.add(cm);
        }
        m.put("components", comps);
        // every condition, change of the time limit and exemption the rules make, by the rule's name
        List<String> conditions = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        List<String> ruleReliefs = new ArrayList<>();
        for (RuleSummary r : g.rules()) {
            String named = r.name() + (r.basis() == null ? "" : " (" + t(en, "CAT_BASIS", "basis", Labels.citation(r.basis(), en)) + ")");
            if (r.does(RuleSummary.Kind.INELIGIBLE)) {
                conditions.add(named);
            }
            if (r.does(RuleSummary.Kind.EXTEND) || r.does(RuleSummary.Kind.PAUSE) || r.does(RuleSummary.Kind.REPLACE_DEADLINE)) {
                extensions.add(named);
            }
            if (r.does(RuleSummary.Kind.EXEMPT) || r.does(RuleSummary.Kind.REDUCE)) {
                ruleReliefs.add(named);
            }
        }
        m.put("conditions", conditions);
        m.put("conditionsHead", t(en, "CAT_G_CONDITIONS"));
        m.put("extensions", extensions);
        m.put("extensionsHead", t(en, "CAT_G_EXTENSIONS"));
        m.put("agency", Labels.text(p.agency(), en));
        m.put("level", Labels.level(p.level(), en));
        List<String> channels = new ArrayList<>();
        for (Channel ch : p.channels()) {
            channels.add(Labels.channel(ch, en));
        }
        m.put("channels", String.join(", ", channels));
        m.put("onlineLevel", Labels.onlineLevel(p.onlineLevel(), en));
        m.put("boundaryText", t(en, p.boundaryFree() ? "CAT_G_BOUNDARY_FREE" : "CAT_G_BOUNDARY_BOUND"));
        m.put("deadline", deadline != null ? CatalogueEntry.commitmentLabel(deadline.limit(), p.commitment(), en)
                : p.source() != null ? t(en, "CAT_G_DEADLINE_UNKNOWN") : "");
        m.put("importedText", !p.importedUnreviewed() ? "" : t(en, "CAT_G_IMPORTED", "code", p.source().code(),
                "updated", p.source().updatedAt(), "published", p.source().decision() == null ? ""
                        : t(en, "CAT_G_IMPORTED_PUBLISHED", "decision", p.source().decision()))
                + (p.source().values().isEmpty() ? "" : " " + t(en, "CAT_G_NOT_REVIEWED", "values",
                        unreviewedValues(p.source(), en))));
        m.put("deadlineBasis", deadline == null ? "" : Labels.citation(deadline.basis(), en));
        m.put("cutOffText", deadline == null || deadline.cutOff() == null ? ""
                : t(en, "CAT_G_CUT_OFF", "time", deadline.cutOff()));
        List<Map<String, Object>> steps = new ArrayList<>();
        n = 0;
        for (InternalStep s : p.steps()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("no", ++n);
            sm.put("name", s.nameVi() == null ? s.id() : s.nameVi());
            sm.put("role", s.owner());
            sm.put("budget", Labels.limit(s.budget(), en) + (s.counted() ? "" : " " + t(en, "CAT_G_NOT_COUNTED")));
            steps.add(sm);
        }
        m.put("steps", steps);
        m.put("result", Labels.text(p.result(), en));
        m.put("computedNote", io.github.motcua.calendar.CalendarReports.computedYearsNote(g.computedYears(), en));
        List<String> reliefs = new ArrayList<>();
        for (FeeTexts.Relief r : g.reliefs()) {
            reliefs.add(r.text(en));
        }
        reliefs.addAll(ruleReliefs);
        m.put("reliefs", reliefs);
        m.put("picture", ProcessPicture.of(p, String.join(", ", channels), Labels.text(p.result(), en),
                m.get("deadline").toString().isEmpty() ? "" : t(en, "CAT_G_AT_MOST", "deadline", m.get("deadline")), en));
        m.put("feesKnown", g.feesKnown());
        m.put("fees", feeViews(g.fees(), en));
        m.put("feesNone", t(en, g.feesKnown() ? "CAT_NO_FEE" : "CAT_NO_FEE_TABLE"));
        List<String> bases = new ArrayList<>();
        for (LegalBasis b : p.legalBases()) {
            bases.add(Labels.citation(b, en));
        }
        m.put("legalBases", bases);
        m.put("density", density(m));
        m.put("footer", t(en, "CAT_G_FOOTER", "pack", g.packId(), "version", g.packVersion(), "asOf", date(g.asOf(), en)));
        return m;
    }

    private static String t(boolean en, String key, Object... pairs) {
        return CatalogMessages.text(en, key, pairs);
    }
}
