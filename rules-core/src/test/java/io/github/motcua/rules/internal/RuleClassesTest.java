package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The executable-model build on its own, with the descriptor restriction bypassed: what the
 * restriction refuses first (a {@code dialect "mvel"} consequence) is still refused by the bytecode
 * verifier, because the executable model translates it to Java, and nothing of it runs.
 */
class RuleClassesTest {
    static final String HEADER = "package motcua.pT; import io.github.motcua.rules.vocabulary.Form; "
            + "import io.github.motcua.rules.vocabulary.Applicant; "
            + "global io.github.motcua.rules.vocabulary.Actions decision;\n";

    @TempDir
    Path dir;

    static Object build(String text, List<PackProblem> problems) throws Exception {
        PackageDescr pd = new DrlParser(LanguageLevelOption.DRL6).parse(false, HEADER + text);
        Map<String, CompiledProcedure.RuleInfo> rules = Map.of("r1",
                new CompiledProcedure.RuleInfo("r1", "x.drl", 1, null, null, null));
        return RuleClasses.build("motcua.pT", List.of(pd), rules, "x.drl",
                errors -> errors.forEach(e -> problems.add(new PackProblem("x.drl", 0, 0, "DRL_COMPILE", e.getMessage(), e.getMessage()))),
                problems);
    }

    @Test
    void build_mvelDialectConsequenceThatReflects_isRefusedByTheVerifierAndNeverRuns() throws Exception {
        Path marker = dir.resolve("marker");
        List<PackProblem> problems = new ArrayList<>();
        Object kb = build("rule \"r1\" dialect \"mvel\" when $f : Form() then\n"
                + "  Applicant.class.getClassLoader().loadClass(\"java.io.FileOutputStream\")"
                + ".getConstructor(String.class).newInstance(\"" + marker.toString().replace("\\", "/") + "\");\nend\n", problems);
        assertNull(kb, problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("DRL_REFUSED_CODE") && p.line() == 1), problems.toString());
        assertFalse(Files.exists(marker), "the payload ran");
    }

    @Test
    void build_mvelDialectConsequenceOfTheVocabulary_isAccepted() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        Object kb = build("rule \"r1\" dialect \"mvel\" when $f : Form() then\n  decision.note(\"x\");\nend\n", problems);
        assertNotNull(kb, problems.toString());
    }

    @Test
    void kieBaseConfiguration_fromTheFilesReadOnce_isWhatKieServicesMakes() {
        // a KieBase is assembled with a copy of Drools' configuration files read once (RuleClasses.kieBaseConfiguration):
        // every option Drools reads from them, and the rule class loader, as KieServices would give
        ClassLoader loader = new RuleClasses.RuleClassLoader(RuleClasses.class.getClassLoader(), Map.of());
        org.kie.api.KieBaseConfiguration reference = org.kie.api.KieServices.get().newKieBaseConfiguration(null, loader);
        for (int i = 0; i < 2; i++) { // the second copy: the first left nothing behind in the shared files
            org.kie.api.KieBaseConfiguration mine = RuleClasses.kieBaseConfiguration(loader);
            for (String name : List.of("drools.equalityBehavior", "drools.eventProcessingMode", "drools.sequential",
                    "drools.sequential.agenda", "drools.removeIdentities", "drools.shareAlphaNodes", "drools.shareBetaNodes",
                    "drools.alphaNodeHashingThreshold", "drools.alphaNodeRangeIndexThreshold", "drools.propertySpecific",
                    "drools.indexLeftBetaMemory", "drools.indexRightBetaMemory", "drools.compositeKeyDepth",
                    "drools.consequenceExceptionHandler", "drools.declarativeAgenda", "drools.multithreadEvaluation",
                    "drools.maxThreads", "drools.mutabilityEnabled", "drools.sessionCache", "drools.workDefinitions",
                    "drools.assertBehaviour", "drools.lrUnlinkingEnabled")) {
                assertEquals(reference.getProperty(name), mine.getProperty(name), name);
            }
            assertTrue(((org.kie.internal.conf.CompositeConfiguration<?, ?, ?>) mine).getClassLoader() == loader);
            mine.setProperty("drools.sequential", "true");
        }
        assertEquals(reference.getProperty("drools.sequential"), RuleClasses.kieBaseConfiguration(loader).getProperty("drools.sequential"));
    }

    @Test
    void boundedRegex_rewritesOnlyTheGeneratorsPatternField() {
        String src = "class L { private static final java.util.regex.Pattern regexp_0A1B = java.util.regex.Pattern.compile(\"^a\\\"b$\");\n"
                + " boolean t(String s) { return s != null && regexp_0A1B.matcher((java.lang.CharSequence) s).matches(); } }";
        String out = RuleClasses.boundedRegex(src);
        assertFalse(out.contains("java.util.regex"), out);
        assertTrue(out.contains("io.github.motcua.rules.vocabulary.BoundedPattern.compile(\"^a\\\"b$\").matcher("), out);
        String other = "class M { Object o = java.util.regex.Pattern.compile(\"x\"); }";
        assertTrue(RuleClasses.boundedRegex(other).contains("java.util.regex.Pattern.compile"), "left for the verifier to refuse");
    }
    static final Map<String, CompiledProcedure.RuleInfo> TWO_RULES = Map.of(
            "r1", new CompiledProcedure.RuleInfo("r1", "x.drl", 1, null, null, null),
            "r2", new CompiledProcedure.RuleInfo("r2", "x.drl", 4, null, null, null));

    static RuleClasses.Generated generate(String text, List<PackProblem> problems) throws Exception {
        PackageDescr pd = new DrlParser(LanguageLevelOption.DRL6).parse(false, HEADER + text);
        return RuleClasses.generate("motcua.pT", List.of(pd), TWO_RULES, "x.drl",
                errors -> errors.forEach(e -> problems.add(new PackProblem("x.drl", 0, 0, "DRL_COMPILE", e.getMessage(), e.getMessage()))),
                problems);
    }

    /**
     * Issue 15 (start-up): the generated lambda classes get short names and no debugging attributes (fewer bytes
     * for a prebuilt pack to store, verify and define) — and the KieBase built from them still works.
     */
    @Test
    void generate_lambdaClassesShortNamedWithoutDebugInfo_stillAssemble() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        RuleClasses.Generated g = generate("rule \"r1\" when $f : Form() then\n  decision.note(\"a\");\nend\n"
                + "rule \"r2\" when $f : Form() then\n  decision.note(\"b\");\nend\n", problems);
        assertNotNull(g, problems.toString());
        assertTrue(g.classes().keySet().stream().noneMatch(n -> n.contains("Lambda")), g.classes().keySet().toString());
        // the two consequences' lambda classes (short-named, then merged: one class for both)
        assertTrue(g.classes().keySet().stream().anyMatch(n -> n.matches("motcua/pT/M[0-9a-z]+")), g.classes().keySet().toString());
        for (byte[] b : g.classes().values()) {
            boolean[] debug = {false};
            new org.objectweb.asm.ClassReader(b).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                @Override
                public void visitSource(String source, String dbg) {
                    debug[0] = true;
                }

                @Override
                public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, org.objectweb.asm.Label start) {
                            debug[0] = true;
                        }
                    };
                }
            }, 0);
            assertFalse(debug[0], "debugging attributes left");
        }
        assertNotNull(RuleClasses.assemble(g));
    }

    /** A refused consequence in a renamed lambda class is still reported at its own rule, not at another one. */
    @Test
    void generate_refusedCodeInTheSecondRule_namesThatRule() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        RuleClasses.Generated g = generate("rule \"r1\" when $f : Form() then\n  decision.note(\"a\");\nend\n"
                + "rule \"r2\" when $f : Form() then\n  Applicant.class.getClassLoader().loadClass(\"java.io.File\");\nend\n", problems);
        assertNull(g, problems.toString());
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.code().equals("DRL_REFUSED_CODE") && p.line() == 4), problems.toString());
    }

    /** The interfaces of each generated class that implements one of Drools' functional interfaces. */
    private static Map<String, List<String>> functional(RuleClasses.Generated g) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        g.classes().forEach((name, bytes) -> {
            org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
            new org.objectweb.asm.ClassReader(bytes).accept(cn, 0);
            if (cn.interfaces.stream().anyMatch(i -> i.startsWith("org/drools/model/functions/"))) {
                out.put(name, cn.interfaces);
                assertTrue((cn.access & org.objectweb.asm.Opcodes.ACC_ENUM) == 0 && "java/lang/Object".equals(cn.superName),
                        name + " is still an enum of its own");
            }
        });
        return out;
    }

    /** Runs a KieBase with one applicant of {@code age} and returns the notes its rules wrote, in firing order. */
    private static List<String> notes(org.kie.api.KieBase kb, int age) {
        List<String> notes = new ArrayList<>();
        io.github.motcua.rules.vocabulary.Actions decision = (io.github.motcua.rules.vocabulary.Actions) java.lang.reflect.Proxy.newProxyInstance(
                RuleClassesTest.class.getClassLoader(), new Class<?>[] {io.github.motcua.rules.vocabulary.Actions.class}, (proxy, m, args) -> {
                    if (m.getName().equals("note")) {
                        notes.add((String) args[0]);
                    }
                    return null;
                });
        org.kie.api.runtime.KieSession s = kb.newKieSession();
        try {
            s.setGlobal("decision", decision);
            java.time.LocalDate asOf = java.time.LocalDate.of(2026, 12, 6);
            s.insert(new io.github.motcua.rules.vocabulary.Applicant("001", "A", asOf.minusYears(age).minusDays(1), "MALE",
                    java.util.Set.of(), null, asOf, null, null));
            s.fireAllRules();
        } finally {
            s.dispose();
        }
        java.util.Collections.sort(notes);
        return notes;
    }

    /**
     * Issue 15 (prebuilt start-up): a procedure's lambda classes — one enum per condition and consequence — are merged
     * into one class per set of interfaces, and each rule still runs its own condition and its own consequence.
     */
    @Test
    void generate_lambdasMergedIntoOneClassPerInterface_eachRuleRunsItsOwnConditionAndConsequence() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        RuleClasses.Generated g = generate("rule \"r1\" when Applicant( age >= 18 ) then\n  decision.note(\"adult\");\nend\n"
                + "rule \"r2\" when Applicant( age < 18 ) then\n  decision.note(\"minor\");\nend\n"
                + "rule \"r3\" when Applicant( age >= 60 ) then\n  decision.note(\"elderly\");\nend\n"
                + "rule \"r4\" when Applicant( sex == \"MALE\" ) then\n  decision.note(\"male \" + 1);\nend\n", problems);
        assertNotNull(g, problems.toString());
        Map<String, List<String>> functional = functional(g);
        // four conditions in one class, four consequences in another (and the index's extractor in a third): the
        // interfaces decide which class, never two classes for one set of interfaces
        assertEquals(functional.size(), new java.util.HashSet<>(functional.values()).size(), functional.toString());
        assertTrue(functional.values().stream().anyMatch(i -> i.contains("org/drools/model/functions/Predicate1")), functional.toString());
        assertTrue(functional.values().stream().anyMatch(i -> i.contains("org/drools/model/functions/Block1")), functional.toString());
        assertTrue(BytecodeVerifier.verify(g.classes()).isEmpty(), "what is defined is what was verified");
        org.kie.api.KieBase kb = RuleClasses.assemble(g);
        assertEquals(List.of("adult", "male 1"), notes(kb, 30));
        assertEquals(List.of("male 1", "minor"), notes(kb, 10));
        assertEquals(List.of("adult", "elderly", "male 1"), notes(kb, 70));
    }

    /** Merging changes nothing Drools sees of a lambda: its expression hash (node sharing) and its interfaces. */
    @Test
    void merged_everyLambdaKeepsItsExpressionHash() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        String drl = "rule \"r1\" when Applicant( age >= 18 ) then\n  decision.note(\"adult\");\nend\n"
                + "rule \"r2\" when Applicant( age < 18 ) then\n  decision.note(\"minor\");\nend\n";
        RuleClasses.Generated merged = generate(drl, problems);
        assertNotNull(merged, problems.toString());
        // the same procedure's classes before merging: the hashes the generator gave each lambda
        java.util.Set<String> before = new java.util.TreeSet<>();
        java.util.Set<String> after = new java.util.TreeSet<>();
        PackageDescr pd = new DrlParser(LanguageLevelOption.DRL6).parse(false, HEADER + drl);
        RuleClasses.Generated separate = RuleClasses.generate("motcua.pT", List.of(pd), TWO_RULES, "x.drl", errors -> { }, problems, false);
        assertNotNull(separate, problems.toString());
        assertTrue(separate.classes().size() > merged.classes().size(), separate.classes().keySet() + " vs " + merged.classes().keySet());
        for (Object lambda : instances(separate, RuleClasses.link(separate))) {
            before.add(((org.drools.model.functions.HashedExpression) lambda).getExpressionHash());
        }
        for (Object lambda : instances(merged, RuleClasses.link(merged))) {
            after.add(((org.drools.model.functions.HashedExpression) lambda).getExpressionHash());
        }
        assertTrue(before.size() >= 4, before.toString()); // two conditions, two consequences (and index extractors)
        assertEquals(before, after);
    }

    /** Every lambda instance of linked classes (the {@code INSTANCE…} fields of the classes that hold lambdas). */
    private static List<Object> instances(RuleClasses.Generated g, RuleClasses.Linked linked) throws Exception {
        List<Object> out = new ArrayList<>();
        for (String name : g.classes().keySet()) {
            Class<?> c = linked.loader().loadClass(name.replace('/', '.'));
            if (org.drools.model.functions.HashedExpression.class.isAssignableFrom(c)) {
                for (java.lang.reflect.Field f : c.getFields()) {
                    if (f.getName().startsWith("INSTANCE") && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        out.add(f.get(null));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The verifier counts a dispatcher as calling every lambda it dispatches to: when that is over a budget that each
     * lambda alone keeps (here three consequences that each grow a string twice), the separate classes — verified as
     * always — are kept, and the rules run as before.
     */
    @Test
    void generate_mergedClassesTheVerifierRefuses_keepsTheSeparateVerifiedClasses() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        StringBuilder drl = new StringBuilder();
        String[] separators = {"/", "-", ":"};
        for (int i = 0; i < 3; i++) {
            String sep = separators[i];
            drl.append("rule \"r").append(i + 1).append("\" when $a : Applicant( age >= ").append(i * 10 + 10).append(" ) then\n")
                    .append("  decision.note($a.getSex() + \"").append(sep).append("\" + $a.getFullName() + \"").append(sep)
                    .append("\" + $a.getPersonalId());\nend\n");
        }
        RuleClasses.Generated g = generate(drl.toString(), problems);
        assertNotNull(g, problems.toString());
        long separateConsequences = g.classes().values().stream().filter(b -> {
            org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
            new org.objectweb.asm.ClassReader(b).accept(cn, 0);
            return (cn.access & org.objectweb.asm.Opcodes.ACC_ENUM) != 0
                    && cn.interfaces.stream().anyMatch(i -> i.startsWith("org/drools/model/functions/Block"));
        }).count();
        assertEquals(3, separateConsequences, g.classes().keySet().toString());
        assertEquals(List.of("MALE-A-001", "MALE/A/001", "MALE:A:001"), notes(RuleClasses.assemble(g), 35));
    }

    /**
     * A stored artifact is hostile input: when a merged lambda class of it is refused, each refusal is reported at
     * the rule whose lambda holds it (here both consequences were given a forbidden call: both rules are named).
     */
    @Test
    void verifiedPrebuilt_refusedCodeInAMergedClass_namesTheRuleOfEachLambda() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        RuleClasses.Generated g = generate("rule \"r1\" when Applicant( age >= 18 ) then\n  decision.note(\"a\");\nend\n"
                + "rule \"r2\" when Applicant( age < 18 ) then\n  decision.note(\"b\");\nend\n", problems);
        assertNotNull(g, problems.toString());
        Map<String, byte[]> tampered = new java.util.TreeMap<>(g.classes());
        int changed = 0;
        for (Map.Entry<String, byte[]> e : g.classes().entrySet()) {
            org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
            new org.objectweb.asm.ClassReader(e.getValue()).accept(cn, 0);
            if (!e.getKey().matches("motcua/pT/M[0-9a-z]+")) {
                continue;
            }
            for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
                if (m.name.matches("execute\\$[0-9]+")) {
                    org.objectweb.asm.tree.InsnList exit = new org.objectweb.asm.tree.InsnList();
                    exit.add(new org.objectweb.asm.tree.InsnNode(org.objectweb.asm.Opcodes.ICONST_0));
                    exit.add(new org.objectweb.asm.tree.MethodInsnNode(org.objectweb.asm.Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
                    m.instructions.insert(exit);
                    m.maxStack++;
                    changed++;
                }
            }
            org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
            cn.accept(w);
            tampered.put(e.getKey(), w.toByteArray());
        }
        assertTrue(changed >= 2, "both consequences are in one merged class");
        List<PackProblem> refused = new ArrayList<>();
        assertFalse(RuleClasses.verifiedPrebuilt(new RuleClasses.Generated(tampered, g.modelClass()), TWO_RULES, "x.drl", refused));
        assertTrue(refused.stream().allMatch(p -> p.code().equals("DRL_REFUSED_CODE")), refused.toString());
        assertEquals(java.util.Set.of(1, 4), refused.stream().map(PackProblem::line).collect(java.util.stream.Collectors.toSet()), refused.toString());
    }

    /** Domain class -> "size;index of each property (or the exception)" of every type metadata the classes hold. */
    private static Map<String, String> metadata(RuleClasses.Generated g) throws Exception {
        RuleClasses.Linked linked = RuleClasses.link(g);
        Map<String, String> out = new java.util.TreeMap<>();
        List<String> names = List.of("this", "age", "sex", "fullName", "personalId", "birthDate", "residence", "nope");
        for (String name : g.classes().keySet()) {
            Class<?> c = linked.loader().loadClass(name.replace('/', '.'));
            for (java.lang.reflect.Field f : c.getFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof org.drools.model.DomainClassMetadata m) {
                    StringBuilder b = new StringBuilder().append(m.getPropertiesSize());
                    for (String n : names) {
                        try {
                            b.append(';').append(n).append('=').append(m.getPropertyIndex(n));
                        } catch (RuntimeException e) {
                            b.append(';').append(n).append("=!").append(e.getMessage());
                        }
                    }
                    out.put(m.getDomainClass().getName(), b.toString());
                }
            }
        }
        return out;
    }

    /**
     * The type metadata classes (one per fact type, created by the generator's {@code DomainClassesMetadata} holder) are
     * merged into the holder: fewer classes, and every metadata answers exactly as before (Drools computes property
     * reactivity from it).
     */
    @Test
    void generate_typeMetadataMergedIntoItsHolder_answersAsBefore() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        String drl = "rule \"r1\" when $a : Applicant( age >= 18, sex == \"MALE\" ) then\n  decision.note(\"a\");\nend\n"
                + "rule \"r2\" when Form( has(\"x\") ) then\n  decision.note(\"b\");\nend\n";
        RuleClasses.Generated merged = generate(drl, problems);
        assertNotNull(merged, problems.toString());
        PackageDescr pd = new DrlParser(LanguageLevelOption.DRL6).parse(false, HEADER + drl);
        RuleClasses.Generated separate = RuleClasses.generate("motcua.pT", List.of(pd), TWO_RULES, "x.drl", errors -> { }, problems, false);
        assertNotNull(separate, problems.toString());
        assertTrue(separate.classes().keySet().stream().anyMatch(n -> n.endsWith("_Metadata")), separate.classes().keySet().toString());
        assertTrue(merged.classes().keySet().stream().noneMatch(n -> n.contains("$")), merged.classes().keySet().toString());
        Map<String, String> before = metadata(separate);
        assertTrue(before.keySet().containsAll(List.of("io.github.motcua.rules.vocabulary.Applicant",
                "io.github.motcua.rules.vocabulary.Form")), before.toString());
        assertTrue(before.get("io.github.motcua.rules.vocabulary.Applicant").matches(".*age=[0-9]+.*"), before.toString());
        assertEquals(before, metadata(merged));
        assertEquals(List.of("a"), notes(RuleClasses.assemble(merged), 30));
    }
}
