package io.github.motcua.rules.internal;

import static io.github.motcua.rules.internal.TreeValues.asBoolean;
import static io.github.motcua.rules.internal.TreeValues.asInt;
import static io.github.motcua.rules.internal.TreeValues.asLong;
import static io.github.motcua.rules.internal.TreeValues.decimal;
import static io.github.motcua.rules.internal.TreeValues.items;
import static io.github.motcua.rules.internal.TreeValues.string;
import static io.github.motcua.rules.internal.TreeValues.text;

import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.InternalStep;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.kernel.PackNode;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.law.Parameter;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one procedure folder of a pack snapshot: its procedure.yaml (validated against its schema,
 * every legal basis resolved), its rule files and decision tables, and its analyst cases. Every
 * problem goes to this reader's list, so folders can be read in parallel. Not thread-safe: one
 * reader per folder.
 */
final class ProcedureReader {
    /**
     * The import's layer files (docs/import.md): {@code national.yaml} (rewritten by every import) and
     * {@code local.yaml} (the analysts' overrides). The importer reads them; the engine reads the
     * procedure.yaml built from them.
     */
    static final Set<String> IMPORT_LAYERS = Set.of("national.yaml", "local.yaml");

    private final PackFiles files;
    private final List<PackProblem> problems;
    /** What does not keep the pack out (an XLSX decision table's hidden rows...): {@code LoadResult.warnings()}. */
    private final List<PackProblem> warnings = new ArrayList<>();
    private final FormFields.Library forms;

    /** Keys under a case's {@code expect:} that the engine checks itself; the rest belong to decision sections. */
    private static final Set<String> CORE_EXPECT = Set.of("eligibility", "reasons", "notes", "components");

    /**
     * The most cases (ca kiểm thử) one procedure may hold (session 18): real procedures have a few to a dozen or two
     * (Gia Lai at most about 15). Every case is read at load into a dossier kept with the pack.
     */
    static final int MAX_CASES = 1_000;
    /**
     * The most JSON nodes the cases of one procedure may make, each case counted with the base dossier merged into it
     * (session 18). A base dossier is copied into every case, so a small cases file beside a large base made many times
     * the base: 1,000 one-line cases under a 4 MB base were 4 GB of nodes. A real case with its base is 20 to 100 nodes.
     */
    static final int MAX_CASE_NODES = 200_000;
    /** The most such nodes of all the procedures of a pack together (a province's catalogue with cases: ≈ 2,000,000). */
    static final long MAX_PACK_CASE_NODES = 5_000_000;
    private Set<String> expectKeys = Set.of();
    /** The codes of units.yaml a case's {@code unit:} must name, or null when not checked. */
    private Set<String> units;
    /** Where an unknown unit was reported (file and pointer): a base's unit is one problem, not one per case. */
    private final Set<String> unknownUnitsAt = new java.util.HashSet<>();
    private final CutOffRules cutOffs;

    ProcedureReader(PackFiles files, List<PackProblem> problems) {
        this(files, problems, FormFields.Library.of(files), CutOffRules.NONE);
    }

    /**
     * @param forms   the pack's shared form schemas (forms/*.schema.json), parsed once per load
     * @param cutOffs pack.yaml's cut-off rules, for procedures that name no cut-off of their own
     */
    ProcedureReader(PackFiles files, List<PackProblem> problems, FormFields.Library forms, CutOffRules cutOffs) {
        this(files, problems, forms, cutOffs, RuleChecks.AT_LOAD);
    }

    /**
     * @param ruleChecks when the checks of the rule texts that only report analysts' mistakes run
     *                   ({@link DrlMistakes}, form fields and options named by rules, a rule's basis in another
     *                   instrument): at load, at the procedure's first use, or not at all
     */
    ProcedureReader(PackFiles files, List<PackProblem> problems, FormFields.Library forms, CutOffRules cutOffs,
            RuleChecks ruleChecks) {
        this.files = files;
        this.problems = problems;
        this.forms = forms;
        this.cutOffs = cutOffs;
        this.ruleChecks = ruleChecks;
    }

    /**
     * When a load runs the checks of a procedure's rule texts that find analysts' mistakes but decide
     * nothing about what may run (the linter, the restriction of the parsed rules and the bytecode verifier
     * do that): {@link DrlMistakes}, the form fields and options rules and decision tables name
     * ({@link FormChecks#drl}), and a rule basis citing a near-identical other instrument.
     */
    enum RuleChecks {
        /** During the load, beside every other problem of the folder (eager engines, {@code check}, {@code build}). */
        AT_LOAD,
        /**
         * Just before the procedure's lint, at its first use or in the background warm-up (lazy engines); a
         * problem quarantines the procedure, as a lint problem does.
         */
        AT_FIRST_USE,
        /** Never: a prebuilt pack, whose build ran them and refused the pack on any problem. */
        SKIPPED
    }

    private final RuleChecks ruleChecks;
    /** The procedure's form fields, read on first need (see {@link #form()}). */
    private FormFields form;
    private boolean formRead;
    /** The procedure's form.schema.json, decoded only when its fields are needed (a prebuilt load mostly does not). */
    private String formPath;

    /**
     * The rule checks of one procedure a lazy load left for its first use (see {@link RuleChecks#AT_FIRST_USE}):
     * run once, after which the form text is dropped. Thread-safe.
     */
    static final class DeferredChecks {
        private FormFields.Library forms;
        private String formPath;
        /** The form's file as the pack holds it: decoded (or read from its bytes) only when the checks run. */
        private byte[] formBytes;
        private Map<String, LegalBasis> bases;
        private List<PackProblem> found;

        DeferredChecks(FormFields.Library forms, String formPath, byte[] formBytes, Map<String, LegalBasis> bases) {
            this.forms = forms;
            this.formPath = formPath;
            this.formBytes = formBytes;
            this.bases = bases;
        }

        /** The problems the load would have reported for {@code src} had it run the checks itself. */
        synchronized List<PackProblem> run(LoadedPack.ProcedureSource src) {
            if (found == null) {
                // bounded as made (issue 15 session 23): one problem a mistake of the rule texts, at most ProblemCap.MAX
                // kept, the rest counted and folded by the procedure's list that takes these
                io.github.motcua.kernel.ProblemSink<PackProblem> out = ProblemCap.sink();
                FormFields form = FormFields.of(formPath, formBytes, forms);
                for (LoadedPack.RuleText t : src.rules()) {
                    textChecks(t, form, out);
                }
                otherInstrument(src.procedure(), src.rules(), bases, out);
                found = out.isEmpty() ? List.of() : out; // read-only from here
                forms = null;
                formPath = null;
                formBytes = null;
                bases = null;
            }
            return found;
        }
    }

    /** The checks of one rule text that {@link RuleChecks} places; {@code form} is null without a form. */
    private static void textChecks(LoadedPack.RuleText t, FormFields form, List<PackProblem> problems) {
        boolean drl = t.file().endsWith(".drl");
        if (drl) {
            DrlMistakes.check(t.source(), t.positions(), problems);
        }
        // a decision table's generated DRL is checked against the form too; rules.yaml checked itself while translated
        if (form != null && (drl || isTable(t.file()))) {
            FormChecks.drl(t.source(), t.positions(), form, problems);
        }
    }

    private static boolean isTable(String path) {
        return path.endsWith(".rules.csv") || path.endsWith(".rules.xlsx");
    }

    /** The procedure's form fields (null without a form), parsed once on first need. */
    private FormFields form() {
        if (!formRead) {
            // a form that is not JSON: the form section reports it; built once per load with the fee section's check
            form = forms.form(formPath, files.get(formPath));
            formRead = true;
        }
        return form;
    }

    /** One procedure folder's outcome: its source and cases (null when its procedure.yaml failed), problems, and
     *  whether it had none (then a reload may reuse it). */
    record Folder(String code, PackLoader.Proc proc, List<PackProblem> problems, boolean clean) {
        // problems: the folder's sink, bounded while read (at most ProblemCap.MAX kept, the rest counted), or List.of()
    }

    /** The position of each step's {@code when.field} in the procedure.yaml being read. */
    private final Map<String, String> whenAt = new java.util.HashMap<>();
    /** The procedure.yaml the pointers of {@link #whenAt} are in (a position is looked up only for a problem). */
    private YamlDoc whenDoc;

    /** Parses and checks one procedure folder; its problems go to this reader's list. */
    Folder folder(String code, List<String> paths, Set<String> claimed, Map<String, LegalBasis> bases,
            Set<String> expectKeys) {
        return folder(code, paths, claimed, bases, expectKeys, null);
    }

    /**
     * As {@link #folder(String, List, Set, Map, Set)}, checking the receiving unit each case's dossier names
     * ({@code unit:}) against {@code units}, the codes of units.yaml ({@code null}: not checked).
     */
    Folder folder(String code, List<String> paths, Set<String> claimed, Map<String, LegalBasis> bases,
            Set<String> expectKeys, Set<String> units) {
        this.expectKeys = expectKeys;
        this.units = units;
        String folder = "procedures/" + code;
        formPath = folder + "/form.schema.json";
        Procedure p = procedure(code, folder, bases);
        List<LoadedPack.RuleText> rules = new ArrayList<>();
        List<String> casesFiles = new ArrayList<>();
        int[] ruleCount = {0};
        for (String path : paths) {
            String rel = path.substring(folder.length() + 1);
            if (rel.equals("procedure.yaml") || IMPORT_LAYERS.contains(rel) || claimed.contains(path)
                    || rel.endsWith(".md") || rel.endsWith(".txt")) {
                continue;
            }
            if (rel.startsWith("cases/") && (rel.endsWith(".yaml") || rel.endsWith(".yml"))) {
                casesFiles.add(path);
            } else if (rel.endsWith(".drl")) {
                String text = files.text(path, problems);
                if (text == null) {
                    continue;
                }
                DrlSource src = new DrlSource(path, text);
                LoadedPack.RuleText t = new LoadedPack.RuleText(path, src, (l, c, cd, vi, en) -> new PackProblem(path, l, c, cd, vi, en));
                if (tooManyRules(t, rules, ruleCount)) {
                    return new Folder(code, null, problems, false);
                }
                if (ruleChecks == RuleChecks.AT_LOAD) {
                    textChecks(t, form(), problems);
                }
                rules.add(t);
            } else if (isTable(rel)) {
                LoadedPack.RuleText t = RuleTables.generate(path, files.get(path), problems, warnings);
                if (t != null) {
                    if (tooManyRules(t, rules, ruleCount)) {
                        return new Folder(code, null, problems, false);
                    }
                    if (ruleChecks == RuleChecks.AT_LOAD) {
                        textChecks(t, form(), problems);
                    }
                    rules.add(t);
                }
            } else if (rel.equals("rules.yaml") || rel.equals("rules.yml") || rel.endsWith(".rules.yaml") || rel.endsWith(".rules.yml")) {
                // rules as data: translated to DRL with a map back to the YAML, then linted and compiled like DRL
                String text = files.text(path, problems);
                LoadedPack.RuleText t = text == null ? null : YamlRules.translate(path, text, form(), problems);
                if (t != null) {
                    if (tooManyRules(t, rules, ruleCount)) {
                        return new Folder(code, null, problems, false);
                    }
                    rules.add(t);
                }
            } else {
                problems.add(Msg.problem(path, 0, 0, "UNKNOWN_FILE",
                        rel.endsWith(".csv") || rel.endsWith(".xlsx") ? "load.file.unknownTable" : "load.file.unknown"));
            }
        }
        if (p == null) {
            return new Folder(code, null, problems, false);
        }
        stepConditions(p);
        DeferredChecks deferred = null;
        if (ruleChecks == RuleChecks.AT_LOAD) {
            otherInstrument(p, rules, bases, problems);
        } else if (ruleChecks == RuleChecks.AT_FIRST_USE && !rules.isEmpty()) {
            deferred = new DeferredChecks(forms, formPath, files.get(formPath), bases);
        }
        LoadedPack.ProcedureSource src = new LoadedPack.ProcedureSource(p, folder, List.copyOf(rules), deferred);
        List<PackCase> cases = new ArrayList<>();
        Base base = null;
        for (String cf : casesFiles) {
            if (isBase(cf)) {
                base = base(cf, form());
            }
        }
        Map<JsonNode, Seen> seen = new java.util.HashMap<>();
        int[] caseBudget = {0, 0}; // cases, nodes
        Map<String, WrongProcedure> wrong = new java.util.LinkedHashMap<>();
        for (String cf : casesFiles) {
            if (!isBase(cf) && caseBudget[0] <= MAX_CASES && caseBudget[1] <= MAX_CASE_NODES) {
                cases.addAll(cases(cf, p, bases, form(), base, seen, caseBudget, wrong));
            }
        }
        wrongProcedures(p, wrong);
        return new Folder(code, new PackLoader.Proc(src, List.copyOf(cases), warnings), problems, problems.isEmpty());
    }

    /**
     * A rule's basis that exists but names an instrument one or two characters away from one the
     * procedure cites (ND23-2015-D24, Decree 23/2015 on certification, for ND123-2015-D24, Decree
     * 123/2015 on civil status) is almost always a typo: reported with the ids of the intended one.
     */
    private static void otherInstrument(Procedure p, List<LoadedPack.RuleText> rules, Map<String, LegalBasis> bases,
            List<PackProblem> problems) {
        Set<String> acts = new LinkedHashSet<>();
        if (p.legalBases() != null) {
            p.legalBases().forEach(b -> acts.add(b.act()));
        }
        if (p.deadline() != null && p.deadline().basis() != null) {
            acts.add(p.deadline().basis().act());
        }
        if (p.deadlines() != null) {
            p.deadlines().values().forEach(v -> acts.add(v.basis().act()));
        }
        if (p.components() != null) {
            p.components().forEach(c -> {
                if (c.basis() != null) {
                    acts.add(c.basis().act());
                }
            });
        }
        for (LoadedPack.RuleText rt : rules) {
            for (DrlSource.RuleHeader h : rt.source().rules()) {
                DrlSource.Meta m = h.meta().get("basis");
                LegalBasis b = m == null ? null : bases.get(m.value());
                if (b == null || acts.contains(b.act())) {
                    continue;
                }
                for (String act : acts) {
                    if (FormFields.distance(act, b.act()) <= 2) {
                        List<String> sameAct = new ArrayList<>();
                        bases.values().forEach(x -> {
                            if (x.act().equals(act)) {
                                sameAct.add(x.id());
                            }
                        });
                        String near = String.join(", ", FormFields.closest(b.id(), sameAct));
                        String[] args = {"id", b.id(), "act", b.act(), "code", p.code(), "others", act, "closest", near};
                        problems.add(rt.positions().at(m.line(), m.column(), "BASIS_OTHER_INSTRUMENT",
                                Msg.vi("load.basis.otherInstrument", args), Msg.en("load.basis.otherInstrument", args)));
                        break;
                    }
                }
            }
        }
    }

    private Procedure procedure(String code, String folder, Map<String, LegalBasis> bases) {
        YamlDoc doc = PackLoader.yaml(files, problems, folder + "/procedure.yaml", "procedure", true);
        if (doc == null) {
            return null;
        }
        PackNode r = doc.tree();
        long before = io.github.motcua.kernel.ProblemSink.found(problems);
        if (!code.equals(string(r.get("code")))) {
            problems.add(doc.msg("/code", "CODE_MISMATCH", "load.procedure.codeMismatch", "code", string(r.get("code")), "folder", code));
        }
        try {
            return procedureBody(code, doc, r, bases, before);
        } catch (TreeValues.OutOfRange e) {
            // a number too large for its field: at its own line, in plain words (not Jackson's conversion message)
            String max = String.format(java.util.Locale.ROOT, "%,d", e.max);
            problems.add(doc.problem(e.pointer, "BAD_VALUE", // each language groups the digits its own way
                    Msg.vi("load.procedure.numberTooLarge", "value", e.value, "max", max.replace(',', '.')),
                    Msg.en("load.procedure.numberTooLarge", "value", e.value, "max", max)));
            return null;
        } catch (RuntimeException e) {
            // value types of other modules (TimeLimit, InternalStep ...) validate their own ranges
            // a calendar value's own problem comes in each language (its bundle); others give their message
            String vi = e instanceof io.github.motcua.kernel.ProblemCarrier c ? c.toProblem().messageVi() : io.github.motcua.kernel.Failures.detail(e);
            String en = e instanceof io.github.motcua.kernel.ProblemCarrier c ? c.toProblem().messageEn() : io.github.motcua.kernel.Failures.detail(e);
            problems.add(doc.problem("", "BAD_VALUE", Msg.vi("load.procedure.badValue", "detail", vi),
                    Msg.en("load.procedure.badValue", "detail", en)));
            return null;
        }
    }

    private Procedure procedureBody(String code, YamlDoc doc, PackNode r, Map<String, LegalBasis> bases, long before) {
        List<LegalBasis> procBases = new ArrayList<>();
        int i = 0;
        for (PackNode b : items(r.get("legalBases"))) {
            LegalBasis lb = basis(doc, "/legalBases/" + i++, string(b), bases);
            if (lb != null) {
                procBases.add(lb);
            }
        }
        PackNode d = r.get("deadline");
        LegalBasis deadlineBasis = d.get("basis") == null ? null : basis(doc, "/deadline/basis", string(d.get("basis")), bases);
        // unknown: the official text states no exact limit (an imported record of unit OTHER ...): no deadline, never 0
        Procedure.BaseDeadline deadline = d.get("amount") == null || d.get("unit") == null
                || (d.get("unknown") != null && asBoolean(d.get("unknown"))) ? null
                : new Procedure.BaseDeadline(
                new TimeLimit(asLong(d.get("amount")), DeadlineUnit.valueOf(string(d.get("unit")))), deadlineBasis,
                null, d.get("validFrom") == null ? null : java.time.LocalDate.parse(string(d.get("validFrom"))),
                doc.topLevelKeyLine("deadline"));
        Parameter<Procedure.BaseDeadline> series = null;
        if (d.get("values") != null) {
            for (String k : List.of("amount", "unit", "basis", "validFrom")) {
                if (d.get(k) != null) {
                    problems.add(doc.msg("/deadline/" + k, "DEADLINE_VALUES_AND_ONE", "load.deadline.valuesAndOne", "key", k));
                }
            }
            series = series(doc, d.get("values"), code, bases);
            deadline = null;
        }
        PackNode src = r.get("source");
        List<Procedure.ValueMark> marks = new ArrayList<>();
        if (src != null && src.get("values") != null) {
            for (PackNode v : items(src.get("values"))) {
                marks.add(new Procedure.ValueMark(string(v.get("value")), v.get("from") == null ? null : string(v.get("from")),
                        asBoolean(v.get("verified")), v.get("note") == null ? null : string(v.get("note"))));
            }
        }
        Procedure.Source source = src == null ? null : new Procedure.Source(string(src.get("recordId")),
                string(src.get("code")), src.get("updatedAt") == null ? null : string(src.get("updatedAt")),
                src.get("decision") == null ? null : string(src.get("decision")), asBoolean(src.get("verified")),
                src.get("note") == null ? null : string(src.get("note")), marks);
        List<InternalStep> steps = new ArrayList<>();
        List<Procedure.StepCondition> stepConditions = new ArrayList<>();
        if (r.get("steps") != null) {
            Set<String> stepIds = new LinkedHashSet<>();
            int si = 0;
            for (PackNode s : items(r.get("steps"))) {
                String ptr = "/steps/" + si++;
                String id = string(s.get("id"));
                if (!stepIds.add(id)) {
                    problems.add(doc.msg(ptr + "/id", "DUPLICATE_ID", "load.procedure.duplicateStep", "id", id));
                    continue;
                }
                PackNode bud = s.get("budget");
                LegalBasis sb = s.get("basis") == null ? null : basis(doc, ptr + "/basis", string(s.get("basis")), bases);
                steps.add(new InternalStep(id, string(s.get("role")), string(s.get("name")),
                        new TimeLimit(asLong(bud.get("amount")), DeadlineUnit.valueOf(string(bud.get("unit")))),
                        s.get("unit") == null ? null : string(s.get("unit")),
                        s.get("counted") == null || asBoolean(s.get("counted")), sb,
                        s.get("verified") == null || asBoolean(s.get("verified")),
                        s.get("note") == null ? null : string(s.get("note"))));
                PackNode w = s.get("when");
                if (w != null) {
                    PackNode eq = w.get("equals");
                    Object value = eq.kind() == PackNode.Kind.BOOLEAN ? (Object) asBoolean(eq) : eq.kind() == PackNode.Kind.NUMBER ? decimal(eq) : string(eq);
                    stepConditions.add(new Procedure.StepCondition(id, string(w.get("field")), value));
                    // where to report a field the form does not declare (checked once the form is read)
                    whenAt.put(id, ptr + "/when/field");
                    whenDoc = doc;
                }
            }
        }
        List<DossierComponent> components = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        i = 0;
        for (PackNode c : items(r.get("components"))) {
            String ptr = "/components/" + i++;
            String id = string(c.get("id"));
            if (!ids.add(id)) {
                problems.add(doc.msg(ptr + "/id", "DUPLICATE_ID", "load.procedure.duplicateComponent", "id", id));
                continue;
            }
            DossierComponent.Database ds = null;
            if (c.get("waivableBy") != null) {
                PackNode w = c.get("waivableBy");
                ds = new DossierComponent.Database(string(w.get("source")),
                        w.get("name") == null ? null : text(w.get("name")));
            }
            LegalBasis cb = c.get("basis") == null ? null : basis(doc, ptr + "/basis", string(c.get("basis")), bases);
            components.add(new DossierComponent(id, text(c.get("name")),
                    DossierComponent.CopyKind.valueOf(string(c.get("form"))),
                    c.get("quantity") == null ? 1 : asInt(c.get("quantity")),
                    c.get("presence") == null ? DossierComponent.Presence.REQUIRED
                            : DossierComponent.Presence.valueOf(string(c.get("presence"))), ds, cb));
        }
        List<Channel> channels = new ArrayList<>();
        items(r.get("channels")).forEach(ch -> channels.add(Channel.valueOf(string(ch))));
        List<Procedure.Alias> aliases = new ArrayList<>();
        if (r.get("aliases") != null) {
            i = 0;
            for (PackNode a : items(r.get("aliases"))) {
                String ac = string(a.get("code"));
                if (ac.equals(code)) {
                    problems.add(doc.msg("/aliases/" + i, "ALIAS_IS_CODE", "load.alias.ownCode", "alias", ac));
                }
                aliases.add(new Procedure.Alias(ac, a.get("note") == null ? null : string(a.get("note"))));
                i++;
            }
        }
        Procedure.Commitment commitment = null;
        PackNode cm = r.get("commitment");
        if (cm != null) {
            LegalBasis cb = cm.get("basis") == null ? null : basis(doc, "/commitment/basis", string(cm.get("basis")), bases);
            commitment = new Procedure.Commitment(decimal(cm.get("amount")), DeadlineUnit.valueOf(string(cm.get("unit"))),
                    cb, cm.get("note") == null ? null : string(cm.get("note")), doc.topLevelKeyLine("commitment"));
            // the law's maximum the commitment must keep within: the one limit, or every value of a dated series (the
            // commitment holds in every period, so a later, shorter limit binds it too); none when the limit is unknown
            List<TimeLimit> maxima = series != null ? series.values().stream().map(v -> v.value().limit()).toList()
                    : deadline != null ? List.of(deadline.limit()) : List.of();
            for (TimeLimit max : maxima) {
                if (!commitment.withinMaximum(max)) {
                    // each language names the times its own way: "15 ngày làm việc", "15 WORKING_DAYS"
                    problems.add(doc.problem("/commitment", "COMMITMENT_EXCEEDS_MAXIMUM",
                            Msg.vi("load.procedure.commitmentTooLong", "committed", commitment.labelVi(), "maximum", max.labelVi()),
                            Msg.en("load.procedure.commitmentTooLong", "committed", commitment.amount().toPlainString() + " " + commitment.unit(),
                                    "maximum", max.amount() + " " + max.unit())));
                    break; // one problem: the first limit it exceeds
                }
            }
            if (d.get("values") == null && d.get("unknown") != null && asBoolean(d.get("unknown"))) {
                // nothing to keep within, and no decision would count it (no deadline): refused, not ignored
                problems.add(doc.msg("/commitment", "COMMITMENT_WITHOUT_MAXIMUM", "load.procedure.commitmentWithoutMaximum"));
            }
        }
        Procedure.Competence competence = null;
        PackNode ct = r.get("competence");
        if (ct != null) {
            Procedure.Competence.By by = Procedure.Competence.By.valueOf(string(ct.get("by")));
            String field = ct.get("field") == null ? null : string(ct.get("field"));
            String unit = ct.get("unit") == null ? null : string(ct.get("unit"));
            if (by == Procedure.Competence.By.FORM_UNIT && field == null) {
                problems.add(doc.msg("/competence", "COMPETENCE_FIELD", "load.competence.field"));
            }
            if (by == Procedure.Competence.By.FIXED_UNIT && unit == null) {
                problems.add(doc.msg("/competence", "COMPETENCE_UNIT", "load.competence.unit"));
            }
            LegalBasis kb = ct.get("basis") == null ? null : basis(doc, "/competence/basis", string(ct.get("basis")), bases);
            Procedure.Competence.Transfer transfer = null;
            PackNode tr = ct.get("transfer");
            if (tr != null && asLong(tr.get("amount")) > 0) {
                transfer = new Procedure.Competence.Transfer(
                        new TimeLimit(asLong(tr.get("amount")), DeadlineUnit.valueOf(string(tr.get("unit")))),
                        tr.get("counted") == null || asBoolean(tr.get("counted")),
                        tr.get("basis") == null ? null : basis(doc, "/competence/transfer/basis", string(tr.get("basis")), bases));
            }
            competence = new Procedure.Competence(by, field, unit, kb, transfer);
        }
        if (io.github.motcua.kernel.ProblemSink.found(problems) > before) {
            return null;
        }
        if (deadline != null) {
            deadline = cutOff(doc, d, deadline, code, r, bases);
        }
        if (series != null) {
            // one cut-off for every period: the procedure's own, else the pack's rule
            Procedure.BaseDeadline first = cutOff(doc, d, series.values().get(0).value(), code, r, bases);
            List<Parameter.Dated<Procedure.BaseDeadline>> withCutOff = new ArrayList<>();
            for (Parameter.Dated<Procedure.BaseDeadline> v : series.values()) {
                withCutOff.add(new Parameter.Dated<>(v.from(), v.value().withCutOff(first.cutOff(), first.cutOffBasis()),
                        v.basis(), v.to()));
            }
            series = new Parameter<>(series.id(), withCutOff);
        }
        // the code as one instance per text (interned): the fee tables and the forms key their maps by the same
        // instance, so a decision's look-ups by its procedure's code match by identity and read the code's text once
        // (docs/performance.md, "Session 22 — the skewed mix")
        return new Procedure(code.intern(), text(r.get("name")), r.get("field") == null ? null : text(r.get("field")),
                Procedure.Level.valueOf(string(r.get("level"))), r.get("agency") == null ? null : text(r.get("agency")),
                channels, r.get("onlineLevel") == null ? Procedure.OnlineLevel.NONE
                        : Procedure.OnlineLevel.valueOf(string(r.get("onlineLevel"))),
                r.get("boundaryFree") != null && asBoolean(r.get("boundaryFree")),
                r.get("result") == null ? null : text(r.get("result")), procBases, deadline, steps, components,
                aliases, commitment, competence, source, stepConditions, series);
    }

    /**
     * A step's {@code when.field} must be a field of the procedure's form: a misspelt field would never
     * match, and the step (the tax authority's, the commune's posting) would silently never apply.
     */
    private void stepConditions(Procedure p) {
        FormFields form = p.stepConditions().isEmpty() ? null : form();
        if (form == null) {
            whenAt.clear();
            return;
        }
        for (Procedure.StepCondition c : p.stepConditions()) {
            String ptr = whenAt.get(c.step());
            if (ptr != null && form.field(c.field()) == null) {
                PackProblem at = whenDoc.problem(ptr, "STEP_UNKNOWN_FIELD", "", "");
                String near = String.join(", ", FormFields.closest(c.field(), form.paths()));
                problems.add(Msg.problem(at.file(), at.line(), at.column(), "STEP_UNKNOWN_FIELD", "load.procedure.stepUnknownField",
                        "step", c.step(), "field", c.field(), "closest", near));
            }
        }
        whenAt.clear();
    }

    /**
     * {@code deadline.values}: the base time limit as a dated series, each value with its
     * {@code validFrom} (the first may leave it out: in force since before any dossier), optional
     * {@code validTo} (inclusive) and basis. A period that starts on or before the previous one's
     * {@code validTo} overlaps it: a problem at its line. Null when any value has a problem.
     */
    private Parameter<Procedure.BaseDeadline> series(YamlDoc doc, PackNode values, String code,
            Map<String, LegalBasis> bases) {
        long before = io.github.motcua.kernel.ProblemSink.found(problems);
        List<Parameter.Dated<Procedure.BaseDeadline>> out = new ArrayList<>();
        Parameter.Dated<Procedure.BaseDeadline> prev = null;
        int prevLine = 0;
        int j = 0;
        for (PackNode v : items(values)) {
            String vp = "/deadline/values/" + j++;
            int line = doc.position(vp)[0];
            LegalBasis b = basis(doc, vp + "/basis", string(v.get("basis")), bases);
            java.time.LocalDate from = date(doc, vp + "/validFrom", v.get("validFrom"));
            java.time.LocalDate to = date(doc, vp + "/validTo", v.get("validTo"));
            if (from == null && v.get("validFrom") == null && prev != null) {
                problems.add(doc.msg(vp, "DEADLINE_NO_VALID_FROM", "load.deadline.noValidFrom"));
                continue;
            }
            java.time.LocalDate start = from == null ? java.time.LocalDate.MIN : from;
            if (to != null && to.isBefore(start)) {
                problems.add(doc.msg(vp + "/validTo", "BAD_VALUE", "load.deadline.toBeforeFrom",
                        "to", String.valueOf(to), "from", String.valueOf(from)));
                continue;
            }
            if (prev != null && (!start.isAfter(prev.from()) || (prev.to() != null && !prev.to().isBefore(start)))) {
                String period = (prev.value().validFrom() == null ? "…" : prev.value().validFrom().toString()) + ".."
                        + (prev.to() == null ? "" : prev.to().toString());
                problems.add(doc.msg(vp + "/validFrom", "DEADLINE_OVERLAP", "load.deadline.overlap",
                        "from", String.valueOf(from), "period", period, "line", String.valueOf(prevLine)));
                continue;
            }
            if (b == null || from == null && v.get("validFrom") != null || to == null && v.get("validTo") != null) {
                continue; // reported
            }
            Procedure.BaseDeadline bd = new Procedure.BaseDeadline(
                    new TimeLimit(asLong(v.get("amount")), DeadlineUnit.valueOf(string(v.get("unit")))), b, null, from,
                    line, null, to);
            prev = new Parameter.Dated<>(start, bd, b, to);
            prevLine = line;
            out.add(prev);
        }
        return io.github.motcua.kernel.ProblemSink.found(problems) == before && !out.isEmpty() ? new Parameter<>("deadline." + code, out) : null;
    }

    private java.time.LocalDate date(YamlDoc doc, String ptr, PackNode n) {
        if (n == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(string(n));
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(doc.msg(ptr, "BAD_VALUE", "load.deadline.badDate", "date", string(n)));
            return null;
        }
    }

    /**
     * The procedure's cut-off: its own {@code deadline.cutOff} ({@code none}, or an hour citing
     * {@code cutOffBasis}, else the limit's basis), or when it names none, the first pack.yaml
     * {@code cutOffs} rule that covers it, or none.
     */
    private Procedure.BaseDeadline cutOff(YamlDoc doc, PackNode d, Procedure.BaseDeadline deadline, String code,
            PackNode r, Map<String, LegalBasis> bases) {
        PackNode own = d.get("cutOff");
        LegalBasis ownBasis = d.get("cutOffBasis") == null ? null
                : basis(doc, "/deadline/cutOffBasis", string(d.get("cutOffBasis")), bases);
        if (own == null) {
            return cutOffs.apply(code, r.get("field") == null ? null : text(r.get("field")).vi(),
                    Procedure.Level.valueOf(string(r.get("level"))), deadline);
        }
        if (string(own).equals("none")) {
            return deadline.withCutOff(null, null);
        }
        LegalBasis b = ownBasis != null ? ownBasis : deadline.basis();
        if (b == null && d.get("cutOffBasis") == null) {
            problems.add(doc.msg("/deadline/cutOff", "CUT_OFF_NO_BASIS", "load.deadline.cutOffNoBasis"));
        }
        return deadline.withCutOff(LocalTime.parse(string(own)), b);
    }

    private LegalBasis basis(YamlDoc doc, String ptr, String id, Map<String, LegalBasis> bases) {
        LegalBasis b = bases.get(id);
        if (b == null) {
            String near = String.join(", ", FormFields.closest(id, bases.keySet()));
            problems.add(doc.msg(ptr, "UNKNOWN_BASIS", "load.procedure.unknownBasis", "id", id, "closest", near));
        }
        return b;
    }

    /** {@code cases/_base.yaml}: the procedure's base dossier, which every case of the procedure changes. */
    static boolean isBase(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("_base.yaml") || name.equals("_base.yml");
    }

    /** The base dossier (null when it is missing or has problems, which are reported). */
    private record Base(String file, ObjectNode dossier, YamlDoc doc) {
    }

    /**
     * The cases whose dossier names another procedure, by that code and where it is written (the base or a case file):
     * a procedure folder copied under a new code names the old one in every case, and one problem per case buried the
     * one edit to make. The first case is kept to point at; the count says how many more.
     */
    private static final class WrongProcedure {
        final YamlDoc doc;
        final String pointer;
        final String caseName;
        int count;

        WrongProcedure(YamlDoc doc, String pointer, String caseName) {
            this.doc = doc;
            this.pointer = pointer;
            this.caseName = caseName;
        }
    }

    /** A case already read: its merged dossier, to report a case that changes nothing relative to it. */
    private record Seen(String name, String file, int line, JsonNode dossier) {
    }

    /**
     * Adds {@code t}'s rules to the folder's {@code count}; past {@link ProcedureCompiler#MAX_RULES}, adds
     * {@code DRL_TOO_MANY_RULES} at {@code t}'s file and says so: the folder is refused before any of its rules is
     * checked, parsed, translated or assembled (about 7 kB a rule while that runs), and nothing more of it is read.
     */
    private boolean tooManyRules(LoadedPack.RuleText t, List<LoadedPack.RuleText> before, int[] count) {
        // a bound above the count first (no text parsed at load for it: a lazily compiled procedure parses its rules at
        // its first use); past the limit, the exact count of the folder's texts so far decides and is the one reported
        count[0] += t.source().rulesAtMost();
        if (count[0] <= ProcedureCompiler.MAX_RULES) {
            return false;
        }
        int exact = t.source().rules().size();
        for (LoadedPack.RuleText r : before) {
            exact += r.source().rules().size();
        }
        count[0] = exact;
        if (count[0] <= ProcedureCompiler.MAX_RULES) {
            return false;
        }
        problems.add(Msg.problem(t.file(), 0, 0, "DRL_TOO_MANY_RULES", "load.drl.tooManyRulesInProcedure",
                "count", Integer.toString(count[0]), "max", Integer.toString(ProcedureCompiler.MAX_RULES)));
        return true;
    }

    /** The nodes of a JSON tree (every value, object and array, the root included), without recursion. */
    static int nodes(JsonNode root) {
        if (root == null) {
            return 0;
        }
        int n = 0;
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode x = todo.pop();
            n++;
            if (x.isContainer()) {
                for (JsonNode child : x) {
                    todo.push(child);
                }
            }
        }
        return n;
    }

    private Base base(String path, FormFields form) {
        byte[] stored = files.tree(path);
        String text = stored != null ? null : files.text(path, problems);
        YamlDoc doc = stored != null ? (files.storedIsText(path, problems) ? YamlDoc.stored(path, stored, problems) : null)
                : text == null ? null : YamlDoc.parse(path, text, problems);
        if (doc == null) {
            return null;
        }
        JsonNode d = doc.root().get("dossier");
        if (!doc.root().isObject() || d == null || !d.isObject() || doc.root().size() != 1) {
            problems.add(doc.msg("", "CASE_BAD_BASE", "load.case.badBase"));
            return null;
        }
        if (form != null && d.get("form") != null) {
            FormChecks.caseForm(doc, "/dossier/form", d.get("form"), form, problems);
        }
        return new Base(path, (ObjectNode) d, doc);
    }

    /**
     * The base with the case's changes: objects merge key by key, anything else (lists included) replaces,
     * and a key set to null ({@code null} or {@code ~}) removes it.
     */
    static ObjectNode merge(ObjectNode base, JsonNode change) {
        ObjectNode out = base.deepCopy();
        for (Map.Entry<String, JsonNode> e : change.properties()) {
            JsonNode v = e.getValue();
            JsonNode old = out.get(e.getKey());
            if (v == null || v.isNull() || v.isString() && v.asString().equals("~")) { // YAML's ~ is null; the parser keeps it as text
                out.remove(e.getKey());
            } else if (v.isObject() && old != null && old.isObject()) {
                out.set(e.getKey(), merge((ObjectNode) old, v));
            } else {
                out.set(e.getKey(), v.deepCopy());
            }
        }
        return out;
    }

    /**
     * One {@code CASE_WRONG_PROCEDURE} per code and place it is written: at the base's {@code procedure} when the cases
     * take it from there (one edit fixes them all), else at the first case naming it, with how many cases do. Different
     * wrong codes stay different problems: each is its own mistake.
     */
    private void wrongProcedures(Procedure p, Map<String, WrongProcedure> wrong) {
        for (Map.Entry<String, WrongProcedure> e : wrong.entrySet()) {
            WrongProcedure w = e.getValue();
            String code = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            boolean inBase = e.getKey().startsWith("base\u0000");
            String key = inBase ? "load.case.wrongProcedureInBase"
                    : w.count == 1 ? "load.case.wrongProcedure" : "load.case.wrongProcedureInCases";
            problems.add(w.doc.msg(w.pointer, "CASE_WRONG_PROCEDURE", key, "code", code, "own", p.code(),
                    "count", Integer.toString(w.count), "name", w.caseName));
        }
    }

    private List<PackCase> cases(String path, Procedure p, Map<String, LegalBasis> bases, FormFields form, Base base,
            Map<JsonNode, Seen> seen, int[] budget, Map<String, WrongProcedure> wrong) {
        YamlDoc doc = PackLoader.yaml(files, problems, path, "cases", false);
        if (doc == null) {
            return List.of();
        }
        List<PackCase> out = new ArrayList<>();
        JsonNode root = doc.root();
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        int baseNodes = base == null ? 0 : nodes(base.dossier());
        for (int i = 0; i < items.size(); i++) {
            String ptr = root.isArray() ? "/" + i : "";
            JsonNode c = items.get(i);
            ObjectNode own = (ObjectNode) c.get("dossier");
            // counted before the base is copied into it: the copies are what grows
            long made = (long) baseNodes + nodes(own);
            if (++budget[0] > MAX_CASES) {
                problems.add(doc.msg(ptr, "CASES_TOO_MANY", "load.case.tooMany", "max", Integer.toString(MAX_CASES)));
                return out;
            }
            if ((budget[1] += (int) Math.min(made, Integer.MAX_VALUE / 2)) > MAX_CASE_NODES) {
                problems.add(doc.msg(ptr, "CASES_TOO_LARGE", "load.case.tooLarge", "max", Integer.toString(MAX_CASE_NODES)));
                return out;
            }
            if (files.caseNodes.addAndGet(made) > MAX_PACK_CASE_NODES) {
                problems.add(doc.msg(ptr, "CASES_TOO_LARGE", "load.case.tooLargeInPack", "max", Long.toString(MAX_PACK_CASE_NODES)));
                budget[0] = MAX_CASES + 1; // nothing more of this procedure's cases
                return out;
            }
            ObjectNode dn = base == null ? own.deepCopy() : merge(base.dossier(), own);
            if (dn.get("procedure") == null) {
                dn.put("procedure", p.code());
            }
            if (c.get("asOf") != null) {
                dn.put("asOf", c.get("asOf").asString());
            }
            List<PackProblem> dp = Schemas.validate("dossier", doc, ptr + "/dossier", dn);
            if (!dp.isEmpty()) {
                problems.addAll(dp);
                continue;
            }
            if (!p.code().equals(dn.get("procedure").asString())
                    && p.aliases().stream().noneMatch(a -> a.code().equals(dn.get("procedure").asString()))) {
                // counted, reported once per code and place after the folder's cases (wrongProcedures)
                boolean fromBase = own.get("procedure") == null && base != null;
                String code = dn.get("procedure").asString();
                JsonNode caseName = c.get("name");
                String full = caseName == null ? "" : caseName.asString();
                String name = full.length() <= 120 ? full : full.substring(0, 120) + "…"; // a message quotes its start only
                wrong.computeIfAbsent((fromBase ? "base\u0000" : "case\u0000") + code, k -> fromBase
                        ? new WrongProcedure(base.doc(), "/dossier/procedure", name)
                        : new WrongProcedure(doc, ptr + "/dossier/procedure", name)).count++;
                continue;
            }
            if (units != null && dn.get("unit") != null && !units.contains(dn.get("unit").asString())) {
                // the decision would refuse the dossier (UNKNOWN_UNIT) and the case fail at its first line: say it where
                // the unit is written, the case's own dossier or the base it takes the unit from
                boolean fromBase = own.get("unit") == null && base != null;
                YamlDoc where = fromBase ? base.doc() : doc;
                String at = fromBase ? "/dossier/unit" : ptr + "/dossier/unit";
                String unit = dn.get("unit").asString();
                if (unknownUnitsAt.add(where.file() + "\u0000" + at)) {
                    problems.add(where.msg(at, "CASE_UNKNOWN_UNIT", "load.case.unknownUnit", "unit", unit,
                            "closest", String.join(", ", FormFields.closest(unit, units))));
                }
                continue;
            }
            JsonNode residence = dn.get("applicant") == null ? null : dn.get("applicant").get("residenceUnit");
            if (units != null && residence != null && residence.isString() && !units.contains(residence.asString())) {
                // refused too (UNKNOWN_RESIDENCE_UNIT): said where the code is written, as for the receiving unit
                JsonNode ownApplicant = own.get("applicant");
                boolean fromBase = (ownApplicant == null || ownApplicant.get("residenceUnit") == null) && base != null;
                YamlDoc where = fromBase ? base.doc() : doc;
                String at = (fromBase ? "" : ptr) + "/dossier/applicant/residenceUnit";
                String unit = residence.asString();
                if (unknownUnitsAt.add(where.file() + "\u0000" + at)) {
                    problems.add(where.msg(at, "CASE_UNKNOWN_RESIDENCE_UNIT", "load.case.unknownResidenceUnit", "unit", unit,
                            "closest", String.join(", ", FormFields.closest(unit, units))));
                }
                continue;
            }
            JsonNode ex0 = c.get("expect");
            boolean invalidFormExpected = ex0 != null && ex0.get("formValid") != null && !ex0.get("formValid").asBoolean();
            if (form != null && own.get("form") != null && !invalidFormExpected) {
                long before = io.github.motcua.kernel.ProblemSink.found(problems);
                FormChecks.caseForm(doc, ptr + "/dossier/form", own.get("form"), form, problems);
                if (io.github.motcua.kernel.ProblemSink.found(problems) > before) {
                    continue;
                }
            }
            Dossier dossier;
            try {
                dossier = DossierJson.fromNode(dn);
            } catch (InvalidDossierException e) {
                problems.add(doc.msg(ptr + "/dossier", "CASE_BAD_DOSSIER", "load.case.badDossier", "detail", String.valueOf(e.getMessage())));
                continue;
            }
            JsonNode ex = c.get("expect");
            long before = io.github.motcua.kernel.ProblemSink.found(problems);
            PackCase.Expectation expectation = expectation(doc, ptr + "/expect", ex, p);
            if (io.github.motcua.kernel.ProblemSink.found(problems) > before) {
                continue;
            }
            int[] at = doc.position(ptr);
            String name = c.get("name").asString();
            Seen same = seen.get(dn); // by content: one look-up, not a comparison with every case before it
            if (same != null) {
                problems.add(doc.msg(ptr + "/dossier", "CASE_SAME_DOSSIER", "load.case.sameDossier", "name", name, "other", same.name(),
                        "where", same.file() + ":" + same.line()));
                continue;
            }
            seen.put(dn, new Seen(name, path, at[0], dn));
            out.add(new PackCase(name, path, at[0], dossier, expectation));
        }
        return out;
    }

    private PackCase.Expectation expectation(YamlDoc doc, String ptr, JsonNode ex, Procedure p) {
        JsonNode comps = ex.get("components");
        List<String> required = null;
        List<String> waived = null;
        List<String> optional = null;
        Map<String, List<String>> oneOf = null;
        if (comps != null) {
            required = ids(doc, ptr + "/components/required", comps.get("required"), p);
            waived = ids(doc, ptr + "/components/waived", comps.get("waived"), p);
            optional = ids(doc, ptr + "/components/optional", comps.get("optional"), p);
            if (comps.get("oneOf") != null) {
                oneOf = new TreeMap<>();
                for (Map.Entry<String, JsonNode> g : comps.get("oneOf").properties()) {
                    oneOf.put(g.getKey(), ids(doc, ptr + "/components/oneOf/" + g.getKey(), g.getValue(), p));
                }
            }
        }
        Map<String, Object> parts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : ex.properties()) {
            if (CORE_EXPECT.contains(e.getKey())) {
                continue;
            }
            if (!expectKeys.contains(e.getKey())) {
                problems.add(doc.msg(ptr + "/" + e.getKey(), "CASE_UNKNOWN_EXPECTATION", "load.case.unknownExpectation", "key", e.getKey(),
                        "known", String.valueOf(new java.util.TreeSet<>(expectKeys))));
                continue;
            }
            parts.put(e.getKey(), DossierJson.plain(e.getValue()));
        }
        Map<String, Long> lines = null;
        Long total = null;
        if (ex.get("fees") != null) {
            total = ex.get("fees").get("total") == null ? null : ex.get("fees").get("total").asLong();
            if (ex.get("fees").get("lines") != null) {
                lines = new TreeMap<>();
                for (Map.Entry<String, JsonNode> l : ex.get("fees").get("lines").properties()) {
                    lines.put(l.getKey(), l.getValue().asLong());
                }
            }
        }
        return new PackCase.Expectation(
                ex.get("eligibility") == null ? null : Eligibility.valueOf(ex.get("eligibility").asString()),
                strings(ex.get("reasons")), required, waived, optional, oneOf, strings(ex.get("notes")),
                ex.get("deadline") == null || ex.get("deadline").get("due") == null ? null
                        : ex.get("deadline").get("due").asString(),
                total, lines, ex.get("formValid") == null ? null : ex.get("formValid").asBoolean(),
                ex.get("deadline") == null || ex.get("deadline").get("workingDays") == null ? null
                        : ex.get("deadline").get("workingDays").asInt(), parts);
    }

    private List<String> ids(YamlDoc doc, String ptr, JsonNode arr, Procedure p) {
        if (arr == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : arr) {
            String id = n.asString();
            if (p.component(id).isEmpty()) {
                problems.add(doc.msg(ptr + "/" + i, "CASE_UNKNOWN_COMPONENT", "load.case.unknownComponent", "id", id, "code", p.code()));
            }
            out.add(id);
            i++;
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode arr) {
        if (arr == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asString()));
        return List.copyOf(out);
    }
}
