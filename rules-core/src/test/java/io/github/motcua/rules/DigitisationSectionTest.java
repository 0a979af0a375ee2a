package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in digitisation section (số hóa, tái sử dụng kết quả): a pack's digitisation.yaml is checked
 * at load (every mistake a typed problem at its file, line and column, Vietnamese first; a broken file
 * on reload keeps the serving pack), and a decision waives a component whose result the citizen's data
 * store holds, naming the issuing procedure and result, and lists the papers left to digitise.
 */
class DigitisationSectionTest {
    private static final String BASES = """
            - id: SO-HOA
              act: "Nghị định 45/2020/NĐ-CP (test pack)"
              verified: false
              note: "test pack"
            - id: DANH-MUC
              act: "Danh mục bắt buộc số hóa (test pack)"
              verified: false
              note: "test pack"
            - id: TAI-SU-DUNG
              act: "Nghị định 107/2021/NĐ-CP (test pack)"
              verified: false
              note: "test pack"
            """;
    /** The marriage registration issues its certificate; the birth registration takes it for one paper (a test declaration). */
    private static final String GOOD = """
            digitise:
              basis: SO-HOA
              list: DANH-MUC
            reuse:
              basis: TAI-SU-DUNG
            procedures:
              "1.000894":
                digitise: [to-khai]
                results:
                  - id: giay-chung-nhan-ket-hon
                    name: { vi: "Giấy chứng nhận kết hôn", en: "Marriage certificate" }
              "1.001193":
                digitise: [to-khai, giay-chung-sinh, van-ban-lam-chung, giay-cam-doan]
                reuse:
                  - component: van-ban-lam-chung
                    results: ["1.000894/giay-chung-nhan-ket-hon"]
                  - component: giay-chung-sinh
                    results: ["1.000894/giay-chung-nhan-ket-hon"]
            """;

    @TempDir
    Path dir;

    private int packs;

    private Path pack(String digitisation) {
        Path p = TestPacks.copy("ho-tich", dir.resolve("pack" + packs++));
        TestPacks.write(p.resolve("legal-bases/digitisation.yaml"), BASES);
        if (digitisation != null) {
            TestPacks.write(p.resolve("digitisation.yaml"), digitisation);
        }
        return p;
    }

    private static String birth(String form, String channel, String held) {
        return "{\"procedure\":\"1.001193\",\"channel\":\"" + channel + "\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                + "\"heldData\":[" + held + "],\"form\":" + form + "}";
    }

    private List<PackProblem> problems(String digitisation) {
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(digitisation));
            assertFalse(r.ok(), "a bad digitisation.yaml must not load");
            return r.problems();
        }
    }

    private static PackProblem only(List<PackProblem> problems, String code) {
        List<PackProblem> mine = problems.stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, mine.size(), problems.toString());
        assertEquals(problems.size(), mine.size(), "no other problem: " + problems);
        assertEquals("digitisation.yaml", mine.get(0).file());
        return mine.get(0);
    }

    @Test
    void decide_heldResult_waivesTheComponent_namingProcedureResultAndBasis() throws Exception {
        try (Engine e = TestPacks.loaded(pack(GOOD))) {
            Decision d = e.decide(birth("{\"giayChungSinh\":\"CO\"}", "DESK", "\"1.000894/giay-chung-nhan-ket-hon\""));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            RequiredComponent waived = d.components().stream().filter(c -> c.id().equals("giay-chung-sinh")).findFirst()
                    .orElseThrow();
            assertEquals(RequiredComponent.ComponentStatus.WAIVED, waived.status());
            assertEquals("1.000894/giay-chung-nhan-ket-hon", waived.waivedBy());
            assertEquals("digitisation.yaml", waived.condition());
            assertEquals("TAI-SU-DUNG", waived.basis().id());

            Digitisation part = d.part(Digitisation.KEY).orElseThrow();
            assertTrue(part.atReceipt());
            assertEquals(List.of("to-khai"), part.toDigitise().stream().map(Digitisation.Paper::componentId).toList(),
                    "a waived paper is not digitised");
            Digitisation.Reused r = part.reused().get(0);
            assertEquals(List.of("giay-chung-sinh", "1.000894", "Đăng ký kết hôn", "Giấy chứng nhận kết hôn"),
                    List.of(r.componentId(), r.procedure(), r.procedureNameVi(), r.resultNameVi()));
            assertTrue(d.trace().stream().anyMatch(t -> t.kind() == Decision.TraceStep.Kind.SECTION
                    && "digitisation.yaml".equals(t.file()) && t.line() > 0 && t.basis().id().equals("TAI-SU-DUNG")
                    && t.rule().contains("1.000894") && t.rule().contains("giay-chung-sinh")), d.trace().toString());

            JsonNode json = JsonMapper.builder().build().readTree(d.toJson());
            JsonNode dj = json.get("digitisation");
            assertEquals("to-khai", dj.get("toDigitise").get(0).get("component").asString());
            assertEquals("1.000894", dj.get("reused").get(0).get("procedure").asString());
            assertEquals("DANH-MUC", dj.get("listBasis").get("id").asString());
            assertEquals("1.000894/giay-chung-nhan-ket-hon",
                    json.get("components").get(1).get("waivedBy").asString(), json.get("components").toString());

            String vi = d.toTextVi();
            assertTrue(vi.contains("Thành phần hồ sơ phải số hóa khi tiếp nhận (1)"), vi);
            assertTrue(vi.contains("Tái sử dụng kết quả đã số hóa: [Giấy chứng sinh] được miễn nộp — Giấy chứng nhận kết hôn"
                    + " do thủ tục 1.000894 (Đăng ký kết hôn) cấp"), vi);
            String en = d.toTextEn();
            assertTrue(en.contains("Components to digitise at receipt (1)"), en);
            assertTrue(en.contains("Marriage certificate issued by procedure 1.000894"), en);
        }
    }

    @Test
    void decide_withoutTheHeldResult_listsEveryPaperToDigitise_andWaivesNothing() {
        try (Engine e = TestPacks.loaded(pack(GOOD))) {
            Decision d = e.decide(birth("{\"giayChungSinh\":\"CO\"}", "DESK", "\"CSDL_HO_TICH\""));
            assertTrue(d.components().stream().noneMatch(c -> c.status() == RequiredComponent.ComponentStatus.WAIVED));
            Digitisation part = d.part(Digitisation.KEY).orElseThrow();
            assertEquals(List.of("to-khai", "giay-chung-sinh"),
                    part.toDigitise().stream().map(Digitisation.Paper::componentId).toList());
            assertEquals(List.of(), part.reused());
            assertNull(part.toDigitise().get(0).nationalCode(), "a hand-written procedure has no national code");
        }
    }

    @Test
    void decide_heldResultForOneMemberOfAGroup_satisfiesTheGroup() {
        try (Engine e = TestPacks.loaded(pack(GOOD))) {
            Decision d = e.decide(birth("{\"giayChungSinh\":\"KHONG_CO\"}", "DESK", "\"1.000894/giay-chung-nhan-ket-hon\""));
            String statuses = d.components().stream().map(c -> c.id() + "=" + c.status()).collect(Collectors.joining(","));
            assertEquals("to-khai=REQUIRED,van-ban-lam-chung=WAIVED,giay-cam-doan=OPTIONAL", statuses);
            List<Digitisation.Paper> papers = d.part(Digitisation.KEY).orElseThrow().toDigitise();
            assertEquals(List.of("to-khai", "giay-cam-doan"), papers.stream().map(Digitisation.Paper::componentId).toList());
            assertFalse(papers.get(0).ifBrought());
            assertTrue(papers.get(1).ifBrought(), "an optional paper is digitised when the citizen brings it");
            assertTrue(d.toTextVi().contains("Giấy cam đoan về việc sinh (nếu công dân nộp)"), d.toTextVi());
        }
    }

    @Test
    void decide_online_nothingToDigitiseAtReceipt_butTheResultIsStillReused() {
        try (Engine e = TestPacks.loaded(pack(GOOD))) {
            Decision d = e.decide(birth("{\"giayChungSinh\":\"CO\"}", "ONLINE", "\"1.000894/giay-chung-nhan-ket-hon\""));
            Digitisation part = d.part(Digitisation.KEY).orElseThrow();
            assertFalse(part.atReceipt());
            assertEquals(List.of(), part.toDigitise());
            assertEquals(1, part.reused().size());
            assertTrue(d.toTextVi().contains("Số hóa khi tiếp nhận: không cần"), d.toTextVi());
        }
    }

    @Test
    void decide_issuingProcedure_namesItsReusableResult_byTheKeyADossierHolds() {
        try (Engine e = TestPacks.loaded(pack(GOOD))) {
            Decision d = e.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2000-03-02\"},\"vo\":{\"ngaySinh\":\"2002-03-02\"},\"haiBenCoMat\":true}"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            Digitisation part = d.part(Digitisation.KEY).orElseThrow();
            assertEquals(List.of("1.000894/giay-chung-nhan-ket-hon"),
                    part.issues().stream().map(Digitisation.IssuedResult::key).toList());
            assertTrue(d.toTextVi().contains("mã trong kho dữ liệu: 1.000894/giay-chung-nhan-ket-hon"), d.toTextVi());
        }
    }

    @Test
    void decide_packWithoutTheFile_hasNoPart() throws Exception {
        try (Engine e = TestPacks.loaded(pack(null))) {
            Decision d = e.decide(birth("{\"giayChungSinh\":\"CO\"}", "DESK", "\"1.000894/giay-chung-nhan-ket-hon\""));
            assertTrue(d.part(Digitisation.KEY).isEmpty());
            assertTrue(JsonMapper.builder().build().readTree(d.toJson()).get("digitisation").isNull());
            assertTrue(d.components().stream().noneMatch(c -> c.status() == RequiredComponent.ComponentStatus.WAIVED));
        }
    }

    @Test
    void load_unknownComponent_isAProblemAtItsLine_namingTheProcedureComponents() {
        PackProblem p = only(problems(GOOD.replace("digitise: [to-khai, giay-chung-sinh,", "digitise: [to-khai, giay-chung-snh,")),
                "DIGITISATION_UNKNOWN_COMPONENT");
        assertEquals(13, p.line(), p.toString());
        assertTrue(p.messageVi().startsWith("Thủ tục [1.001193] không có thành phần hồ sơ [giay-chung-snh]"), p.messageVi());
        assertTrue(p.messageVi().contains("giay-chung-sinh"), "names the components it has: " + p.messageVi());
        assertTrue(p.messageEn().startsWith("procedure [1.001193] has no component [giay-chung-snh]"), p.messageEn());
    }

    @Test
    void load_unknownReuseComponent_isAProblemAtItsLine() {
        PackProblem p = only(problems(GOOD.replace("component: van-ban-lam-chung", "component: van-ban")),
                "DIGITISATION_UNKNOWN_COMPONENT");
        assertEquals(15, p.line(), p.toString());
        assertEquals(9, p.column(), p.toString());
    }

    @Test
    void load_unknownResult_isAProblemAtItsLine_listingTheDeclaredResults() {
        PackProblem p = only(problems(GOOD.replace("results: [\"1.000894/giay-chung-nhan-ket-hon\"]\n      - component: giay-chung-sinh",
                "results: [\"1.000894/giay-ket-hon\"]\n      - component: giay-chung-sinh")), "DIGITISATION_UNKNOWN_RESULT");
        assertEquals(16, p.line(), p.toString());
        assertTrue(p.messageVi().startsWith("Kết quả [1.000894/giay-ket-hon] chưa được khai báo"), p.messageVi());
        assertTrue(p.messageVi().endsWith("1.000894/giay-chung-nhan-ket-hon"), p.messageVi());
        assertTrue(p.messageEn().startsWith("result [1.000894/giay-ket-hon] is not declared"), p.messageEn());
    }

    @Test
    void load_procedureNotInThePack_isAWarningAtItsLine_withTheClosestCodes_andThePackLoads() {
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(GOOD + "  \"1.001194\":\n    digitise: [to-khai]\n"));
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(1, r.warnings().size(), r.warnings().toString());
            PackProblem w = r.warnings().get(0);
            assertEquals("UNKNOWN_PROCEDURE", w.code());
            assertEquals("digitisation.yaml", w.file());
            assertEquals(19, w.line(), w.toString());
            assertTrue(w.messageEn().startsWith("procedure [1.001194] is not in the pack") && w.messageEn().endsWith("closest codes: 1.001193, 1.000894"),
                    w.messageEn());
        }
    }

    /**
     * The closest codes come from the loaded procedures and their aliases (no procedure.yaml parsed again):
     * a typo of an old code (alias) names the procedure it belongs to, and the suggestion is the very one
     * pack.yaml's cut-offs give for the same code.
     */
    @Test
    void load_procedureNotInThePack_closestCodesSearchTheLoadedProceduresAndAliases_asTheCutOffsDo() {
        Path p = pack(GOOD + "  \"GL.KS.1\":\n    digitise: [to-khai]\n");
        TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"),
                y -> y.replace("code: \"1.001193\"\n", "code: \"1.001193\"\naliases:\n  - { code: \"GL.KS.01\", note: \"mã cũ\" }\n"));
        TestPacks.edit(p.resolve("pack.yaml"),
                y -> y + "\ncutOffs:\n  - { procedures: [\"GL.KS.1\"], at: \"16:00\", basis: LHT-2014-D5 }\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), r.problems().toString());
            PackProblem digitisation = r.warnings().stream().filter(w -> w.file().equals("digitisation.yaml")).findFirst().orElseThrow();
            PackProblem cutOff = r.warnings().stream().filter(w -> w.file().equals("pack.yaml")).findFirst().orElseThrow();
            assertEquals("UNKNOWN_PROCEDURE", digitisation.code());
            assertEquals(19, digitisation.line(), digitisation.toString());
            assertTrue(digitisation.messageEn().startsWith("procedure [GL.KS.1] is not in the pack")
                    && digitisation.messageEn().endsWith("closest codes: 1.001193"), digitisation.messageEn());
            assertEquals(cutOff.messageVi(), digitisation.messageVi(), "the same words and closest codes as the cut-offs'");
        }
    }

    @Test
    void load_unknownBasis_duplicate_ownResult_noNationalRecord_eachTyped() {
        PackProblem basis = only(problems(GOOD.replace("list: DANH-MUC", "list: DANH-MUC-GL")), "DIGITISATION_UNKNOWN_BASIS");
        assertEquals(3, basis.line(), basis.toString());
        assertEquals(3, basis.column(), basis.toString());

        PackProblem dup = only(problems(GOOD.replace("digitise: [to-khai]", "digitise: [to-khai, to-khai]")),
                "DIGITISATION_DUPLICATE");
        assertEquals(8, dup.line(), dup.toString());

        PackProblem own = only(problems(GOOD.replace("  \"1.001193\":\n",
                "  \"1.001193\":\n    results:\n      - id: giay-khai-sinh\n        name: { vi: \"Giấy khai sinh\" }\n")
                .replace("results: [\"1.000894/giay-chung-nhan-ket-hon\"]\n      - component: giay-chung-sinh",
                        "results: [\"1.001193/giay-khai-sinh\"]\n      - component: giay-chung-sinh")),
                "DIGITISATION_OWN_RESULT");
        assertTrue(own.messageEn().contains("cannot reuse its own result [1.001193/giay-khai-sinh]"), own.messageEn());

        PackProblem national = only(problems(GOOD.replace("digitise: [to-khai]",
                "digitise: [{ component: to-khai, nationalCode: \"1.000894-TP1\" }]")), "DIGITISATION_NO_NATIONAL_RECORD");
        assertEquals(8, national.line(), national.toString());
    }

    @Test
    void load_schemaAndYamlMistakes_areProblemsAtTheirLine() {
        List<PackProblem> unknownKey = problems(GOOD.replace("    digitise: [to-khai]\n", "    digitise: [to-khai]\n    digitize: [to-khai]\n"));
        assertTrue(unknownKey.stream().allMatch(p -> p.code().equals("SCHEMA") && p.file().equals("digitisation.yaml")),
                unknownKey.toString());
        // at the misspelt key's own line, naming the key meant (until session 18: at its object's line, 7)
        assertTrue(unknownKey.stream().anyMatch(p -> p.line() == 9 && p.messageVi().contains("digitize")
                && p.messageVi().contains("[digitise]")), unknownKey.toString());

        List<PackProblem> badId = problems(GOOD.replace("id: giay-chung-nhan-ket-hon", "id: \"Giấy CN\""));
        assertEquals("SCHEMA", badId.get(0).code(), badId.toString());
        assertEquals(10, badId.get(0).line(), badId.toString());

        List<PackProblem> syntax = problems(GOOD.replace("  basis: TAI-SU-DUNG", "  basis: [TAI-SU-DUNG"));
        assertEquals("digitisation.yaml", syntax.get(0).file(), syntax.toString());
        assertTrue(syntax.get(0).line() > 0, syntax.toString());
    }

    @Test
    void reload_brokenFile_keepsTheServingPackAndItsLists() throws Exception {
        Path p = pack(GOOD);
        try (Engine e = TestPacks.loaded(p)) {
            TestPacks.write(p.resolve("digitisation.yaml"), GOOD.replace("component: van-ban-lam-chung", "component: van-ban"));
            ReloadResult r = e.reload(p).get();
            assertFalse(r.swapped());
            assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("DIGITISATION_UNKNOWN_COMPONENT")), r.problems().toString());
            Decision d = e.decide(birth("{\"giayChungSinh\":\"CO\"}", "DESK", "\"1.000894/giay-chung-nhan-ket-hon\""));
            assertEquals(1, d.part(Digitisation.KEY).orElseThrow().reused().size(), "the old lists still serve");
        }
    }

    @Test
    void messages_bothLanguagesSameKeysAndPlaceholders_vietnameseFirst() {
        String bundle = "io/github/motcua/rules/digitisation";
        assertEquals(List.of(), Messages.check(bundle));
        assertTrue(Messages.keys(bundle).size() >= 15);
        String vi = Messages.render(bundle, "TEXT_DIGITISE_HEAD", java.util.Map.of("count", "2"), Locale.forLanguageTag("vi"));
        assertEquals("Thành phần hồ sơ phải số hóa khi tiếp nhận (2)", vi);
    }

    /** A case expecting digitisation that differs: each mismatch Vietnamese first, the section's words in each half. */
    @Test
    void caseExpectingDigitisation_mismatchesAreWordedInEachLanguage() {
        Path p = pack(GOOD);
        TestPacks.write(p.resolve("procedures/1.000894/cases/so-hoa.yaml"), """
                - name: "Số hóa tờ khai kết hôn"
                  dossier:
                    channel: DESK
                    receivedAt: "2026-03-02T09:00:00+07:00"
                    form: { chong: { ngaySinh: "2000-01-01" }, vo: { ngaySinh: "2001-01-01" }, haiBenCoMat: true }
                  expect:
                    digitisation: { toDigitise: [giay-khac], soHoa: true }
                - name: "Kỳ vọng số hóa không phải một bảng"
                  dossier:
                    channel: DESK
                    receivedAt: "2026-03-02T09:00:00+07:00"
                    form: { chong: { ngaySinh: "2000-01-01" }, vo: { ngaySinh: "2001-01-02" }, haiBenCoMat: true }
                  expect:
                    digitisation: true
                """);
        try (Engine e = TestPacks.loaded(p)) {
            List<io.github.motcua.rules.cases.CaseResult> rs = io.github.motcua.rules.cases.CaseRunner.runAll(e).stream()
                    .filter(r -> r.packCase().file().endsWith("so-hoa.yaml")).toList();
            assertEquals(List.of("digitisation.toDigitise: ca kiểm thử ghi [giay-khac], kết quả là [to-khai]"
                            + " / expected [giay-khac], actual [to-khai]",
                    "digitisation.soHoa: mục mong đợi không xác định (các mục: toDigitise, reused, issues, atReceipt)"
                            + " / unknown expectation (toDigitise, reused, issues, atReceipt)"), rs.get(0).mismatches());
            assertEquals(List.of("digitisation: ca kiểm thử ghi một bảng gồm các khóa toDigitise, reused, issues, atReceipt,"
                    + " kết quả là true / expected a mapping (toDigitise, reused, issues, atReceipt), actual true"),
                    rs.get(1).mismatches());
        }
    }
}
