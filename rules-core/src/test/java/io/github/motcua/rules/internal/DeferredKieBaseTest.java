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
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.TestPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/**
 * A procedure decided as data has no KieBase until a dossier needs its session (issue 15, docs/performance.md "Session
 * 14", {@link RuleNetwork}): the facts a decision inserts read from the rules equal the network's; every shape of rules
 * the evaluator accepts has a model Drools assembles; a throwing data condition still hands its dossier to the session,
 * which is assembled then, with the same answer; rules the evaluator does not decide are still assembled when prepared;
 * {@link Engine#compiled()} still completes when every procedure is ready; and whole decisions are those of an engine
 * that decides every procedure with its session.
 */
class DeferredKieBaseTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    private static final String HEADER = "package %s; import io.github.motcua.rules.vocabulary.Form; "
            + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Dossier; "
            + "import io.github.motcua.rules.vocabulary.Unit; global io.github.motcua.rules.vocabulary.Actions decision;\n";
    /** A birth dossier of the ho-tich pack whose form makes {@code integer("soBanSao")} throw. */
    static final String THROWS = "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"giayChungSinh\":\"KHONG_CO\",\"treEm\":{\"ngaySinh\":\"2026-02-01\"},\"soBanSao\":\"nhiều\"}}";
    static final String BIRTH = "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"giayChungSinh\":\"KHONG_CO\",\"treEm\":{\"ngaySinh\":\"2026-02-01\"},\"soBanSao\":5}}";
    static final String MARRIAGE = "{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}}";

    @TempDir
    Path dir;

    // --- dependency 2: which facts a decision inserts, read from the rules ---

    /** The procedures of a pack folder, loaded as the engine loads them. */
    private static Map<String, LoadedPack.ProcedureSource> procedures(Path pack) {
        List<PackProblem> problems = new ArrayList<>();
        PackLoader.Loaded loaded = PackLoader.load(PackFiles.read(pack, problems), BuiltInSections.all(), problems, null);
        assertTrue(problems.isEmpty(), pack + " " + problems);
        return new TreeMap<>(loaded.pack().procedures());
    }

    private static PackageDescr parse(String drl) throws Exception {
        return parse("motcua.pS", drl);
    }

    private static PackageDescr parse(String pkg, String drl) throws Exception {
        PackageDescr pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                .parse(false, String.format(Locale.ROOT, HEADER, pkg) + drl);
        assertNotNull(pd, drl);
        return pd;
    }

    /** The synthetic catalogue's padding of a template, as {@code CatalogueGenerator.padding} writes it. */
    private static String padding(int count) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < count; k++) {
            sb.append(String.format(Locale.ROOT, "rule \"Ghi chú tổng hợp %d\"\n  @basis(\"B\")\nwhen\n  Form( text(\"ghiChuTongHop%d\") == \"CO\" )\n"
                    + "then\n  decision.note(\"Ghi chú tổng hợp %d, bản 0\", \"synthetic note %d, revision 0\");\nend\n", k, k, k, k));
        }
        return sb.toString();
    }

    @Test
    void matched_readFromTheRules_equalsTheNetworks_everyPackProcedureAndCatalogueTemplate() throws Exception {
        List<Path> packs = List.of(DataRulesTest.GIA_LAI, TestPacks.source("ho-tich"), TestPacks.source("guide"),
                Path.of("../examples/src/test/resources/packs/ho-tich"), Path.of("../catalogue-import/src/test/resources/packs/mini"));
        int compared = 0;
        int templates = 0;
        Set<Integer> kinds = new java.util.HashSet<>();
        for (Path pack : packs) {
            for (LoadedPack.ProcedureSource src : procedures(pack).values()) {
                List<PackProblem> problems = new ArrayList<>();
                String pkg = ProcedureCompiler.packageName(src);
                List<PackageDescr> trees = ProcedureCompiler.restrict(src, problems);
                assertNotNull(trees, problems::toString);
                DataRules.Translated t = DataRules.translate(pkg, trees);
                if (t == null) {
                    continue;
                }
                assertEquals(CompiledProcedure.matched(DataRules.kieBase(t)), CompiledProcedure.matched(t), pack + " " + src.procedure().code());
                kinds.add(CompiledProcedure.matched(t));
                compared++;
                if (pack == DataRulesTest.GIA_LAI) {
                    // its catalogue template: the procedure's rules and the padding up to ten rules
                    List<PackageDescr> padded = new ArrayList<>(trees);
                    padded.add(parse(pkg, padding(Math.max(1, 10 - t.rules().size()))));
                    DataRules.Translated p = DataRules.translate(pkg, padded);
                    assertNotNull(p, src.procedure().code());
                    assertEquals(CompiledProcedure.matched(DataRules.kieBase(p)), CompiledProcedure.matched(p), src.procedure().code() + " template");
                    templates++;
                }
            }
        }
        assertTrue(compared >= 18, "procedures compared " + compared);
        assertTrue(templates >= 14, "catalogue templates " + templates);
        assertTrue(kinds.size() >= 3, "distinct sets of facts " + kinds); // a test that could not tell a wrong bit
        // and rules on each fact, with not/exists, and none on any
        for (String when : List.of("Dossier()", "not Applicant( age < 18 )", "exists Unit( hasFlag(\"X\") )", "Form( has(\"a\") )",
                "Dossier() Applicant() not Unit() exists Form( has(\"b\") )")) {
            DataRules.Translated t = DataRules.translate("motcua.pS", List.of(parse("rule \"r\" when " + when + " then decision.note(\"n\");\nend\n")));
            assertNotNull(t, when);
            assertEquals(CompiledProcedure.matched(DataRules.kieBase(t)), CompiledProcedure.matched(t), when);
        }
    }

    // --- dependency 3: every shape the evaluator accepts has a model Drools assembles ---

    /** A read as written: a property, or a method with one or two string arguments. */
    private static String read(DataConditions.Read r) {
        return r.property() ? r.name : r.arity == 1 ? r.name + "(\"a\")" : r.name + "(\"a\", \"b\")";
    }

    private static final List<String> LITERALS = List.of("\"s\"", "\"\"", "null", "true", "false", "0", "7", "-3", "2147483647",
            "-2147483648", "1.5", "0.0");

    /** One rule of {@code when} noting {@code n}. */
    private static String rule(String name, String attributes, String when, String then) {
        return "rule \"" + name + "\" " + attributes + " when " + when + " then " + then + "\nend\n";
    }

    /** The rules as data (null when outside the subset), their evaluator asserted to decide them. */
    private static DataRules.Translated accepted(String drl) throws Exception {
        DataRules.Translated t = DataRules.translate("motcua.pS", List.of(parse(drl)));
        if (t != null) {
            assertNotNull(DataEvaluator.of(t), "the evaluator refused an accepted translation: " + drl);
        }
        return t;
    }

    /** Reads {@code from .. from + n - 1} joined in a balanced tree, {@code ||} and {@code &&} alternating by level. */
    private static String balanced(int from, int n) {
        if (n == 1) {
            return "has(\"w" + from + "\")";
        }
        return "(" + balanced(from, n / 2) + (Integer.numberOfTrailingZeros(n) % 2 == 0 ? " || " : " && ") + balanced(from + n / 2, n - n / 2) + ")";
    }

    private static String outside(String drl) {
        try {
            return DataRules.outside("motcua.pS", List.of(parse(drl)));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Assembles the model as a deferred network does, and fires a session of it on the facts given. */
    private static void assembles(DataRules.Translated t, String what) {
        KieBase kb;
        try {
            kb = RuleClasses.assembleModel(t);
        } catch (RuntimeException | LinkageError e) {
            throw new AssertionError("Drools refused the model of " + what + ": " + e, e);
        }
        Object dossier = new io.github.motcua.rules.vocabulary.Dossier("p", "DESK", java.time.LocalDateTime.of(2026, 3, 2, 9, 0),
                DataRulesTest.AS_OF, null, Set.of());
        DataRulesTest.fire(kb, dossier, null, null, new io.github.motcua.rules.vocabulary.Form(Map.of(), DataRulesTest.AS_OF, DataRulesTest.UNITS::get));
    }

    @Test
    void everyShapeTheEvaluatorAccepts_hasAModelDroolsAssembles() throws Exception {
        EnumSet<DataConditions.Read> reads = EnumSet.noneOf(DataConditions.Read.class);
        EnumSet<DataConditions.Compare> compares = EnumSet.noneOf(DataConditions.Compare.class);
        EnumSet<DataConditions.Op> ops = EnumSet.noneOf(DataConditions.Op.class);
        EnumSet<DataConditions.Action> actions = EnumSet.noneOf(DataConditions.Action.class);
        EnumSet<DataRules.Kind> kinds = EnumSet.noneOf(DataRules.Kind.class);
        StringBuilder all = new StringBuilder();
        int shapes = 0;
        int rules = 0;
        // every read against every literal kind with every operator, alone (one KieBase a read: Drools hashes three or
        // more equal constraints on one property into one node) and all together below
        for (DataConditions.Read r : DataConditions.Read.values()) {
            StringBuilder mine = new StringBuilder();
            String fact = r.fact.type.getSimpleName();
            for (String lit : LITERALS) {
                for (DataConditions.Op op : DataConditions.Op.values()) {
                    String when = fact + "( " + read(r) + " " + op.symbol + " " + lit + " )";
                    String one = rule("c" + rules, "", when, "decision.note(\"n\");");
                    DataRules.Translated t = accepted(one);
                    if (t == null) {
                        continue;
                    }
                    DataConditions.Comparison c = (DataConditions.Comparison) t.rules().get(0).lhs().get(0).constraints().get(0);
                    reads.add(r);
                    compares.add(c.kind());
                    ops.add(op);
                    mine.append(one);
                    rules++;
                    shapes++;
                }
            }
            if (r.type == DataConditions.Type.BOOLEAN || r.type == DataConditions.Type.BOOLEAN_OBJECT) {
                for (String when : List.of(fact + "( " + read(r) + " )", fact + "( !" + read(r) + " )")) {
                    String one = rule("c" + rules++, "", when, "decision.note(\"n\");");
                    if (accepted(one) != null) {
                        reads.add(r);
                        mine.append(one);
                        shapes++;
                    }
                }
                // in parentheses: a procedure of its own (one condition written two ways sends a procedure to the code path)
                DataRules.Translated g = accepted(rule("g", "", fact + "( (" + read(r) + ") )", "decision.note(\"n\");"));
                assertNotNull(g, r.name() + " in parentheses");
                assembles(g, r.name() + " in parentheses");
            }
            DataRules.Translated t = accepted(mine.toString());
            assertNotNull(t, () -> r.name() + ": " + outside(mine.toString()));
            assembles(t, r.name());
            all.append(mine);
        }
        assertEquals(EnumSet.allOf(DataConditions.Read.class), reads, "reads without an accepted shape");
        assertEquals(EnumSet.allOf(DataConditions.Compare.class), compares);
        assertEquals(EnumSet.allOf(DataConditions.Op.class), ops);

        // every action with arguments of its types; the most calls a consequence may make
        StringBuilder calls = new StringBuilder();
        for (DataConditions.Action a : DataConditions.Action.values()) {
            List<String> args = new ArrayList<>();
            for (char p : a.params.toCharArray()) {
                args.add(p == 'S' ? "\"x" + args.size() + "\"" : p == 'L' ? "5" : "3");
            }
            String one = rule("a" + a.ordinal(), "", "Dossier()", "decision." + a.method + "(" + String.join(", ", args) + ");");
            DataRules.Translated t = accepted(one);
            assertNotNull(t, a.name());
            assertEquals(a, t.rules().get(0).rhs().get(0).action(), a.name());
            actions.add(a);
            calls.append(one);
        }
        assertEquals(EnumSet.allOf(DataConditions.Action.class), actions);
        all.append(calls);
        String many = "decision.note(\"n\");".repeat(DataRules.MAX_CALLS);
        String mostCalls = rule("most calls", "", "Dossier()", many);
        assertNotNull(accepted(mostCalls), "the most calls");
        all.append(mostCalls);

        // attributes and annotations the evaluator takes; pattern kinds on every fact; the same fact twice; a condition
        // shared by rules; nesting to the depth limit; the largest condition
        List<String> structure = new ArrayList<>();
        for (String attrs : List.of("salience 10", "salience -2147483", "salience 999999999", "salience 0", "no-loop true",
                "no-loop false", "lock-on-active false", "no-loop salience 3 lock-on-active false", "dialect \"java\"")) {
            structure.add(rule("attr " + structure.size(), attrs, "Dossier()", "decision.note(\"n\");"));
        }
        structure.add("rule \"meta\" @basis(\"B\") @validFrom(\"2026-01-01\") @flag when Dossier() then decision.note(\"n\");\nend\n");
        for (DataConditions.Fact f : DataConditions.Fact.values()) {
            String name = f.type.getSimpleName();
            structure.add(rule("kinds " + name, "", name + "() not " + name + "() exists " + name + "()", "decision.note(\"n\");"));
            kinds.addAll(EnumSet.allOf(DataRules.Kind.class));
        }
        structure.add(rule("shared 1", "", "Form( has(\"s\") && text(\"t\") == \"X\" )", "decision.note(\"n\");"));
        structure.add(rule("shared 2", "", "Form( has(\"s\") && text(\"t\") == \"X\" )", "decision.note(\"m\");"));
        structure.add(rule("two constraints", "", "Applicant( sex == \"MALE\", age >= 18 ) Applicant( hasCategory(\"X\") )", "decision.note(\"n\");"));
        // the deepest nesting the translation accepts (its depth limit), found by growing it until refused
        String deep = "has(\"d\")";
        String deepest = null;
        int depth = 0;
        for (int i = 0; ; i++) {
            String next = "(" + deep + (i % 3 == 0 ? " && " : i % 3 == 1 ? " || !" : " || ") + "has(\"d" + i + "\"))";
            String r = rule("deepest", "", "Form( " + next + " )", "decision.note(\"n\");");
            if (accepted(r) == null) {
                String why = outside(r);
                assertTrue(why.contains("depth"), why); // refused for its depth, not for another shape
                break;
            }
            deep = next;
            deepest = r;
            depth = i + 1;
        }
        assertTrue(depth >= 5, "nesting accepted " + depth);
        structure.add(deepest);
        // the largest condition: a balanced tree of || and && over ever more reads, until the translation refuses it
        String widest = null;
        int leaves = 0;
        for (int n = 2; ; n *= 2) {
            String next = rule("widest", "", "Form( " + balanced(0, n) + " )", "decision.note(\"n\");");
            if (accepted(next) == null) {
                String why = outside(next);
                assertTrue(why.contains("size") || why.contains("length") || why.contains("depth"), why); // refused for its size
                break;
            }
            widest = next;
            leaves = n;
        }
        assertTrue(leaves >= 32, "reads in the largest condition " + leaves);
        assertNotNull(widest);
        structure.add(widest);
        for (String s : structure) {
            assertNotNull(accepted(s), s);
            all.append(s);
        }
        assertEquals(EnumSet.allOf(DataRules.Kind.class), kinds);

        // every shape above in one procedure's model
        DataRules.Translated t = accepted(all.toString());
        assertNotNull(t, () -> "all shapes: " + outside(all.toString()));
        assembles(t, "every shape");
        assertTrue(shapes >= 250, "comparison and boolean shapes " + shapes);
    }

    @Test
    void rulesTheEvaluatorDoesNotDecide_areNotDeferred() throws Exception {
        for (String attrs : List.of("activation-group \"g\"", "agenda-group \"g\"", "lock-on-active true")) {
            DataRules.Translated t = DataRules.translate("motcua.pS", List.of(parse(rule("r", attrs, "Dossier()", "decision.note(\"n\");"))));
            assertNotNull(t, attrs);
            RuleNetwork n = RuleNetwork.of(t);
            assertTrue(n.isAssembled(), attrs + ": assembled when prepared, as before");
            assertNull(n.evaluator(), attrs);
        }
        DataRules.Translated t = DataRules.translate("motcua.pS", List.of(parse(rule("r", "", "Dossier()", "decision.note(\"n\");"))));
        RuleNetwork n = RuleNetwork.of(t);
        assertFalse(n.isAssembled());
        assertNotNull(n.evaluator());
        System.setProperty(DataEvaluator.FORCE_SESSIONS, "true");
        try {
            RuleNetwork forced = RuleNetwork.of(t);
            assertTrue(forced.isAssembled(), "sessions forced: assembled when prepared");
            assertNull(forced.evaluator());
        } finally {
            System.clearProperty(DataEvaluator.FORCE_SESSIONS);
        }
        // and assembled on demand, once, by concurrent callers
        List<java.util.concurrent.CompletableFuture<KieBase>> at = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            at.add(java.util.concurrent.CompletableFuture.supplyAsync(n::kieBase));
        }
        KieBase first = at.get(0).get(60, TimeUnit.SECONDS);
        for (var f : at) {
            assertTrue(f.get(60, TimeUnit.SECONDS) == first, "one assembly");
        }
        assertTrue(n.isAssembled());
    }

    // --- through the engine: folder and prebuilt loads, the fallback, compiled(), whole decisions ---

    /**
     * The ho-tich pack with a birth rule whose condition throws on a text where a number is read, and a marriage rule in
     * an activation group (rules as data the evaluator leaves to the session).
     */
    private Path pack() {
        Path p = TestPacks.copy("ho-tich", dir.resolve("pack"));
        TestPacks.write(p.resolve("procedures/1.001193/extra.drl"), "rule \"Nhiều bản sao thì ghi chú\"\n  @basis(\"LHT-2014-D16\")\n"
                + "when\n  Form( integer(\"soBanSao\") > 3 )\nthen\n  decision.note(\"Nhiều bản sao\", \"Many copies\");\nend\n");
        return p;
    }

    private static Engine engine(boolean lazy) {
        return Motcua.engine().clock(CLOCK).lazyCompile(lazy).build();
    }

    private static Map<String, String> decide(Engine e, List<String> dossiers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String d : dossiers) {
            out.put(d, e.decide(d).toJson());
        }
        for (PackCase c : e.cases()) {
            out.put(c.file() + ":" + c.line(), e.decide(c.dossier()).toJson());
        }
        return out;
    }

    @Test
    void throwingDataCondition_theSessionDecidesThatDossier_assembledThen_sameAnswerAsSessions() throws Exception {
        Path pack = pack();
        Path artifact = dir.resolve("p.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(CLOCK), pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
        Map<String, String> sessions;
        System.setProperty(DataEvaluator.FORCE_SESSIONS, "true");
        try (Engine forced = engine(false)) {
            forced.load(pack).orThrow();
            assertEquals(List.of("1.000894", "1.001193"), ((DefaultEngine) forced).withKieBase(), "sessions forced: every KieBase");
            sessions = decide(forced, List.of(BIRTH, MARRIAGE, THROWS));
        } finally {
            System.clearProperty(DataEvaluator.FORCE_SESSIONS);
        }
        Decision failed = null;
        for (boolean prebuilt : new boolean[] {false, true}) {
            for (boolean lazy : new boolean[] {false, true}) {
                try (Engine e = engine(lazy)) {
                    e.load(prebuilt ? artifact : pack).orThrow();
                    assertEquals(List.of(), e.compiled().get(60, TimeUnit.SECONDS));
                    DefaultEngine de = (DefaultEngine) e;
                    assertEquals(List.of(), de.pending(), "compiled(): every procedure ready");
                    assertEquals(List.of(), de.withKieBase(), "no KieBase for a procedure decided as data");
                    Map<String, String> before = decide(e, List.of(BIRTH, MARRIAGE));
                    assertEquals(List.of(), de.withKieBase(), "deciding as data assembled a KieBase");
                    Decision d = e.decide(THROWS);
                    assertEquals(List.of("1.001193"), de.withKieBase(), "the throwing condition's procedure, assembled then");
                    assertEquals(sessions.get(THROWS), d.toJson(), prebuilt + " " + lazy);
                    assertEquals(d.toJson(), e.decide(THROWS).toJson());
                    Map<String, String> after = decide(e, List.of(BIRTH, MARRIAGE, THROWS));
                    assertEquals(sessions, after, prebuilt + " " + lazy);
                    assertEquals(new LinkedHashMap<>(sessions) {{ remove(THROWS); }}, before);
                    failed = d;
                }
            }
        }
        assertEquals(Decision.Cause.Code.RULE_FAILED, failed.cause().code(), failed.toJson());
        assertEquals("Nhiều bản sao thì ghi chú", failed.cause().rule());
    }

    @Test
    void ruleInAnActivationGroup_itsProcedureAssembledWhenPrepared_asBefore() throws Exception {
        Path pack = pack();
        TestPacks.write(pack.resolve("procedures/1.000894/grouped.drl"), "rule \"Trong nhóm\"\n  @basis(\"HNGD-2014-D8\")\n"
                + "  activation-group \"g\"\nwhen\n  Dossier()\nthen\n  decision.note(\"Trong nhóm\", \"In a group\");\nend\n");
        String sessions;
        System.setProperty(DataEvaluator.FORCE_SESSIONS, "true");
        try (Engine forced = engine(false)) {
            forced.load(pack).orThrow();
            sessions = forced.decide(MARRIAGE).toJson();
        } finally {
            System.clearProperty(DataEvaluator.FORCE_SESSIONS);
        }
        try (Engine e = engine(false)) {
            e.load(pack).orThrow();
            assertEquals(List.of("1.000894"), ((DefaultEngine) e).withKieBase(), "not decided as data: assembled at load");
            assertEquals(sessions, e.decide(MARRIAGE).toJson());
            assertTrue(sessions.contains("In a group"), sessions);
        }
    }

    @Test
    void giaLai_folderAndPrebuilt_decisionsAsAnEngineOfSessions_noKieBaseAssembled() throws Exception {
        List<String> dossiers = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples/dossiers"))) {
            for (Path f : files.sorted().toList()) {
                dossiers.add(Files.readString(f));
            }
        }
        assertTrue(dossiers.size() >= 6);
        Path artifact = dir.resolve("gl.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(CLOCK), DataRulesTest.GIA_LAI)) {
            p.load().orThrow();
            p.write(artifact);
        }
        Map<String, String> sessions;
        System.setProperty(DataEvaluator.FORCE_SESSIONS, "true");
        try (Engine forced = engine(false)) {
            forced.load(DataRulesTest.GIA_LAI).orThrow();
            sessions = decide(forced, dossiers);
        } finally {
            System.clearProperty(DataEvaluator.FORCE_SESSIONS);
        }
        assertTrue(sessions.size() > 30, "decisions " + sessions.size());
        for (Path source : List.of(DataRulesTest.GIA_LAI, artifact)) {
            try (Engine e = Motcua.engine().clock(CLOCK).build()) { // the README's engine: eager, warm-up on
                e.load(source).orThrow();
                assertEquals(List.of(), e.compiled().get(60, TimeUnit.SECONDS));
                assertEquals(sessions, decide(e, dossiers), source.toString());
                assertEquals(List.of(), ((DefaultEngine) e).withKieBase(), source + ": every procedure decided as data, none assembled");
            }
        }
    }
}
