package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Dossier;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Rules as data (issue 15): a procedure whose rules are plain vocabulary is built into its KieBase without generated
 * code, and decides exactly as the code path does — the same rules in the same order with the same attributes, the
 * same actions in the same order, the same failure naming the same rule — on the Gia Lai pack's procedures, its
 * cases, and forms with missing fields, values of the wrong type and numbers at the rules' boundaries.
 */
class DataRulesTest {
    static final Path GIA_LAI = Path.of("../examples/packs/gia-lai");
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    /** One procedure of the pack: its source, rule infos and the two KieBases. */
    record Built(String code, LoadedPack.ProcedureSource src, DataRules.Translated data, KieBase dataBase, KieBase codeBase) {
    }

    static Map<String, LoadedPack.ProcedureSource> giaLai() {
        List<PackProblem> problems = new ArrayList<>();
        PackFiles files = PackFiles.read(GIA_LAI, problems);
        PackLoader.Loaded loaded = PackLoader.load(files, BuiltInSections.all(), problems, null);
        assertTrue(problems.isEmpty(), problems::toString);
        return new TreeMap<>(loaded.pack().procedures());
    }

    static Built build(LoadedPack.ProcedureSource src) {
        List<PackProblem> problems = new ArrayList<>();
        ProcedureCompiler.Checked c = ProcedureCompiler.check(src, Map.of(), problems, false);
        assertNotNull(c, problems::toString);
        String pkg = ProcedureCompiler.packageName(src);
        DataRules.Translated data = DataRules.translate(pkg, ProcedureCompiler.restrict(src, problems));
        if (data == null) {
            return new Built(src.procedure().code(), src, null, null, null);
        }
        List<PackageDescr> trees = ProcedureCompiler.restrict(src, problems);
        RuleClasses.Generated g = RuleClasses.generate(pkg, trees, c.rules(), ProcedureCompiler.blame(src),
                errors -> problems.add(new PackProblem("x", 0, 0, "DRL_COMPILE", errors.toString(), errors.toString())), problems);
        assertNotNull(g, problems::toString);
        return new Built(src.procedure().code(), src, data, DataRules.kieBase(data), RuleClasses.assemble(g));
    }

    @Test
    void giaLai_everyProcedureWithRules_takesTheDataPath() {
        int withRules = 0;
        List<String> code = new ArrayList<>();
        for (LoadedPack.ProcedureSource src : giaLai().values()) {
            if (src.rules().stream().allMatch(t -> t.source().rules().isEmpty())) {
                continue;
            }
            withRules++;
            List<PackProblem> problems = new ArrayList<>();
            String why = DataRules.outside(ProcedureCompiler.packageName(src), ProcedureCompiler.restrict(src, problems));
            if (why != null) {
                code.add(src.procedure().code() + ": " + why);
            }
        }
        assertTrue(withRules >= 14, "procedures with rules: " + withRules);
        assertEquals(List.of(), code, "procedures left on the code path");
    }

    @Test
    void giaLai_sameRulesSameOrderSameAttributesAndMetadata() {
        for (LoadedPack.ProcedureSource src : giaLai().values()) {
            Built b = build(src);
            if (b.data() == null) {
                continue;
            }
            assertEquals(rules(b.codeBase()), rules(b.dataBase()), b.code());
            assertEquals(constraints(b.codeBase()), constraints(b.dataBase()), b.code());
            assertEquals(CompiledProcedure.matched(b.codeBase()), CompiledProcedure.matched(b.dataBase()), b.code());
        }
    }

    /** Each rule in load order: name, salience, flags, groups, metadata. */
    static List<String> rules(KieBase kb) {
        List<RuleImpl> all = new ArrayList<>();
        kb.getKiePackages().forEach(p -> p.getRules().forEach(r -> all.add((RuleImpl) r)));
        all.sort((a, b) -> Integer.compare(a.getLoadOrder(), b.getLoadOrder()));
        List<String> out = new ArrayList<>();
        for (RuleImpl r : all) {
            out.add(r.getPackageName() + "/" + r.getName() + " salience=" + r.getSalience() + " noLoop=" + r.isNoLoop()
                    + " lockOnActive=" + r.isLockOnActive() + " agenda=" + r.getAgendaGroup() + " activation=" + r.getActivationGroup()
                    + " meta=" + new TreeMap<>(r.getMetaData()) + " patterns=" + r.getLhs().getChildren().size()
                    + " declarations=" + new TreeMap<>(r.getDeclarations()).keySet().size());
        }
        return out;
    }

    /**
     * Each rule's patterns in order, each with its type, listened properties and constraints: the predicate information
     * Drools quotes (constraint text and the rules that share it), the index's operator, and which constraints of the
     * procedure share one expression id (numbered by first appearance) — what node sharing goes by.
     */
    static List<String> constraints(KieBase kb) {
        List<org.drools.base.definitions.rule.impl.RuleImpl> all = new ArrayList<>();
        kb.getKiePackages().forEach(p -> p.getRules().forEach(r -> all.add((org.drools.base.definitions.rule.impl.RuleImpl) r)));
        all.sort((a, b) -> Integer.compare(a.getLoadOrder(), b.getLoadOrder()));
        Map<String, Integer> ids = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (org.drools.base.definitions.rule.impl.RuleImpl r : all) {
            out.add("rule " + r.getName());
            patterns(r.getLhs(), "", ids, out);
        }
        return out;
    }

    private static void patterns(org.drools.base.rule.RuleConditionElement e, String under, Map<String, Integer> ids, List<String> out) {
        if (e instanceof org.drools.base.rule.Pattern p) {
            out.add(under + "pattern " + p.getObjectType() + " listens " + p.getListenedProperties());
            for (org.drools.base.rule.constraint.Constraint c : p.getConstraints()) {
                if (c instanceof org.drools.modelcompiler.constraints.LambdaConstraint l) {
                    int id = ids.computeIfAbsent(l.getEvaluator().getId(), k -> ids.size());
                    out.add("  expr#" + id + " " + l.getPredicateInformation().getStringConstraint() + " rules "
                            + l.getPredicateInformation().getRuleNameMap() + " index " + l.getConstraintType() + " field " + l.getField()
                            + " reacts on " + Arrays.toString(l.getEvaluator().getReactiveProps()));
                } else {
                    out.add("  " + c.getClass().getSimpleName());
                }
            }
        } else if (e instanceof org.drools.base.rule.GroupElement g) {
            for (org.drools.base.rule.RuleConditionElement c : g.getChildren()) {
                patterns(c, under + g.getType() + " ", ids, out);
            }
        } else {
            out.add(under + e.getClass().getSimpleName());
        }
    }

    @Test
    void giaLai_prebuiltEncoding_readsBackTheSameRules_andEveryTreeIsWellFormed() {
        int n = 0;
        for (LoadedPack.ProcedureSource src : giaLai().values()) {
            List<PackProblem> problems = new ArrayList<>();
            DataRules.Translated t = DataRules.translate(ProcedureCompiler.packageName(src), ProcedureCompiler.restrict(src, problems));
            if (t == null) {
                continue;
            }
            for (DataRules.DataRule r : t.rules()) {
                r.lhs().forEach(p -> p.constraints().forEach(DataRules::wellFormed));
            }
            byte[] bytes = DataRulesFormat.encode(t);
            DataRules.Translated back = DataRulesFormat.decode(bytes);
            assertEquals(t, back, src.procedure().code());
            assertTrue(java.util.Arrays.equals(bytes, DataRulesFormat.encode(back)), "the same bytes again");
            assertEquals(constraints(DataRules.kieBase(t)), constraints(DataRules.kieBase(back)));
            n++;
        }
        assertTrue(n >= 14, "procedures " + n);
    }

    @Test
    void giaLai_decisionsAndFailuresIdentical_onGeneratedForms() {
        int runs = 0;
        int failures = 0;
        for (LoadedPack.ProcedureSource src : giaLai().values()) {
            Built b = build(src);
            if (b.data() == null) {
                continue;
            }
            for (Object[] facts : facts(b.data(), new Random(b.code().hashCode()))) {
                List<String> code = fire(b.codeBase(), facts);
                List<String> data = fire(b.dataBase(), facts);
                assertEquals(code, data, b.code() + " " + Arrays.toString(facts));
                runs++;
                failures += code.get(code.size() - 1).startsWith("failed") ? 1 : 0;
            }
        }
        assertTrue(runs > 500, "runs " + runs);
        assertTrue(failures > 20, "the generated forms must reach values of the wrong type: " + failures);
    }

    /** The rules fired (in order), the actions called (in order), then how it ended: fired, or the failure. */
    static List<String> fire(KieBase kb, Object... facts) {
        List<String> out = new ArrayList<>();
        Actions decision = (Actions) java.lang.reflect.Proxy.newProxyInstance(DataRulesTest.class.getClassLoader(),
                new Class<?>[] {Actions.class}, (proxy, m, args) -> {
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    out.add(m.getName() + Arrays.toString(m.getParameterTypes()) + Arrays.toString(args));
                    return null;
                });
        KieSession s = kb.newKieSession();
        try {
            s.setGlobal("decision", decision);
            s.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent e) {
                    out.add("rule " + e.getMatch().getRule().getName());
                }
            });
            for (Object f : facts) {
                if (f != null) {
                    s.insert(f);
                }
            }
            s.fireAllRules();
            out.add("fired");
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // the root as the decision words it (Evaluator.describe): a JVM exception's message depends on the JIT
            out.add("failed " + e.getClass().getName() + ": " + e.getMessage() + " / " + root.getClass().getName() + ": "
                    + Evaluator.describe(root));
        } finally {
            s.dispose();
        }
        return out;
    }

    static final Map<String, Unit> UNITS = Map.of(
            "xa-nui", new Unit("xa-nui", "Xã núi", "COMMUNE", Set.of("MOUNTAINOUS", "DISADVANTAGED")),
            "xa-dao", new Unit("xa-dao", "Xã đảo", "COMMUNE", Set.of("ISLAND")),
            "phuong", new Unit("phuong", "Phường", "WARD", Set.of()));

    /** Every form path a procedure's conditions read, with the literals it is compared with. */
    static Map<String, Set<Object>> paths(DataRules.Translated t) {
        Map<String, Set<Object>> out = new LinkedHashMap<>();
        for (DataRules.DataRule r : t.rules()) {
            for (DataRules.Pattern p : r.lhs()) {
                for (DataConditions.Node n : p.constraints()) {
                    collect(n, out);
                }
            }
        }
        return out;
    }

    private static void collect(DataConditions.Node n, Map<String, Set<Object>> out) {
        if (n instanceof DataConditions.Atom a && a.read().fact == DataConditions.Fact.FORM) {
            out.computeIfAbsent(a.args().get(0), k -> new LinkedHashSet<>()).add(a.read());
        } else if (n instanceof DataConditions.Comparison c && c.read().fact == DataConditions.Fact.FORM) {
            Set<Object> vs = out.computeIfAbsent(c.args().get(0), k -> new LinkedHashSet<>());
            vs.add(c.read());
            if (c.value() instanceof Double d) {
                vs.add(BigDecimal.valueOf(d)); // a decimal literal's own value, and a string of it
                vs.add(d);
                vs.add(Double.toString(d));
            }
            if (c.value() instanceof Number num) {
                long v = num.longValue();
                for (long d = -1; d <= 1; d++) {
                    if (c.read() == DataConditions.Read.FORM_AGE_IN_DAYS) {
                        vs.add(AS_OF.minusDays(v + d).toString());
                    } else if (c.read() == DataConditions.Read.FORM_AGE_IN_YEARS) {
                        vs.add(AS_OF.minusYears(v + d).toString());
                    } else {
                        vs.add(v + d);
                        vs.add(new BigDecimal(v + d).add(new BigDecimal("0.5")));
                    }
                }
            } else if (c.value() != null) {
                vs.add(c.value());
            }
        } else if (n instanceof DataConditions.Not x) {
            collect(x.operand(), out);
        } else if (n instanceof DataConditions.Group g) {
            collect(g.inner(), out);
        } else if (n instanceof DataConditions.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (n instanceof DataConditions.Or o) {
            collect(o.left(), out);
            collect(o.right(), out);
        }
    }

    /** Values of every kind, right and wrong, that any field may hold. */
    private static final List<Object> ANY = List.of("CO", "KHONG", "", 0, 5, -1, 7.5, true, false, "2026-01-01", "xa-nui", "phuong",
            Map.of("x", 1), List.of("a", "b"), List.of());

    /** Fact sets for one procedure: the empty form, each path alone with each value, then random mixes. */
    static List<Object[]> facts(DataRules.Translated t, Random rnd) {
        return factSets(t, forms(t, rnd));
    }

    /** The forms {@link #facts} puts in its fact sets, in order. */
    static List<Map<String, Object>> forms(DataRules.Translated t, Random rnd) {
        Map<String, Set<Object>> paths = paths(t);
        List<Map<String, Object>> forms = new ArrayList<>();
        forms.add(Map.of());
        for (Map.Entry<String, Set<Object>> e : paths.entrySet()) {
            List<Object> values = values(e.getValue());
            for (Object v : values) {
                Map<String, Object> f = new HashMap<>();
                put(f, e.getKey(), v);
                forms.add(f);
            }
        }
        List<String> keys = new ArrayList<>(paths.keySet());
        // random mixes (empty forms when no condition reads the form: the other facts still vary)
        for (int i = 0; i < 60; i++) {
            Map<String, Object> f = new HashMap<>();
            for (String k : keys) {
                if (rnd.nextInt(3) > 0) {
                    List<Object> values = values(paths.get(k));
                    // mostly the rules' own values, sometimes anything
                    put(f, k, rnd.nextInt(5) == 0 ? ANY.get(rnd.nextInt(ANY.size())) : values.get(rnd.nextInt(values.size())));
                }
            }
            forms.add(f);
        }
        return forms;
    }

    private static List<Object[]> factSets(DataRules.Translated t, List<Map<String, Object>> forms) {
        List<Object[]> out = new ArrayList<>();
        String[] sexes = {"MALE", "FEMALE", null};
        int[] ages = {17, 18, 19, 20, 21, 60};
        List<Set<String>> categories = List.of(Set.of(), Set.of("DISABLED"), Set.of("STUDENT", "POOR_HOUSEHOLD"), Set.of("MERITORIOUS"));
        for (int i = 0; i < forms.size(); i++) {
            Form form = new Form(forms.get(i), AS_OF, UNITS::get);
            // every eleventh applicant without a birth date (age -1)
            Applicant a = i % 7 == 6 ? null : new Applicant("001", "A", i % 11 == 10 ? null : AS_OF.minusYears(ages[i % ages.length]).minusDays(i % 2),
                    sexes[i % 3], categories.get(i % 4), UNITS.get(i % 2 == 0 ? "xa-nui" : "phuong"), AS_OF);
            Dossier d = new Dossier(t.packageName(), i % 2 == 0 ? "ONLINE" : "DESK", LocalDateTime.of(2026, 3, 2, 6 + i % 14, 0), AS_OF,
                    i % 3 == 0 ? "xa-nui" : "phuong", i % 4 == 0 ? Set.of("CSDL_HO_TICH") : Set.of());
            Unit u = i % 5 == 0 ? null : UNITS.get(i % 3 == 0 ? "xa-nui" : i % 3 == 1 ? "phuong" : "xa-dao");
            out.add(new Object[] {d, a, u, form});
        }
        return out;
    }

    private static List<Object> values(Set<Object> known) {
        List<Object> out = new ArrayList<>();
        for (Object k : known) {
            if (!(k instanceof DataConditions.Read)) {
                out.add(k);
            }
        }
        out.addAll(ANY);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> form, String path, Object v) {
        String[] parts = path.split("\\.");
        Map<String, Object> m = form;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = m.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new HashMap<String, Object>();
                m.put(parts[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.put(parts[parts.length - 1], v);
    }

    @Test
    void giaLai_engineDecisions_identicalOnThePacksCases_dataAndCodePath() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        Map<String, String> data = decisions(clock, false);
        Map<String, String> code = decisions(clock, true);
        assertTrue(data.size() > 30, "cases " + data.size());
        assertEquals(code, data);
    }

    private static Map<String, String> decisions(Clock clock, boolean codePath) {
        return decisions(GIA_LAI, clock, codePath, null);
    }

    /** Every case's decision as JSON, and when {@code variants} names a procedure, many variants of its cases. */
    private static Map<String, String> decisions(Path pack, Clock clock, boolean codePath, String variants) {
        String before = System.getProperty(DataRules.FORCE_CODE_PATH);
        if (codePath) {
            System.setProperty(DataRules.FORCE_CODE_PATH, "true");
        }
        try (Engine e = Motcua.engine().clock(clock).firingLimit(200).lazyCompile(false).build()) {
            e.load(pack).orThrow();
            Map<String, String> out = new TreeMap<>();
            for (PackCase c : e.cases()) {
                Decision d = e.decide(c.dossier());
                out.put(c.file() + ":" + c.line() + " " + c.name(), d.toJson());
                if (c.dossier().procedure().equals(variants)) {
                    List<io.github.motcua.rules.Dossier> vs = variants(c.dossier(), new Random(c.line()));
                    for (int i = 0; i < vs.size(); i++) {
                        out.put(c.file() + ":" + c.line() + " variant " + i, e.decide(vs.get(i)).toJson());
                    }
                }
            }
            // the data path generates no code for this pack; the forced code path generates every procedure's (counted
            // by this engine: another engine compiling in the JVM meanwhile does not move it)
            long withRules = e.catalog().stream()
                    .filter(p -> e.decisionPath(p.code()).orElseThrow().kind() != io.github.motcua.rules.DecisionPath.Kind.NO_RULES).count();
            assertTrue(withRules > 0);
            assertEquals(codePath ? withRules : 0, ((DefaultEngine) e).generations(), "code generated: " + codePath);
            return out;
        } finally {
            if (before == null) {
                System.clearProperty(DataRules.FORCE_CODE_PATH);
            } else {
                System.setProperty(DataRules.FORCE_CODE_PATH, before);
            }
        }
    }

    // --- session 11: the shapes the data path took on, decided against the code path ---

    static final Path SHAPES = Path.of("src/test/resources/rules-as-data/shapes.drl");
    /** The header the loader gives a rule file: every vocabulary fact imported, the decision global. */
    static final String ALL_FACTS = "package motcua.pT; import io.github.motcua.rules.vocabulary.Form; "
            + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Dossier; "
            + "import io.github.motcua.rules.vocabulary.Unit; global io.github.motcua.rules.vocabulary.Actions decision;\n";

    private static PackageDescr parsed(String drl) throws Exception {
        org.drools.drl.parser.DrlParser parser = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6);
        PackageDescr pd = parser.parse(false, ALL_FACTS + drl);
        assertFalse(parser.hasErrors(), () -> "unparsable: " + parser.getErrors());
        return pd;
    }

    /** The rules of {@code drl} as data (asserted to take the data path) and compiled by the code path. */
    private static Built built(String drl) throws Exception {
        DataRules.Translated data = DataRules.translate("motcua.pT", List.of(parsed(drl)));
        assertNotNull(data, () -> {
            try {
                return "outside: " + DataRules.outside("motcua.pT", List.of(parsed(drl)));
            } catch (Exception e) {
                return e.toString();
            }
        });
        Map<String, CompiledProcedure.RuleInfo> infos = new HashMap<>();
        int line = 1;
        for (DataRules.DataRule r : data.rules()) {
            infos.put(r.name(), new CompiledProcedure.RuleInfo(r.name(), "shapes.drl", line++, null, null, null));
        }
        List<PackProblem> problems = new ArrayList<>();
        // parsed again: the generator changes the trees it reads
        RuleClasses.Generated g = RuleClasses.generate("motcua.pT", List.of(parsed(drl)), infos, "shapes.drl",
                errors -> problems.add(new PackProblem("x", 0, 0, "DRL_COMPILE", errors.toString(), errors.toString())), problems);
        assertNotNull(g, problems::toString);
        assertNull(g.data());
        return new Built("shapes", null, data, DataRules.kieBase(data), RuleClasses.assemble(g));
    }

    @Test
    void newShapes_sameRulesConstraintsIndexesAndReactivity_asTheCodePath() throws Exception {
        Built b = built(java.nio.file.Files.readString(SHAPES));
        assertEquals(30, b.data().rules().size());
        assertEquals(rules(b.codeBase()), rules(b.dataBase()));
        // the text Drools quotes as written (spacing, parentheses, escapes), shared as the generator shares its lambdas,
        // the index a property compared with a literal gets (none for a negative one, nor under ! or parentheses)
        assertEquals(constraints(b.codeBase()), constraints(b.dataBase()));
        assertEquals(CompiledProcedure.matched(b.codeBase()), CompiledProcedure.matched(b.dataBase()));
        // the reactivity of a property under ! or parentheses, compared above, is the generator's (not nothing)
        assertTrue(constraints(b.dataBase()).stream().anyMatch(c -> c.contains("!(age < 20) ") && c.endsWith("reacts on [age]")));
    }

    /**
     * Each rule of shapes.drl alone (a failing condition ends a session, so one procedure of all of them would mostly
     * test the first to fail), then all of them together: the same rules fired, actions called and failures.
     */
    @Test
    void newShapes_decisionsAndFailuresIdentical_onGeneratedForms() throws Exception {
        String drl = java.nio.file.Files.readString(SHAPES);
        List<String> procedures = new ArrayList<>();
        for (String r : drl.split("\n(?=rule \")")) {
            if (r.startsWith("rule ")) {
                procedures.add(r);
            }
        }
        assertEquals(30, procedures.size());
        procedures.add(drl);
        int runs = 0;
        int failures = 0;
        Set<String> fired = new java.util.TreeSet<>();
        Set<String> failedIn = new java.util.TreeSet<>();
        Set<String> quiet = new java.util.TreeSet<>();
        for (String procedure : procedures) {
            Built b = built(procedure);
            boolean any = false;
            for (Object[] facts : facts(b.data(), new Random(procedure.hashCode()))) {
                List<String> code = fire(b.codeBase(), facts);
                List<String> data = fire(b.dataBase(), facts);
                assertEquals(code, data, procedure + " " + Arrays.toString(facts));
                runs++;
                String last = code.get(code.size() - 1);
                if (last.startsWith("failed")) {
                    failures++;
                    failedIn.add(b.data().rules().size() == 1 ? b.data().rules().get(0).name() : "all");
                }
                for (String x : code) {
                    if (x.startsWith("rule ")) {
                        fired.add(x);
                        any = true;
                    }
                }
            }
            if (!any && procedure != drl) {
                quiet.add(procedure.substring(0, procedure.indexOf('\n')));
            }
        }
        assertTrue(runs > 1500, "runs " + runs);
        // every rule fires on some facts (the generated ones reach each condition's values)
        assertEquals(Set.of(), quiet);
        assertEquals(30, fired.size(), fired::toString);
        // values of the wrong type and missing Booleans fail alike (bool alone unboxes a null as the generated code does)
        assertTrue(failures > 100, "failures " + failures);
        assertTrue(failedIn.containsAll(List.of("bool alone", "not bool", "negative long", "negative decimal", "all")), failedIn::toString);
    }

    @Test
    void newShapes_prebuiltEncoding_keepsEveryConstraintAsWritten() throws Exception {
        Built b = built(java.nio.file.Files.readString(SHAPES));
        byte[] bytes = DataRulesFormat.encode(b.data());
        DataRules.Translated back = DataRulesFormat.decode(bytes);
        assertEquals(b.data(), back);
        assertTrue(Arrays.equals(bytes, DataRulesFormat.encode(back)), "the same bytes again");
        assertEquals(constraints(b.codeBase()), constraints(DataRules.kieBase(back)));
        for (DataRules.DataRule r : back.rules()) {
            r.lhs().forEach(p -> p.constraints().forEach(DataRules::wellFormed));
        }
    }

    @Test
    void newShapes_oneRuleOutsideTheGrammar_keepsTheWholeProcedureOnTheCodePath() throws Exception {
        String drl = java.nio.file.Files.readString(SHAPES);
        // the last: a condition of the file written another way (the generator quotes one of the two, not by rule)
        for (String outside : List.of("Form( ((has(\"t\"))) )", "Form( text(\"t\") == \"a\\sb\" )", "Form( integer(\"n\") < - 5 )",
                "Applicant( age < 19 )", "Form( has(\"t\") && has(\"u\") )",
                "Applicant( $a : age > -1 )", "Form( bool(\"b\") == bool(\"c\") )")) {
            String more = drl + "\nrule \"outside\"\nwhen\n  " + outside + "\nthen\n  decision.note(\"x\");\nend\n";
            assertNull(DataRules.translate("motcua.pT", List.of(parsed(more))), outside);
            assertTrue(DataRules.outside("motcua.pT", List.of(parsed(more))).startsWith("rule [outside]"), outside);
        }
    }

    /**
     * Variants of a 1.001612 case's dossier over what lists.rules.yaml reads: the kind of registrant, the applicant's sex,
     * age and categories, the channel, the business line (quoted values among them) and the number of workers.
     */
    private static List<io.github.motcua.rules.Dossier> variants(io.github.motcua.rules.Dossier d, Random rnd) {
        String[] kinds = {"CA_NHAN", "THANH_VIEN_HO_GIA_DINH", "KHAC", null};
        String[] sexes = {"MALE", "FEMALE", null};
        int[] ages = {17, 18, 19, 20, 40, 41, 42};
        List<Set<String>> categories = List.of(Set.of(), Set.of("POOR_HOUSEHOLD"), Set.of("DISABLED", "CHILD"), Set.of("CHILD"));
        io.github.motcua.dossier.Channel[] channels = io.github.motcua.dossier.Channel.values();
        String[] lines = {"Bán \"bánh ít\" \\ lá gai", "Bánh \"Hoa\"", "Bánh \\\"Hoa\\\"", "Bán lẻ"};
        Boolean[] others = {true, false, null};
        Object[] workers = {0, 3, null};
        Object[] capital = {50_000_000, 49_999_999, 1000, null};
        List<io.github.motcua.rules.Dossier> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> form = new LinkedHashMap<>(d.form());
            form.put("loaiChuThe", kinds[rnd.nextInt(kinds.length)]);
            form.put("nganhNghe", lines[rnd.nextInt(lines.length)]);
            form.put("soLaoDong", workers[rnd.nextInt(workers.length)]);
            form.put("vonKinhDoanh", capital[rnd.nextInt(capital.length)]);
            form.put("daDangKyHoKinhDoanhKhac", others[rnd.nextInt(others.length)]);
            form.values().removeIf(java.util.Objects::isNull);
            io.github.motcua.rules.Dossier.Applicant a = d.applicant();
            io.github.motcua.rules.Dossier.Applicant applicant = new io.github.motcua.rules.Dossier.Applicant(a.personalId(), a.fullName(),
                    i % 9 == 8 ? null : d.receivedAt().toLocalDate().minusYears(ages[rnd.nextInt(ages.length)]).minusDays(rnd.nextInt(2)),
                    sexes[rnd.nextInt(sexes.length)], categories.get(rnd.nextInt(categories.size())), a.residenceUnit());
            int[] hours = {7, 8, 10, 14, 15, 16};
            java.time.OffsetDateTime received = d.receivedAt().withHour(hours[rnd.nextInt(hours.length)]);
            out.add(new io.github.motcua.rules.Dossier(d.procedure(), channels[rnd.nextInt(channels.length)], received, d.unit(),
                    d.asOf(), applicant, form, d.heldData(), d.excludedPeriods()));
        }
        return out;
    }

    @Test
    void newShapes_rulesYamlListsAndDrl_wholeDecisionsIdentical_dataAndCodePath(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path pack = giaLaiWithNewShapes(tmp);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        // the data path generates no code for the pack with the new file (decisions asserts it), the code path all of it
        Map<String, String> data = decisions(pack, clock, false, "1.001612");
        Map<String, String> code = decisions(pack, clock, true, "1.001612");
        assertTrue(data.size() > 200, "decisions " + data.size());
        assertEquals(code, data);
        // and stored in a prebuilt pack (each constraint as written, parsed back at load): the same decisions
        Path artifact = tmp.resolve("gia-lai.motcua");
        try (io.github.motcua.rules.PrebuiltPack p = io.github.motcua.rules.PrebuiltPack.compile(pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
        assertEquals(data, decisions(artifact, clock, false, "1.001612"));
        // a missing Boolean read alone fails the rule on both paths in the same words: a null unboxed, named by its class
        // alone (Evaluator.describe: the JVM's message for it depends on whether the code is JIT-compiled yet)
        assertTrue(data.values().stream().anyMatch(j -> j.contains("RULE_FAILED") && j.contains("(bool đứng một mình)] (procedures/1.001612/more.drl:")
                && j.contains("gặp lỗi khi chạy: NullPointerException\"") && j.contains("failed: NullPointerException\"")),
                "no decision failed on bool alone");
        // and the new rules decided something: each of their notes appears in some decision
        for (String note : List.of("một trong hai", "không loại nào", "giới tính đã biết", "18 hoặc 19", "không 40, 41", "diện ưu tiên",
                "không diện ưu tiên", "không trực tuyến", "cấp xã", "có số lao động", "khác -5", "vốn đủ", "nhận buổi chiều muộn", "nhận sáng sớm",
                "chưa \\\"đăng ký\\\" khác", "người trẻ bán bánh", "ngành nghề \\\"đặc biệt\\\"")) {
            assertTrue(data.values().stream().anyMatch(j -> j.contains(note)), note);
        }
    }

    /** A copy of the Gia Lai pack whose 1.001612 has lists.rules.yaml and more.drl beside its own rules. */
    private static Path giaLaiWithNewShapes(Path tmp) throws java.io.IOException {
        Path pack = tmp.resolve("gia-lai");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(GIA_LAI)) {
            for (Path f : files.toList()) {
                Path to = pack.resolve(GIA_LAI.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(f, to);
                }
            }
        }
        java.nio.file.Files.copy(Path.of("src/test/resources/rules-as-data/lists.rules.yaml"),
                pack.resolve("procedures/1.001612/lists.rules.yaml"));
        java.nio.file.Files.copy(Path.of("src/test/resources/rules-as-data/more.drl"), pack.resolve("procedures/1.001612/more.drl"));
        return pack;
    }

    @Test
    void newShapes_oneRuleOutsideTheGrammar_compilesThatProcedureOnly_sameDecisions(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path pack = giaLaiWithNewShapes(tmp);
        // a second pair of parentheses around a whole constraint: outside the grammar, so 1.001612 (and only it) compiles
        java.nio.file.Files.writeString(pack.resolve("procedures/1.001612/outside.drl"), """
                rule "Ngành nghề trong hai cặp ngoặc"
                  @basis("ND01-2021-D80")
                when
                  Form( ((has("nganhNghe"))) )
                then
                  decision.note("hai cặp ngoặc / two pairs");
                end
                """);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        Map<String, String> mixed = new TreeMap<>();
        try (Engine e = Motcua.engine().clock(clock).firingLimit(200).lazyCompile(false).build()) {
            e.load(pack).orThrow();
            assertEquals(1, ((DefaultEngine) e).generations(), "procedures compiled");
            for (PackCase c : e.cases()) {
                mixed.put(c.file() + ":" + c.line() + " " + c.name(), e.decide(c.dossier()).toJson());
            }
        }
        Map<String, String> code = decisions(pack, clock, true, null);
        assertEquals(code, mixed);
        assertTrue(mixed.values().stream().anyMatch(j -> j.contains("hai cặp ngoặc")));
    }

    // --- the subset: what is accepted, and what sends the procedure down the code path ---

    private static DataRules.Translated translate(String drl) throws Exception {
        PackageDescr pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                .parse(false, RuleClassesTest.HEADER + drl);
        assertNotNull(pd, () -> "unparsable: " + drl);
        return DataRules.translate("motcua.pT", List.of(pd));
    }

    private static String rule(String when, String then) {
        return "rule \"r\" when " + when + " then " + then + "\nend\n";
    }

    @Test
    void subset_acceptsTheVocabulary() throws Exception {
        for (String when : List.of("Form( text(\"a\") == \"X\" )", "Form( has(\"a\") && ageInDays(\"a\") < 7304 )",
                "Form( unitHasFlag(\"a\", \"F\") || !unitHasFlag(\"a\", \"G\") )", "Applicant( sex == \"MALE\", age < 20 )",
                "not Applicant( sex == \"MALE\" )", "exists Dossier( hasHeldData(\"CSDL\") )", "Dossier()",
                "Form( (text(\"a\") == \"X\" || text(\"a\") == \"Y\") && bool(\"b\") != true )", "Form( decimal(\"a\") >= 500 )",
                "Form( integer(\"a\") != null, integer(\"a\") < 7 )", "Form( count(\"a\") == 0 )", "Applicant( hasCategory(\"X\") )",
                "Dossier( channel == \"ONLINE\" )", "Dossier( online )", "Unit( hasFlag(\"X\") )", "Form( !(bool(\"a\") == true) )",
                "Applicant( age >= 0 && age < 18 )", "Applicant( sex == \"MALE\" || hasCategory(\"A\") && age < 18 )",
                // session 11: bool alone, negative numbers, ! and parentheses around properties, the rules.yaml lists,
                // escapes in a condition's literal, parentheses anywhere inside a constraint
                "Form( bool(\"a\") )", "Form( !bool(\"a\") && has(\"b\") )", "Form( integer(\"a\") < -5 )", "Applicant( age == -1 )",
                "Form( decimal(\"a\") >= -500 )", "Applicant( !(age < 20) )", "Applicant( (age < 20) )", "Dossier( !online )",
                "Applicant( ( sex == \"MALE\" || sex == \"FEMALE\" ) )", "Form( ( text(\"a\") != \"X\" && text(\"a\") != \"Y\" ) )",
                "Applicant( age >= 0 && ( age == 18 || age == 19 ) )", "Form( text(\"a\") == \"X\\\"\" )",
                "Form( text(\"a\") == \"\\\\ \\t\\n\\r\\b\\f\\'\" )", "Form( (has(\"a\")) )", "Form( has(\"a\") && (has(\"b\")) )",
                "Form( ((has(\"a\") || has(\"b\"))) && has(\"c\") )", "Form( (has(\"a\") && has(\"b\")) || has(\"c\") )",
                "Form( decimal(\"a\") < 1.5 )", "Form( decimal(\"a\") == -0.25 )", "Form( decimal(\"a\") >= 1.1234567890 )",
                "Dossier( receivedAt.hour >= 15 )", "Dossier( ( receivedAt.hour == 7 || receivedAt.hour == 8 ) )")) {
            assertNotNull(translate(rule(when, "decision.note(\"n\");")), when);
        }
        for (String then : List.of("decision.ineligible(\"a\", \"b\");", "decision.extend(10, \"WORKING_DAYS\", \"x\");",
                "decision.requireOneOf(\"g\", \"a\", \"b\"); // c\n decision.require(\"c\"); /* d */", "decision.reduce(\"i\", 50, \"r\");",
                "decision.note(\"a\\n\\\"b\\\"\");", "decision.note(\"a\\sb\");")) {
            assertNotNull(translate(rule("Dossier()", then)), then);
        }
    }

    @Test
    void subset_anythingElse_takesTheCodePath() throws Exception {
        for (String when : List.of("$f : Form( text(\"a\") == \"X\" )", "Form( text(\"a\") == \"X\" + \"Y\" )",
                "Form( text(\"a\") matches \"X.*\" )", "Form( text(\"a\") in (\"X\", \"Y\") )", "Form( value(\"a\") == null )",
                "Form( integer(\"a\") < 5l )", "Form( integer(\"a\") < 07 )", "Form( integer(\"a\") < 1.5 )", "Form( count(\"a\") < 1.5 )",
                "Form( decimal(\"a\") < 1.5e3 )", "Form( decimal(\"a\") < 1. )", "Form( decimal(\"a\") < .5 )", "Form( decimal(\"a\") < -0.0 )",
                "Form( decimal(\"a\") < 1.5d )", "Form( decimal(\"a\") < 00.5 )", "Form( decimal(\"a\") < 1.12345678901 )",
                "Applicant( age < 1.5 )",
                "Form( text(\"a\") < \"X\" )", "Form( text(\"a\") == true )", "Form( !text(\"a\") == \"X\" )",
                "Form( has(\"a\") ) or Form( has(\"b\") )",
                // still outside after session 11: two pairs of parentheses around a whole constraint, the space escape in
                // a condition (Drools' condition parser refuses it), an escape in a read's argument, a minus sign apart
                // from its digits, minus zero, a negative number with a suffix or where no literal stands, !bool == x
                "Form( ((has(\"a\"))) )", "Applicant( ((age < 20)) )", "Form( text(\"a\") == \"X\\sY\" )", "Form( text(\"a\\\"b\") == \"X\" )",
                "Form( integer(\"a\") < - 5 )", "Form( integer(\"a\") < -0 )", "Form( integer(\"a\") < -5l )", "Form( integer(\"a\") < --5 )",
                "Form( integer(\"a\") - 1 < 5 )", "Form( -integer(\"a\") < 5 )", "Form( -5 < integer(\"a\") )", "Form( bool(\"a\") == -1 )",
                "Form( text(\"a\") == -1 )", "Form( has(\"a\") == -1 )", "Applicant( age < -2147483648 )", "Form( !bool(\"a\") == true )",
                "Form( bool(\"a\") == bool(\"b\") )", "Form( (bool(\"a\")) == true )", "Dossier( receivedAt.minute < 5 )",
                "Dossier( receivedAt.hour.x < 5 )", "Dossier( receivedAt.hour() < 5 )", "Dossier( receivedAt == null )", "Dossier( receivedAt.hour < 1.5 )",
                "Dossier( receivedAt.dayOfWeek == \"MONDAY\" )", "not ( Form( has(\"a\") ) and Dossier() )",
                "Form( text(\"a\") == \"\\u0058\" )", "Form( this.text(\"a\") == \"X\" )", "Form( age < 5 )",
                "Applicant( getSex() == \"MALE\" )", "Form( has(\"a\") == has(\"b\") )", "Form( count(\"a\") > 2147483648 )",
                "Form( has(\"a\"), $x : text(\"b\") )")) {
            assertNull(translate(rule(when, "decision.note(\"n\");")), when);
        }
        for (String then : List.of("decision.note(\"a\" + \"b\");", "System.exit(0);", "decision.note(\"a\"); insert(new Object());",
                "if (true) { decision.note(\"a\"); }", "decision.extend(10L, \"WORKING_DAYS\", \"x\");", "decision.note(null);",
                "decision.requireOneOf(\"g\", \"a\");", "decision.note(\"a\")", "decision.note(\"\\u0041\");", "// nothing",
                "decision.addFee(\"x\", 1 + 1);", "decision.note(\"a\" );\\u000a System.exit(0);", "decision.addFee(\"x\", -1);",
                "decision.extend(-1, \"WORKING_DAYS\", \"x\");", "decision.reduce(\"i\", -50, \"r\");",
                "decision.extend(1.5, \"WORKING_DAYS\", \"x\");")) {
            assertNull(translate(rule("Dossier()", then)), then);
        }
        // one rule outside the subset keeps the whole procedure on the code path
        assertNull(translate(rule("Dossier()", "decision.note(\"a\");") + rule("Form( text(\"a\") matches \"x\" )", "decision.note(\"b\");")
                .replace("rule \"r\"", "rule \"r2\"")));
    }

    @Test
    void constraint_countsNodesAsItParses_refusingPastTheLimitBeforeTheRestIsParsed() throws Exception {
        // at the translator's limit: 8 chains joined by ||, each of 16 has() joined by && (255 nodes), one negated
        String atLimit = chains(1);
        assertEquals(DataRules.MAX_NODES, DataRules.constraintOrRefused(DataConditions.Fact.FORM, atLimit).size());
        assertNotNull(translate(rule("Form( " + atLimit + " )", "decision.note(\"n\");")), "a rule file's constraint at the limit");
        // in parentheses, which the generator drops: the same constraint
        assertEquals(DataRules.MAX_NODES, DataRules.constraintOrRefused(DataConditions.Fact.FORM, "(" + atLimit + ")").size());
        // one node more (a second negation): refused, from a prebuilt entry as from a rule file (the code path)
        IllegalArgumentException over = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DataRules.constraintOrRefused(DataConditions.Fact.FORM, chains(2)));
        assertEquals("constraint: size", over.getMessage());
        assertNull(translate(rule("Form( " + chains(2) + " )", "decision.note(\"n\");")));
        // far past it, then text the parser would refuse for another reason: refused for the size, counted as the tree
        // was made, before the parser came to the rest
        String far = atLimit + " || has(\"x\")".repeat(100) + " || )))";
        IllegalArgumentException cut = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DataRules.constraintOrRefused(DataConditions.Fact.FORM, far));
        assertEquals("constraint: size", cut.getMessage());
        IllegalArgumentException syntax = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DataRules.constraintOrRefused(DataConditions.Fact.FORM, "has(\"x\") || )))"));
        assertEquals("constraint: primary", syntax.getMessage()); // what the same text short of the limit gives
    }

    /** 8 chains joined by ||, each of 16 has() joined by && (255 nodes), the first {@code negated} has() negated. */
    private static String chains(int negated) {
        StringBuilder when = new StringBuilder();
        for (int c = 0; c < 8; c++) {
            for (int a = 0; a < 16; a++) {
                when.append(a > 0 ? " && " : c > 0 ? " || " : "").append(c * 16 + a < negated ? "!" : "")
                        .append("has(\"a").append(c).append('_').append(a).append("\")");
            }
        }
        return when.toString();
    }

    @Test
    void subset_limits_depthAndSize_takeTheCodePath() throws Exception {
        String deep = "(".repeat(DataRules.MAX_DEPTH + 1) + "has(\"a\")" + ")".repeat(DataRules.MAX_DEPTH + 1);
        assertNull(translate(rule("Form( " + deep + " )", "decision.note(\"n\");")));
        StringBuilder wide = new StringBuilder("has(\"a\")");
        for (int i = 0; i < DataRules.MAX_NODES; i++) {
            wide.append(" || has(\"a").append(i).append("\")");
        }
        assertNull(translate(rule("Form( " + wide + " )", "decision.note(\"n\");")));
        assertNull(translate(rule("Dossier()", "decision.note(\"" + "x".repeat(DataRules.MAX_LITERAL + 1) + "\");")));
        assertNotNull(translate(rule("Dossier()", "decision.note(\"" + "x".repeat(DataRules.MAX_LITERAL) + "\");")));
    }

    @Test
    void wrongType_failsAsTheGeneratedCodeDoes_namingTheRule() throws Exception {
        String drl = rule("Form( has(\"a\") && ageInDays(\"a\") < 7304 )", "decision.note(\"n\");")
                + rule("Form( text(\"t\") == \"X\" )", "decision.note(\"t\");").replace("rule \"r\"", "rule \"r2\"");
        DataRules.Translated t = translate(drl);
        assertNotNull(t);
        PackageDescr pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                .parse(false, RuleClassesTest.HEADER + drl);
        Map<String, CompiledProcedure.RuleInfo> infos = Map.of("r", new CompiledProcedure.RuleInfo("r", "x.drl", 1, null, null, null),
                "r2", new CompiledProcedure.RuleInfo("r2", "x.drl", 2, null, null, null));
        List<PackProblem> problems = new ArrayList<>();
        RuleClasses.Generated g = RuleClasses.generate("motcua.pT", List.of(pd), infos, "x.drl", e -> problems.add(null), problems);
        assertNotNull(g, problems::toString);
        KieBase code = RuleClasses.assemble(g);
        KieBase data = DataRules.kieBase(t);
        for (Map<String, Object> form : List.<Map<String, Object>>of(Map.of("a", 5), Map.of("t", 5), Map.of("a", "not a date"))) {
            Object[] facts = {new Form(form, AS_OF, UNITS::get)};
            List<String> c = fire(code, facts);
            assertTrue(c.get(c.size() - 1).startsWith("failed"), c.toString());
            assertTrue(c.get(c.size() - 1).matches("(?s).*Rule \"?name=?\"?r2?.*|.*Rule \"r2?\".*"), c.toString());
            assertEquals(c, fire(data, facts));
        }
    }

    @Test
    void dataPath_definesNoClass_andVocabularyMetadataIsTheGenerators() throws Exception {
        long before = RuleClasses.generationsOnThisThread(); // this thread's: other threads may compile meanwhile
        DataRules.Translated t = translate(rule("Applicant( sex == \"MALE\", age < 20 )", "decision.note(\"n\");"));
        KieBase kb = DataRules.kieBase(t);
        assertEquals(before, RuleClasses.generationsOnThisThread(), "no generated code");
        assertFalse(kb.getKiePackages().isEmpty());
        for (DataConditions.Fact f : DataConditions.Fact.values()) {
            DataRules.VocabularyMetadata md = new DataRules.VocabularyMetadata(f);
            assertEquals(0, md.getPropertyIndex("this"));
        }
        DataRules.VocabularyMetadata applicant = new DataRules.VocabularyMetadata(DataConditions.Fact.APPLICANT);
        // the generator's DomainClassesMetadata for Applicant: this, age, birthDate, fullName, personalId, residence, sex
        assertEquals(7, applicant.getPropertiesSize());
        assertEquals(1, applicant.getPropertyIndex("age"));
        assertEquals(6, applicant.getPropertyIndex("sex"));
        DataRules.VocabularyMetadata dossier = new DataRules.VocabularyMetadata(DataConditions.Fact.DOSSIER);
        // this, asOf, channel, online, procedure, receivedAt, receivedDate, unitCode
        assertEquals(8, dossier.getPropertiesSize());
        assertEquals(2, dossier.getPropertyIndex("channel"));
        assertEquals(3, dossier.getPropertyIndex("online"));
        assertEquals(1, new DataRules.VocabularyMetadata(DataConditions.Fact.FORM).getPropertiesSize());
    }
}
