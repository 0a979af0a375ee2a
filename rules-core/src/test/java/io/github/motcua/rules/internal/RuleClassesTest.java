package io.github.motcua.rules.internal;

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
        assertTrue(g.classes().keySet().stream().filter(n -> n.matches("motcua/pT/L[0-9a-z]+")).count() >= 2, g.classes().keySet().toString());
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
}
