package io.github.motcua.rules.internal;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Digitisation;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.spi.PartJson;
import io.github.motcua.dossier.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Digitisation at receipt and reuse of issued results (số hóa hồ sơ khi tiếp nhận, tái sử dụng kết quả
 * đã số hóa): the built-in decision section {@value Digitisation#NAME} of the {@code ELIGIBILITY} stage.
 * It claims the pack's {@code digitisation.yaml}: per procedure, the components the province's
 * approved list says must be digitised at receipt (with the national component code, read from the
 * procedure's {@code national.yaml} when it was imported), the results the procedure issues that a
 * later dossier may reuse, and which component a held result replaces. For one decision it waives
 * every component whose result the dossier's {@code heldData} holds ({@code <procedure>/<result>},
 * through {@link DecisionContext#waive}), then lists the papers left to digitise, the reused results
 * and the results this procedure issues. A pack without the file gets no part. Stateless, so
 * thread-safe.
 */
final class DigitisationSection implements DecisionSection<Digitisation>, WithoutPackIdentity, WithProblemSink {
    static final String FILE = "digitisation.yaml";
    /** The section's messages (vi/en), its own bundle beside the pipeline's. */
    static final String BUNDLE = "io/github/motcua/rules/digitisation";
    private static final Locale VI = Locale.forLanguageTag("vi");

    /**
     * What the pack's file says, checked against the procedures it names; {@code unknown} are the entries
     * naming a procedure the pack does not have (ignored), warned about once the procedures are loaded.
     */
    record Loaded(LegalBasis basis, LegalBasis listBasis, LegalBasis reuseBasis, Map<String, Entry> procedures,
            Map<String, Issued> results, List<UnknownProcedure> unknown) implements Digitisation.Declared, ProcedureReferences {
        @Override
        public List<Digitisation.IssuedResult> reusableResults() {
            List<Digitisation.IssuedResult> out = new ArrayList<>();
            results.values().forEach(r -> out.add(new Digitisation.IssuedResult(r.key(), r.id(), r.nameVi(), r.nameEn())));
            return List.copyOf(out);
        }

        /**
         * The pack's one policy for a procedure it does not have (as pack.yaml {@code cutOffs}): a warning
         * at the entry's line naming the closest codes, searched in the loaded procedures and their aliases
         * (the same search as the cut-offs' and an unknown dossier code's; nothing is read again).
         */
        @Override
        public List<PackProblem> unknownProcedures(Collection<io.github.motcua.rules.Procedure> loaded) {
            List<PackProblem> out = new ArrayList<>();
            for (UnknownProcedure u : unknown) {
                out.add(CutOffRules.unknownProcedure(FILE, u.line(), u.column(), u.code(), loaded));
            }
            return out;
        }
    }

    /** An entry naming a procedure the pack does not have, at its line and column. */
    record UnknownProcedure(String code, int line, int column) {
    }

    /** One procedure's lists. */
    record Entry(String code, Map<String, Paper> digitise, List<Issued> issues, List<Reuse> reuse) {
    }

    /** A component on the list, with its national code (or null) and its line. */
    record Paper(String componentId, String nationalCode, int line) {
    }

    /** A reusable result, by its key {@code <procedure>/<id>}. */
    record Issued(String key, String procedure, String procedureNameVi, String id, String nameVi, String nameEn) {
    }

    /** A component a held result replaces (any one of {@code results}), with its line. */
    record Reuse(String componentId, List<String> results, int line) {
    }

    /** What the section reads of a procedure: its name, its component ids, and the national codes of national.yaml. */
    /** @param readable whether procedure.yaml parsed: when not, its own problem is the one to report, not its components */
    private record ProcedureFacts(String nameVi, Set<String> components, Map<String, String> nationalCodes,
            boolean hasNationalRecord, boolean readable) {
    }

    @Override
    public String name() {
        return Digitisation.NAME;
    }

    @Override
    public Decision.Key<Digitisation> key() {
        return Digitisation.KEY;
    }

    @Override
    public Stage stage() {
        return Stage.ELIGIBILITY;
    }

    @Override
    public boolean claims(String path) {
        return path.equals(FILE);
    }

    @Override
    public Result load(Map<String, byte[]> files) {
        return load(files, new Context(null, Map.of(), Map.of(), files));
    }

    @Override
    public Result load(Map<String, byte[]> files, Context context) {
        ProblemSink<PackProblem> problems = ProblemCap.sink();
        Result r = load(files, context, problems);
        return new Result(r.value(), problems.list(), r.warnings());
    }

    /** Its problems bounded as they are made (a hostile digitisation.yaml of many entries): see {@link WithProblemSink}. */
    @Override
    public Result load(Map<String, byte[]> files, Context context, ProblemSink<PackProblem> problems) {
        byte[] bytes = files.get(FILE);
        if (bytes == null) {
            return new Result(null, List.of());
        }
        String text = PackFiles.text(FILE, bytes, problems);
        YamlDoc doc = text == null ? null : YamlDoc.parse(FILE, text, problems);
        if (doc == null) {
            return new Result(null, List.of());
        }
        List<PackProblem> schema = Schemas.validate("digitisation", doc, "", doc.root());
        if (!schema.isEmpty()) {
            problems.addAll(schema);
            return new Result(null, List.of());
        }
        JsonNode root = doc.root();
        LegalBasis basis = basis(doc, "/digitise/basis", root.get("digitise").get("basis"), context, problems);
        LegalBasis listBasis = basis(doc, "/digitise/list", root.get("digitise").get("list"), context, problems);
        LegalBasis reuseBasis = basis(doc, "/reuse/basis", root.get("reuse").get("basis"), context, problems);
        // first the procedures and the results they issue (a reuse may name a result declared further down)
        Map<String, ProcedureFacts> facts = new HashMap<>();
        List<UnknownProcedure> unknown = new ArrayList<>();
        Map<String, Issued> results = new LinkedHashMap<>();
        Map<String, List<Issued>> issuedBy = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("procedures").properties()) {
            String code = e.getKey();
            String ptr = "/procedures/" + esc(code);
            ProcedureFacts f = facts(code, context.files(), problems);
            if (f == null) {
                // the entry ignored, so a pack copied in part still loads; the warning, with the closest codes
                // of the loaded procedures, once they are read (Loaded.unknownProcedures)
                int[] at = doc.position(ptr);
                unknown.add(new UnknownProcedure(code, at[0], at[1]));
                continue;
            }
            facts.put(code, f);
            List<Issued> mine = new ArrayList<>();
            JsonNode rs = e.getValue().get("results");
            for (int i = 0; rs != null && i < rs.size(); i++) {
                JsonNode r = rs.get(i);
                String id = r.get("id").asString();
                String key = code + "/" + id;
                if (results.containsKey(key)) {
                    problems.add(problem(doc, ptr + "/results/" + i + "/id", "DIGITISATION_DUPLICATE", "id", id));
                    continue;
                }
                JsonNode en = r.get("name").get("en");
                Issued issued = new Issued(key, code, f.nameVi(), id, r.get("name").get("vi").asString(),
                        en == null ? null : en.asString());
                results.put(key, issued);
                mine.add(issued);
            }
            issuedBy.put(code, mine);
        }
        Map<String, Entry> procedures = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("procedures").properties()) {
            String code = e.getKey();
            ProcedureFacts f = facts.get(code);
            if (f == null) {
                continue;
            }
            String ptr = "/procedures/" + esc(code);
            Map<String, Paper> digitise = new LinkedHashMap<>();
            JsonNode ds = e.getValue().get("digitise");
            for (int i = 0; ds != null && i < ds.size(); i++) {
                JsonNode d = ds.get(i);
                String at = ptr + "/digitise/" + i;
                String id = d.isObject() ? d.get("component").asString() : d.asString();
                String given = d.isObject() && d.get("nationalCode") != null ? d.get("nationalCode").asString() : null;
                if (!component(doc, d.isObject() ? at + "/component" : at, code, id, f, problems)) {
                    continue;
                }
                if (digitise.containsKey(id)) {
                    problems.add(problem(doc, at, "DIGITISATION_DUPLICATE", "id", id));
                    continue;
                }
                String national = f.nationalCodes().get(id);
                if (given != null) {
                    if (!f.hasNationalRecord()) {
                        problems.add(problem(doc, at + "/nationalCode", "DIGITISATION_NO_NATIONAL_RECORD", "code", code,
                                "nationalCode", given));
                        continue;
                    }
                    if (!f.nationalCodes().containsValue(given)) {
                        problems.add(problem(doc, at + "/nationalCode", "DIGITISATION_UNKNOWN_NATIONAL_CODE", "code", code,
                                "nationalCode", given));
                        continue;
                    }
                    national = given;
                }
                digitise.put(id, new Paper(id, national, doc.position(at)[0]));
            }
            List<Reuse> reuse = new ArrayList<>();
            Set<String> reused = new HashSet<>();
            JsonNode us = e.getValue().get("reuse");
            for (int i = 0; us != null && i < us.size(); i++) {
                JsonNode u = us.get(i);
                String at = ptr + "/reuse/" + i;
                String id = u.get("component").asString();
                if (!component(doc, at + "/component", code, id, f, problems)) {
                    continue;
                }
                if (!reused.add(id)) {
                    problems.add(problem(doc, at + "/component", "DIGITISATION_DUPLICATE", "id", id));
                    continue;
                }
                List<String> keys = new ArrayList<>();
                for (int j = 0; j < u.get("results").size(); j++) {
                    String key = u.get("results").get(j).asString();
                    if (!results.containsKey(key)) {
                        problems.add(problem(doc, at + "/results/" + j, "DIGITISATION_UNKNOWN_RESULT", "key", key,
                                "known", results.isEmpty() ? "-" : String.join(", ", results.keySet())));
                    } else if (key.startsWith(code + "/")) {
                        problems.add(problem(doc, at + "/results/" + j, "DIGITISATION_OWN_RESULT", "key", key, "code", code));
                    } else {
                        keys.add(key);
                    }
                }
                if (!keys.isEmpty()) {
                    reuse.add(new Reuse(id, List.copyOf(keys), doc.position(at)[0]));
                }
            }
            procedures.put(code, new Entry(code, java.util.Collections.unmodifiableMap(digitise),
                    List.copyOf(issuedBy.getOrDefault(code, List.of())), List.copyOf(reuse)));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.of());
        }
        return new Result(new Loaded(basis, listBasis, reuseBasis, java.util.Collections.unmodifiableMap(procedures),
                java.util.Collections.unmodifiableMap(results), List.copyOf(unknown)), List.of());
    }

    private static boolean component(YamlDoc doc, String ptr, String code, String id, ProcedureFacts f,
            List<PackProblem> problems) {
        if (f.components().contains(id) || !f.readable()) {
            // a procedure.yaml that does not parse lists no component: its syntax problem is reported with the folder,
            // and naming every component here as unknown (with an empty list of known ones) only buried it
            return true;
        }
        problems.add(problem(doc, ptr, "DIGITISATION_UNKNOWN_COMPONENT", "code", code, "id", id, "known",
                String.join(", ", new TreeSet<>(f.components()))));
        return false;
    }

    private static LegalBasis basis(YamlDoc doc, String ptr, JsonNode id, Context context, List<PackProblem> problems) {
        LegalBasis b = context.bases().get(id.asString());
        if (b == null) {
            problems.add(problem(doc, ptr, "DIGITISATION_UNKNOWN_BASIS", "id", id.asString()));
        }
        return b;
    }

    /**
     * The name and component ids of {@code procedures/<code>/procedure.yaml}, and the national component
     * codes of its {@code national.yaml}; null when the procedure is not in the pack. A file the engine
     * cannot read is the engine's problem (reported with the procedure): here it reads as no component.
     *
     * <p>This is a second parse of each listed {@code procedure.yaml}: a strict load parses it here and in
     * {@code ProcedureReader} (in parallel), and a lazy-parse load parses it here at load, before its folder. Not
     * removable here alone: this section's checks ({@code DIGITISATION_UNKNOWN_COMPONENT}, the national-code ones)
     * refuse the pack at load and need each listed procedure's component ids, name and national codes; sharing the
     * folder's parse would mean running them when the folder is parsed (a lazy load would then quarantine that
     * procedure instead of refusing the pack — a change of what a load refuses) or this section waiting for the
     * folders (the parallel section and folder load would wait on each other). The cost is one parse per listed
     * procedure: the Gia Lai pack lists 5, the synthetic catalogue has no {@code digitisation.yaml}.
     */
    private static ProcedureFacts facts(String code, Map<String, byte[]> files, List<PackProblem> problems) {
        if (code.contains("/") || code.equals("..") || code.equals(".")) {
            return null;
        }
        byte[] yaml = files.get("procedures/" + code + "/procedure.yaml");
        if (yaml == null) {
            return null;
        }
        List<PackProblem> ignored = new ArrayList<>();
        String yamlText = PackFiles.textOrNull("procedures/" + code + "/procedure.yaml", yaml);
        YamlDoc p = yamlText == null ? null : YamlDoc.parse("procedures/" + code + "/procedure.yaml", yamlText, ignored);
        String nameVi = code;
        Set<String> ids = new LinkedHashSet<>();
        if (p != null) {
            // the kernel's tree alone, as the folder's reader reads procedure.yaml (session 21): no JSON values made
            PackNode r = p.tree();
            PackNode name = r.isMap() ? r.get("name") : null;
            PackNode vi = name != null && name.isMap() ? name.get("vi") : null;
            if (vi != null && vi.isScalar() && !vi.isNull()) {
                nameVi = vi.text();
            }
            PackNode cs = r.isMap() ? r.get("components") : null;
            for (int i = 0; cs != null && cs.isList() && i < cs.list().size(); i++) {
                PackNode c = cs.list().get(i);
                PackNode id = c.isMap() ? c.get("id") : null;
                if (id != null && id.isScalar() && !id.isNull()) {
                    ids.add(id.text());
                }
            }
        }
        Map<String, String> national = new HashMap<>();
        byte[] nat = files.get("procedures/" + code + "/national.yaml");
        if (nat != null) {
            // not UTF-8: reported here, this section being the engine's one reader of national.yaml
            String natText = PackFiles.text("procedures/" + code + "/national.yaml", nat, problems);
            YamlDoc n = natText == null ? null : YamlDoc.parse("procedures/" + code + "/national.yaml", natText, ignored);
            JsonNode cs = n == null ? null : n.root().get("components");
            for (int i = 0; cs != null && i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                if (c.get("id") != null && c.get("nationalCode") != null && !c.get("nationalCode").isNull()) {
                    national.put(c.get("id").asString(), c.get("nationalCode").asString());
                }
            }
        }
        return new ProcedureFacts(nameVi, Set.copyOf(ids), Map.copyOf(national), nat != null, p != null);
    }

    private static String esc(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static PackProblem problem(YamlDoc doc, String ptr, String code, String... args) {
        return doc.problem(ptr, code, vi(code, args), en(code, args));
    }

    static String vi(String key, String... pairs) {
        return Messages.render(BUNDLE, key, args(pairs), VI);
    }

    static String en(String key, String... pairs) {
        return Messages.render(BUNDLE, key, args(pairs), Locale.ENGLISH);
    }

    private static String msg(Locale locale, String key, String... pairs) {
        return "vi".equals(locale.getLanguage()) ? vi(key, pairs) : en(key, pairs);
    }

    private static Map<String, String> args(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return out;
    }

    @Override
    public Digitisation contribute(DecisionContext ctx) {
        if (!(ctx.loaded() instanceof Loaded l) || ctx.eligibility() == Eligibility.INELIGIBLE) {
            return null;
        }
        Entry entry = l.procedures().get(ctx.procedure().code());
        if (entry == null) {
            return null;
        }
        Set<String> held = ctx.dossier().heldData();
        List<Digitisation.Reused> reused = new ArrayList<>();
        for (Reuse u : entry.reuse()) {
            for (String key : u.results()) {
                if (!held.contains(key)) {
                    continue;
                }
                RequiredComponent c = listed(ctx.components(), u.componentId());
                if (c != null && ctx.waive(u.componentId(), key, FILE, l.reuseBasis())) {
                    Issued r = l.results().get(key);
                    reused.add(new Digitisation.Reused(c.id(), c.name() == null ? c.id() : c.name().vi(), key,
                            r.procedure(), r.procedureNameVi(), r.nameVi(), r.nameEn(), l.reuseBasis()));
                    ctx.trace(new Decision.TraceStep(vi("TRACE_REUSED", "result", r.nameVi(), "procedure", r.procedure(),
                            "component", c.id()), FILE, u.line(), l.reuseBasis(), Decision.TraceStep.Kind.SECTION));
                }
                break;
            }
        }
        boolean atReceipt = ctx.dossier().channel() != Channel.ONLINE;
        List<Digitisation.Paper> papers = new ArrayList<>();
        if (atReceipt) {
            for (RequiredComponent c : ctx.components()) {
                Paper p = entry.digitise().get(c.id());
                if (p != null && c.status() != RequiredComponent.ComponentStatus.WAIVED) {
                    papers.add(new Digitisation.Paper(c.id(), c.name() == null ? c.id() : c.name().vi(),
                            c.name() == null ? null : c.name().en(), p.nationalCode(),
                            c.status() != RequiredComponent.ComponentStatus.REQUIRED));
                }
            }
            if (!papers.isEmpty()) {
                ctx.trace(new Decision.TraceStep(vi("TRACE_DIGITISE", "count", String.valueOf(papers.size())), FILE,
                        entry.digitise().values().iterator().next().line(), l.listBasis(), Decision.TraceStep.Kind.SECTION));
            }
        }
        List<Digitisation.IssuedResult> issues = new ArrayList<>();
        for (Issued r : entry.issues()) {
            issues.add(new Digitisation.IssuedResult(r.key(), r.id(), r.nameVi(), r.nameEn()));
        }
        return new Digitisation(atReceipt, papers, reused, issues, l.basis(), l.listBasis(), l.reuseBasis());
    }

    /** The component as the rules listed it and still to submit (not waived), or null. */
    private static RequiredComponent listed(List<RequiredComponent> components, String id) {
        for (RequiredComponent c : components) {
            if (c.id().equals(id) && c.status() != RequiredComponent.ComponentStatus.WAIVED) {
                return c;
            }
        }
        return null;
    }

    @Override
    public Object toJson(Digitisation d) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("atReceipt", d.atReceipt());
        List<Object> papers = new ArrayList<>();
        for (Digitisation.Paper p : d.toDigitise()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("component", p.componentId());
            o.put("nameVi", p.nameVi());
            o.put("nameEn", p.nameEn());
            o.put("nationalCode", p.nationalCode());
            o.put("ifBrought", p.ifBrought());
            papers.add(o);
        }
        x.put("toDigitise", papers);
        List<Object> reused = new ArrayList<>();
        for (Digitisation.Reused r : d.reused()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("component", r.componentId());
            o.put("componentNameVi", r.componentNameVi());
            o.put("heldKey", r.heldKey());
            o.put("procedure", r.procedure());
            o.put("procedureNameVi", r.procedureNameVi());
            o.put("resultNameVi", r.resultNameVi());
            o.put("resultNameEn", r.resultNameEn());
            o.put("basis", PartJson.basis(r.basis()));
            reused.add(o);
        }
        x.put("reused", reused);
        List<Object> issues = new ArrayList<>();
        for (Digitisation.IssuedResult r : d.issues()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", r.key());
            o.put("nameVi", r.nameVi());
            o.put("nameEn", r.nameEn());
            issues.add(o);
        }
        x.put("issues", issues);
        x.put("basis", PartJson.basis(d.basis()));
        x.put("listBasis", PartJson.basis(d.listBasis()));
        x.put("reuseBasis", PartJson.basis(d.reuseBasis()));
        return x;
    }

    @Override
    public void text(Digitisation d, Locale locale, StringBuilder out) {
        boolean vi = "vi".equals(locale.getLanguage());
        if (!d.atReceipt()) {
            out.append(msg(locale, "TEXT_ONLINE")).append('\n');
        } else if (d.toDigitise().isEmpty()) {
            out.append(msg(locale, "TEXT_NOTHING_TO_DIGITISE")).append(PartJson.cite(d.listBasis(), locale)).append('\n');
        } else {
            out.append(msg(locale, "TEXT_DIGITISE_HEAD", "count", String.valueOf(d.toDigitise().size())))
                    .append(PartJson.cite(d.listBasis(), locale)).append('\n');
            for (Digitisation.Paper p : d.toDigitise()) {
                out.append("  - ").append(vi || p.nameEn() == null ? p.nameVi() : p.nameEn());
                if (p.nationalCode() != null) {
                    out.append(' ').append(msg(locale, "TEXT_NATIONAL_CODE", "code", p.nationalCode()));
                }
                if (p.ifBrought()) {
                    out.append(' ').append(msg(locale, "TEXT_IF_BROUGHT"));
                }
                out.append('\n');
            }
        }
        for (Digitisation.Reused r : d.reused()) {
            out.append(msg(locale, "TEXT_REUSED", "component", r.componentNameVi(),
                    "result", vi || r.resultNameEn() == null ? r.resultNameVi() : r.resultNameEn(), "procedure", r.procedure(),
                    "procedureName", r.procedureNameVi())).append(PartJson.cite(r.basis(), locale)).append('\n');
        }
        for (Digitisation.IssuedResult r : d.issues()) {
            out.append(msg(locale, "TEXT_ISSUES", "result", vi || r.nameEn() == null ? r.nameVi() : r.nameEn(),
                    "key", r.key())).append('\n');
        }
    }

    /**
     * {@code expect: {digitisation: {toDigitise: [ids], reused: [ids], issues: [keys], atReceipt: bool}}}:
     * each list given is compared as a set of component ids (result keys for {@code issues}); an
     * expectation on a decision without the part is a mismatch.
     */
    @Override
    public void check(Object expected, Decision decision, CaseReport report) {
        if (!(expected instanceof Map<?, ?> want)) {
            report.mismatch("digitisation", vi("TEXT_CASE_MAPPING"), String.valueOf(expected),
                    en("TEXT_CASE_MAPPING"), String.valueOf(expected));
            return;
        }
        Digitisation d = decision.part(Digitisation.KEY).orElse(null);
        if (d == null) {
            String e = String.valueOf(decision.eligibility());
            String c = decision.cause() == null ? null : decision.cause().code().name();
            report.mismatch("digitisation", String.valueOf(want),
                    c == null ? vi("TEXT_CASE_NONE", "eligibility", e)
                            : vi("TEXT_CASE_NONE_CAUSE", "eligibility", e, "cause", c),
                    String.valueOf(want), c == null ? en("TEXT_CASE_NONE", "eligibility", e)
                            : en("TEXT_CASE_NONE_CAUSE", "eligibility", e, "cause", c));
            return;
        }
        compare(report, "toDigitise", want.get("toDigitise"), d.toDigitise().stream().map(Digitisation.Paper::componentId).toList());
        compare(report, "reused", want.get("reused"), d.reused().stream().map(Digitisation.Reused::componentId).toList());
        compare(report, "issues", want.get("issues"), d.issues().stream().map(Digitisation.IssuedResult::key).toList());
        Object at = want.get("atReceipt");
        if (at != null && !at.equals(d.atReceipt())) {
            report.mismatch("digitisation.atReceipt: expected " + at + ", actual " + d.atReceipt());
        }
        for (Object k : want.keySet()) {
            if (!Set.of("toDigitise", "reused", "issues", "atReceipt").contains(String.valueOf(k))) {
                report.mismatch("digitisation." + k + ": " + vi("TEXT_CASE_UNKNOWN_EXPECTATION") + " / "
                        + en("TEXT_CASE_UNKNOWN_EXPECTATION"));
            }
        }
    }

    private static void compare(CaseReport report, String what, Object want, Collection<String> actual) {
        if (want == null) {
            return;
        }
        Set<String> w = new TreeSet<>();
        if (want instanceof Collection<?> c) {
            c.forEach(x -> w.add(String.valueOf(x)));
        } else {
            w.add(String.valueOf(want));
        }
        if (!w.equals(new TreeSet<>(actual))) {
            report.mismatch("digitisation." + what + ": expected " + w + ", actual " + new TreeSet<>(actual));
        }
    }
}
