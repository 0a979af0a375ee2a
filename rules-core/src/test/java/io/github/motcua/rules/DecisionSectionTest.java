package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A section added in one class ({@link ReturnByPostSection}) shows in the decision JSON, the trace,
 * the text and the analysts' cases, with no change to the engine.
 */
class DecisionSectionTest {
    private static final String BASIS = """
            - id: QD45-2016
              act: "Quyết định 45/2016/QĐ-TTg về tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích"
              article: "4"
              verified: false
              note: "test pack: article not checked"
            """;

    @TempDir
    Path dir;

    private Path pack() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("legal-bases/post.yaml"), BASIS);
        TestPacks.write(p.resolve("return-by-post.yaml"), "basis: QD45-2016\nprocedures: 1.001193\n");
        return p;
    }

    private static Engine engine(Path p) {
        Engine e = Motcua.engine().clock(TestPacks.CLOCK).section(new ReturnByPostSection()).build();
        e.load(p).orThrow();
        return e;
    }

    @Test
    void decide_registeredSection_writesItsPartJsonTraceAndText() throws Exception {
        try (Engine e = engine(pack())) {
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertTrue(d.part(ReturnByPostSection.KEY).orElseThrow().offered());
            assertEquals("QD45-2016", d.part(ReturnByPostSection.KEY).orElseThrow().basis().id());

            JsonNode json = JsonMapper.builder().build().readTree(d.toJson());
            assertTrue(json.get("returnByPost").get("offered").asBoolean());
            assertEquals("QD45-2016", json.get("returnByPost").get("basis").get("id").asString());
            List<String> keys = new java.util.ArrayList<>();
            json.propertyNames().forEach(keys::add);
            // a registered section's part comes after the built-in ones in the JSON (registration order)
            assertEquals(List.of("procedure", "eligibility", "reasons", "components", "form", "deadline", "commitment",
                    "routing", "fees", "digitisation", "returnByPost", "deadlineAdjustments", "feeDirectives", "notes", "trace", "cause", "provenance"), keys);

            assertTrue(d.trace().stream().anyMatch(t -> t.kind() == Decision.TraceStep.Kind.SECTION
                    && t.file().equals("return-by-post.yaml") && t.basis().id().equals("QD45-2016")), d.trace().toString());
            JsonNode step = json.get("trace").get(json.get("trace").size() - 1);
            assertEquals("SECTION", step.get("kind").asString());

            assertTrue(d.toTextVi().contains("Trả kết quả qua bưu chính công ích: có"), d.toTextVi());
            assertTrue(d.toTextEn().contains("Result returned by public post: yes"), d.toTextEn());
        }
    }

    @Test
    void decide_procedureNotListed_getsItsPartSaysNo_andRefusedDossierGetsNone() {
        try (Engine e = engine(pack())) {
            Decision marriage = e.decide(TestPacks.marriage("{}"));
            if (marriage.eligibility() == Eligibility.ELIGIBLE) {
                assertFalse(marriage.part(ReturnByPostSection.KEY).orElseThrow().offered());
            } else {
                assertTrue(marriage.part(ReturnByPostSection.KEY).isEmpty());
                assertTrue(marriage.toJson().contains("\"returnByPost\" : null"), marriage.toJson());
            }
        }
    }

    @Test
    void cases_expectationOfTheSection_isCheckedByIt() {
        Path p = pack();
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("eligibility: ELIGIBLE", "eligibility: ELIGIBLE\n    returnByPost: { offered: true }"));
        try (Engine e = engine(p)) {
            CaseResult r = birthCase(e);
            assertTrue(r.passed(), r.report());
            assertEquals(Map.of("offered", true), r.packCase().expect().parts().get("returnByPost"));
        }
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("returnByPost: \\{ offered: true }", "returnByPost: { offered: false }"));
        try (Engine e = engine(p)) {
            CaseResult r = birthCase(e);
            // a section's one English text "part: expected X, actual Y" is worded Vietnamese first by the runner
            assertEquals(List.of("returnByPost.offered: ca kiểm thử ghi false, kết quả là true / expected false, actual true"),
                    r.mismatches());
        }
    }

    private static CaseResult birthCase(Engine e) {
        return CaseRunner.runAll(e).stream().filter(x -> x.packCase().file().endsWith("giay-chung-sinh.yaml"))
                .findFirst().orElseThrow();
    }

    @Test
    void load_expectationNoSectionClaims_isAProblemAtItsLine() {
        Path p = pack();
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("eligibility: ELIGIBLE", "eligibility: ELIGIBLE\n    returnByPost: { offered: true }"));
        try (Engine e = TestPacks.engine()) { // the section is not registered
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = r.problems().stream().filter(q -> q.code().equals("CASE_UNKNOWN_EXPECTATION")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.problems().toString()));
            assertEquals("procedures/1.001193/cases/giay-chung-sinh.yaml", x.file());
            assertEquals(9, x.line());
        }
    }

    @Test
    void load_sectionProblem_namesItsFileAndLine() {
        Path p = pack();
        TestPacks.write(p.resolve("return-by-post.yaml"), "procedures: 1.001193\nbasis: QD-KHONG-CO\n");
        try (Engine e = Motcua.engine().section(new ReturnByPostSection()).build()) {
            LoadResult r = e.load(p);
            assertEquals("return-by-post.yaml:2:8: [UNKNOWN_BASIS] Căn cứ pháp lý [QD-KHONG-CO] không có trong legal-bases/*.yaml",
                    r.problems().get(0).toString());
        }
    }

    /** A section whose code throws. */
    static final class Broken implements DecisionSection<String> {
        private final RuntimeException failure;

        Broken() {
            this(new IllegalStateException("hỏng"));
        }

        Broken(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Decision.Key<String> key() {
            return Decision.Key.of("broken", String.class);
        }

        @Override
        public Stage stage() {
            return Stage.ROUTING;
        }

        @Override
        public boolean claims(String path) {
            return false;
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return new Result(null, List.of());
        }

        @Override
        public String contribute(DecisionContext context) {
            throw failure;
        }

        @Override
        public Object toJson(String part) {
            return part;
        }
    }

    @Test
    void decide_sectionThatThrows_givesIndeterminateNamingIt_andLaterStagesDoNotRun() {
        try (Engine e = Motcua.engine().clock(TestPacks.CLOCK).section(new Broken()).build()) {
            e.load(TestPacks.copy("ho-tich", dir)).orThrow();
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(Eligibility.INDETERMINATE, d.eligibility());
            assertEquals(Decision.Cause.Code.SECTION_FAILED, d.cause().code());
            assertTrue(d.cause().messageEn().contains("[broken]"), d.cause().messageEn());
            assertNull(d.deadline()); // routing runs before the deadline: the deadline stage never ran
            // routing runs before the rules too: the catalogue's required components, as for a bad form
            assertFalse(d.components().isEmpty());
            assertTrue(d.trace().stream().noneMatch(t -> t.kind() == Decision.TraceStep.Kind.RULE), d.trace().toString());
        }
    }

    /**
     * HotSpot throws a null dereference from hot compiled code without a message: a section's failure must read the
     * same on a cold JVM (the JDK's helpful message) and a warm one (none), in both languages.
     */
    @Test
    void decide_sectionThatDereferencesNull_readsTheSameWithOrWithoutTheJdksMessage() {
        List<Decision.Cause> causes = new java.util.ArrayList<>();
        for (RuntimeException npe : List.of(new NullPointerException(
                "Cannot invoke \"java.lang.Boolean.booleanValue()\" because the return value of \"x\" is null"),
                new NullPointerException())) {
            try (Engine e = Motcua.engine().clock(TestPacks.CLOCK).section(new Broken(npe)).build()) {
                e.load(TestPacks.copy("ho-tich", dir.resolve("npe" + causes.size()))).orThrow();
                causes.add(e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}")).cause());
            }
        }
        assertEquals(causes.get(1).messageVi(), causes.get(0).messageVi());
        assertEquals(causes.get(1).messageEn(), causes.get(0).messageEn());
        assertTrue(causes.get(0).messageEn().contains("[broken]") && causes.get(0).messageEn().contains("NullPointerException"),
                causes.get(0).messageEn());
        assertFalse(causes.get(0).messageEn().contains("java.lang"), causes.get(0).messageEn());
    }

    /** A section that refuses every dossier at the given stage, without a routing part. */
    static final class Refuser implements DecisionSection<String> {
        private final Stage stage;

        Refuser(Stage stage) {
            this.stage = stage;
        }

        @Override
        public Decision.Key<String> key() {
            return Decision.Key.of("refuser", String.class);
        }

        @Override
        public Stage stage() {
            return stage;
        }

        @Override
        public boolean claims(String path) {
            return false;
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return new Result(null, List.of());
        }

        @Override
        public String contribute(DecisionContext context) {
            context.refuse(Eligibility.WRONG_UNIT);
            return "refused";
        }

        @Override
        public Object toJson(String part) {
            return part;
        }
    }

    @Test
    void decide_refusalWithoutWhereToFile_orAfterTheRoutingStage_isSectionFailed() {
        for (DecisionSection.Stage stage : List.of(DecisionSection.Stage.ROUTING, DecisionSection.Stage.DEADLINE)) {
            try (Engine e = Motcua.engine().clock(TestPacks.CLOCK).section(new Refuser(stage)).build()) {
                e.load(TestPacks.copy("ho-tich", dir.resolve(stage.name()))).orThrow();
                Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
                // WRONG_UNIT must name where to file (a routing part that is not accepted): never a bare refusal
                assertEquals(Eligibility.INDETERMINATE, d.eligibility(), stage.name());
                assertEquals(Decision.Cause.Code.SECTION_FAILED, d.cause().code(), stage.name());
                assertTrue(d.cause().messageEn().contains("[refuser]"), d.cause().messageEn());
            }
        }
    }
}
