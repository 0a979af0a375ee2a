package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.VocabularyException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.model.functions.HashedExpression;
import org.drools.model.functions.Predicate1;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Issue 15 (the skewed mix over 2,000 procedures): a form condition that is one field compared with one value runs
 * shared library code ({@link FormConditions}) instead of a generated class of its procedure, and decides exactly as
 * the generated code does.
 */
class FormConditionsTest {
    /**
     * The same conditions twice: as the rewrite recognises them, and as {@code Objects.equals}, which is what DRL's
     * {@code ==} compiles to ({@code EvaluationUtil.areNullSafeEquals}) but which the rewrite leaves as generated code.
     * ({@code "CO" == text("a.b")} would not do: the generator turns it round into the first form.)
     */
    private static final String LIBRARY = rules("text(\"a.b\") == \"CO\"", "text(\"a.b\") == \"KHONG\"", "bool(\"c\") == true",
            "bool(\"c\") == false", "text(\"a.b\") == \"CO\"");
    private static final String GENERATED = rules("java.util.Objects.equals(text(\"a.b\"), \"CO\")",
            "java.util.Objects.equals(text(\"a.b\"), \"KHONG\")", "java.util.Objects.equals(bool(\"c\"), true)",
            "java.util.Objects.equals(bool(\"c\"), false)", "java.util.Objects.equals(text(\"a.b\"), \"CO\")");

    private static String rules(String... conditions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < conditions.length; i++) {
            sb.append("rule \"r").append(i + 1).append("\" when Form( ").append(conditions[i]).append(" ) then\n  decision.note(\"r")
                    .append(i + 1).append("\");\nend\n");
        }
        return sb.toString();
    }

    private static final Map<String, CompiledProcedure.RuleInfo> RULES = new HashMap<>();

    static {
        for (int i = 1; i <= 5; i++) {
            RULES.put("r" + i, new CompiledProcedure.RuleInfo("r" + i, "x.drl", i, null, null, null));
        }
    }

    private static RuleClasses.Generated generate(String drl) throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        org.drools.drl.ast.descr.PackageDescr pd = new org.drools.drl.parser.DrlParser(
                org.kie.internal.builder.conf.LanguageLevelOption.DRL6).parse(false, RuleClassesTest.HEADER + drl);
        RuleClasses.Generated g = RuleClasses.generate("motcua.pT", List.of(pd), RULES, "x.drl", errors -> problems.add(
                new PackProblem("x.drl", 0, 0, "DRL_COMPILE", errors.toString(), errors.toString())), problems);
        assertNotNull(g, problems.toString());
        assertTrue(BytecodeVerifier.verify(g.classes()).isEmpty(), "what is defined is what was verified");
        return g;
    }

    /** The notes the rules write for a form holding {@code data}, sorted. */
    private static List<String> notes(org.kie.api.KieBase kb, Map<String, Object> data) {
        List<String> notes = new ArrayList<>();
        Actions decision = (Actions) java.lang.reflect.Proxy.newProxyInstance(FormConditionsTest.class.getClassLoader(),
                new Class<?>[] {Actions.class}, (proxy, m, args) -> {
                    if (m.getName().equals("note")) {
                        notes.add((String) args[0]);
                    }
                    return null;
                });
        org.kie.api.runtime.KieSession s = kb.newKieSession();
        try {
            s.setGlobal("decision", decision);
            s.insert(new Form(data, LocalDate.of(2026, 12, 6), code -> null));
            s.fireAllRules();
        } finally {
            s.dispose();
        }
        java.util.Collections.sort(notes);
        return notes;
    }

    /** Which classes of the compile implement Predicate1, and which library factories the rule methods call. */
    private static List<String> predicateClassesAndFactoryCalls(RuleClasses.Generated g) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : g.classes().entrySet()) {
            new ClassReader(e.getValue()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String sig, String sup, String[] ifaces) {
                    if (ifaces != null && List.of(ifaces).contains("org/drools/model/functions/Predicate1")) {
                        out.add("class " + name);
                    }
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                            if (owner.equals(BytecodeAllowlist.FORM_CONDITIONS)) {
                                out.add("call " + n);
                            }
                        }
                    };
                }
            }, 0);
        }
        return out;
    }

    @Test
    void generate_fieldEqualsValue_runsLibraryConditions_noGeneratedConditionClass() throws Exception {
        List<String> library = predicateClassesAndFactoryCalls(generate(LIBRARY));
        assertTrue(library.stream().noneMatch(s -> s.startsWith("class ")), library.toString());
        // r1 and r5 share one condition: the generator writes it once, and so it is built once for each rule
        assertEquals(5, library.stream().filter(s -> s.startsWith("call ")).count(), library.toString());
        List<String> generated = predicateClassesAndFactoryCalls(generate(GENERATED));
        assertTrue(generated.stream().anyMatch(s -> s.startsWith("class ")), generated.toString());
        assertTrue(generated.stream().noneMatch(s -> s.startsWith("call ")), generated.toString());
    }

    @Test
    void libraryConditions_decideAsTheGeneratedCode() throws Exception {
        org.kie.api.KieBase library = RuleClasses.assemble(generate(LIBRARY));
        org.kie.api.KieBase generated = RuleClasses.assemble(generate(GENERATED));
        List<Map<String, Object>> forms = List.of(Map.of("a", Map.of("b", "CO"), "c", true),
                Map.of("a", Map.of("b", "KHONG"), "c", false), Map.of("a", Map.of("b", "co")), Map.of(), Map.of("c", false),
                Map.of("a", Map.of("x", "CO")));
        List<List<String>> expected = List.of(List.of("r1", "r3", "r5"), List.of("r2", "r4"), List.of(), List.of(), List.of("r4"),
                List.of());
        for (int i = 0; i < forms.size(); i++) {
            assertEquals(expected.get(i), notes(library, forms.get(i)), forms.get(i).toString());
            assertEquals(expected.get(i), notes(generated, forms.get(i)), forms.get(i).toString());
        }
    }

    @Test
    void libraryCondition_valueOfTheWrongType_failsAsTheGeneratedCodeDoes_namingTheRule() throws Exception {
        org.kie.api.KieBase library = RuleClasses.assemble(generate(LIBRARY));
        org.kie.api.KieBase generated = RuleClasses.assemble(generate(GENERATED));
        for (Map<String, Object> form : List.of(Map.<String, Object>of("a", Map.of("b", 5)), Map.<String, Object>of("c", "yes"))) {
            RuntimeException l = assertThrows(RuntimeException.class, () -> notes(library, form));
            RuntimeException g = assertThrows(RuntimeException.class, () -> notes(generated, form));
            assertEquals(vocabulary(g).getMessage(), vocabulary(l).getMessage());
            // the engine finds the failing rule in Drools' message, made from the condition's predicate information
            assertTrue(l.getMessage().matches("(?s).*Rule \"?name=?\"?r[1-5].*|.*Rule \"r[1-5]\".*"), l.getMessage());
        }
    }

    private static VocabularyException vocabulary(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof VocabularyException v) {
                return v;
            }
        }
        throw new AssertionError("no VocabularyException in " + t, t);
    }

    @Test
    void fingerprint_coversKindPathAndValue() {
        List<Predicate1<Form>> all = List.of(FormConditions.textEquals("a", "X", "c"), FormConditions.textEquals("a", "Y", "c"),
                FormConditions.textEquals("b", "X", "c"), FormConditions.boolEquals("a", true, "c"),
                FormConditions.boolEquals("a", false, "c"), FormConditions.textEquals("a", "true", "c"),
                // the path's length comes first: "a=b" + "c" is not "a" + "b=c"
                FormConditions.textEquals("a=b", "c", "c"), FormConditions.textEquals("a", "b=c", "c"));
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (Predicate1<Form> p : all) {
            String h = ((HashedExpression) p).getExpressionHash();
            assertFalse(h.matches("[0-9A-F]{32}"), "never a generated lambda's hash: " + h);
            hashes.add(h);
        }
        assertEquals(all.size(), hashes.size(), hashes.toString());
        assertEquals(((HashedExpression) FormConditions.textEquals("a", "X", "c", "r1", "")).getExpressionHash(),
                ((HashedExpression) FormConditions.textEquals("a", "X", "other", "r2", "")).getExpressionHash());
        assertNotEquals(FormConditions.textEquals("a", "X", "c"), FormConditions.textEquals("a", "X", "c"), "identity, as enums");
    }

    @Test
    void rewrite_leavesEveryOtherShapeAsGenerated() {
        String head = "package motcua.pT.P58;\n\nimport io.github.motcua.rules.vocabulary.Form;\n\n";
        String lambda = "@org.drools.compiler.kie.builder.MaterializedLambda()\n"
                + "public enum LambdaPredicate58D0 implements org.drools.model.functions.Predicate1<io.github.motcua.rules.vocabulary.Form>, "
                + "org.drools.model.functions.HashedExpression {\n\n    INSTANCE;\n\n"
                + "    public static final String EXPRESSION_HASH = \"243291B42834605CF4C4F042BBE4D6F8\";\n\n"
                + "    public java.lang.String getExpressionHash() {\n        return EXPRESSION_HASH;\n    }\n\n"
                + "    @Override()\n    public boolean test(io.github.motcua.rules.vocabulary.Form _this) throws java.lang.Exception {\n"
                + "        return BODY;\n    }\n\n"
                + "    @Override()\n    public org.drools.model.functions.PredicateInformation predicateInformation() {\n"
                + "        org.drools.model.functions.PredicateInformation info = new org.drools.model.functions.PredicateInformation(\"c\");\n"
                + "        info.addRuleNames(\"r1\", \"\");\n        return info;\n    }\n}\n";
        String eq = "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.text(\"a.b\"), \"CO\")";
        assertEquals("io.github.motcua.rules.internal.FormConditions.textEquals(\"a.b\", \"CO\", \"c\", \"r1\", \"\")",
                FormConditionSources.replacement(head + lambda.replace("BODY", eq)));
        assertEquals("io.github.motcua.rules.internal.FormConditions.boolEquals(\"a\", false, \"c\", \"r1\", \"\")",
                FormConditionSources.replacement(head + lambda.replace("BODY",
                        "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.bool(\"a\"), false)")));
        for (String other : List.of(eq + " && _this.has(\"x\")", "!" + eq,
                "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.text(\"a.b\"), null)",
                "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.text(\"a.b\"), true)",
                "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.bool(\"a\"), \"true\")",
                "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.text(\"a\\u0022.b\"), \"CO\")",
                "org.drools.modelcompiler.util.EvaluationUtil.areNullSafeEquals(_this.date(\"a\"), \"CO\")")) {
            assertNull(FormConditionSources.replacement(head + lambda.replace("BODY", other)), other);
        }
        // another member, or code before the class, and it is not the generator's shape
        assertNull(FormConditionSources.replacement(head + lambda.replace("BODY", eq).replace("INSTANCE;", "INSTANCE; static int n;")));
        assertNull(FormConditionSources.replacement(head + "class X { }\n" + lambda.replace("BODY", eq)));
        assertNull(FormConditionSources.replacement(head + lambda.replace("BODY", eq) + "class X { }\n"));
    }

    @Test
    void verifier_libraryConditionsOnlyWhereTheRuleModelIsBuilt() {
        String call = "io.github.motcua.rules.internal.FormConditions.textEquals(\"a\", \"b\", \"c\")";
        BytecodeVerifierTest.refusedFor(BytecodeVerifierTest.condition(call + " != null"), "runs per decision may not build rules");
        BytecodeVerifierTest.refusedFor(BytecodeVerifierTest.consequence("if (" + call + " != null) decision.note(\"x\");"),
                "runs per decision may not build rules");
    }
}
