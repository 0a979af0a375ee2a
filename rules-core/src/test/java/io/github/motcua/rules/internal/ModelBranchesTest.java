package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The branch limits hold on what actually runs, not only on the parsed text: classes a prebuilt pack brings were never
 * parsed by this engine, and verified code may build any number of {@code or}s with a few instructions. Here the
 * generator is given a rule the parsed-tree check would refuse; its classes pass the bytecode verifier (as a tampered
 * artifact's classes would), and assembling them is refused naming the rule instead of running Drools out of memory.
 */
class ModelBranchesTest {
    static String orRule(int groups) {
        StringBuilder when = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            when.append("( Form( bool(\"laCon\") == true ) or Form( text(\"hoTen\") == \"X").append(i).append("\" ) )\n");
        }
        return "rule \"r1\" when\n" + when + "then\n  decision.note(\"r1\");\nend\n";
    }

    private static RuleClasses.Generated generate(String drl) throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        org.drools.drl.ast.descr.PackageDescr pd = new org.drools.drl.parser.DrlParser(
                org.kie.internal.builder.conf.LanguageLevelOption.DRL6).parse(false, RuleClassesTest.HEADER + drl);
        RuleClasses.Generated g = RuleClasses.generate("motcua.pT", List.of(pd),
                Map.of("r1", new CompiledProcedure.RuleInfo("r1", "x.drl", 1, null, null, null)), "x.drl",
                errors -> problems.add(new PackProblem("x.drl", 0, 0, "DRL_COMPILE", errors.toString(), errors.toString())),
                problems);
        assertNotNull(g, problems.toString());
        assertEquals(List.of(), BytecodeVerifier.verify(g.classes()), "the classes pass the verifier");
        return g;
    }

    @Test
    void assemble_modelWhoseOrsMultiplyPastTheLimit_refusedNamingTheRule_notRunOutOfMemory() throws Exception {
        RuleClasses.Generated g = generate(orRule(20));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleClasses.network(g));
        assertTrue(e.getMessage().contains("rule [r1] splits into > 1000000 branches, over the limit of 64"), e.getMessage());
    }

    @Test
    void assemble_modelAtTheLimit_assembles() throws Exception {
        RuleClasses.Generated g = generate(orRule(6));
        assertNotNull(RuleClasses.network(g).kieBase());
    }
}
