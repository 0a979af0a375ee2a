package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Engine#decisionPath}: which path decides each procedure, and why a compiled one is compiled. */
class DecisionPathTest {
    static final String BIRTH = "1.001193";
    static final String DEATH = "1.000894";

    @TempDir
    Path dir;

    @Test
    void decisionPath_plainVocabularyRules_areData() {
        try (Engine e = TestPacks.engine()) {
            assertTrue(e.load(TestPacks.copy("ho-tich", dir)).ok());
            assertEquals(Optional.of(new DecisionPath(DecisionPath.Kind.DATA, "")), e.decisionPath(BIRTH));
            assertEquals(Optional.of(new DecisionPath(DecisionPath.Kind.DATA, "")), e.decisionPath(DEATH));
        }
    }

    @Test
    void decisionPath_aRuleOutsideTheDataSubset_compilesTheProcedureAndNamesTheRuleAndConstruct() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/" + BIRTH + "/extra.drl"), RuleCompileTest.rule("Có a trong hai cặp ngoặc thì ghi chú",
                "@basis(\"LHT-2014-D16\")", "Form( ((has(\"a\"))) )", "decision.note(\"x\");"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), RuleCompileTest.dump(r));
            DecisionPath path = e.decisionPath(BIRTH).orElseThrow();
            assertEquals(DecisionPath.Kind.COMPILED, path.kind());
            assertEquals("rule [Có a trong hai cặp ngoặc thì ghi chú]: constraint `((has(\"a\")))`: parentheses", path.reason());
            // the other procedure of the same pack stays data
            assertEquals(DecisionPath.Kind.DATA, e.decisionPath(DEATH).orElseThrow().kind());
        }
    }

    @Test
    void decisionPath_anAgendaGroup_isDataDecidedWithASessionNamingTheRule() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/" + DEATH + "/extra.drl"), RuleCompileTest.rule("Nhóm riêng",
                "@basis(\"LHT-2014-D16\")\n  agenda-group \"g\"", "Form()", "decision.note(\"x\");"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), RuleCompileTest.dump(r));
            assertEquals(Optional.of(new DecisionPath(DecisionPath.Kind.DATA_IN_SESSION, "rule [Nhóm riêng]: agenda-group")),
                    e.decisionPath(DEATH));
        }
    }

    @Test
    void decisionPath_lazyParse_parsesTheFolderFirst_sameAnswer() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/" + BIRTH + "/extra.drl"), RuleCompileTest.rule("Có a trong hai cặp ngoặc thì ghi chú",
                "@basis(\"LHT-2014-D16\")", "Form( ((has(\"a\"))) )", "decision.note(\"x\");"));
        try (Engine e = Motcua.engine().lazyParse(true).backgroundWarmUp(false).build()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), RuleCompileTest.dump(r));
            assertEquals(DecisionPath.Kind.COMPILED, e.decisionPath(BIRTH).orElseThrow().kind());
            assertEquals(DecisionPath.Kind.DATA, e.decisionPath(DEATH).orElseThrow().kind());
            assertEquals(Optional.empty(), e.decisionPath("9.999999"));
        }
    }

    @Test
    void decisionPath_unknownCodeOrNoPack_isEmpty() {
        try (Engine e = TestPacks.engine()) {
            assertEquals(Optional.empty(), e.decisionPath(BIRTH));
            assertTrue(e.load(TestPacks.copy("ho-tich", dir)).ok());
            assertEquals(Optional.empty(), e.decisionPath("9.999999"));
            // a null code is a programming error (session 17: it answered empty), with or without a pack
            assertEquals("procedureCode", org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                    () -> e.decisionPath(null)).getMessage());
        }
    }
}
