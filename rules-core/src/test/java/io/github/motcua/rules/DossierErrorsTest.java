package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 1: a dossier's errors in the asked language, one message per problem, each at its JSON
 * pointer and its line and column in the text, saying what is wrong and how to write it; a local
 * {@code receivedAt} at the desk is read in the pack's zone.
 */
class DossierErrorsTest {
    static final Locale VI = Locale.forLanguageTag("vi");
    /** Vietnamese letters with diacritics: none may appear in an English message. */
    static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]",
            Pattern.CASE_INSENSITIVE);
    static Engine engine;

    @BeforeAll
    static void load(@TempDir Path dir) {
        engine = TestPacks.loaded(TestPacks.copy("ho-tich", dir));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static String dossier(String channel, String receivedAt) {
        return "{\n  \"procedure\": \"1.001193\",\n  \"channel\": \"" + channel + "\",\n  \"receivedAt\": \"" + receivedAt
                + "\",\n  \"form\": {\"giayChungSinh\": \"CO\"}\n}";
    }

    static InvalidDossierException refused(String json) {
        return assertThrows(InvalidDossierException.class, () -> engine.decide(json));
    }

    @Nested
    class LocalReceivedAt {
        @Test
        void decide_deskWithoutOffset_readInThePacksZone() {
            Decision local = engine.decide(dossier("DESK", "2026-03-02T09:00"));
            Decision zoned = engine.decide(dossier("DESK", "2026-03-02T09:00:00+07:00"));
            assertEquals(zoned.deadline().due(), local.deadline().due());
            assertEquals(zoned.deadline().effectiveStart(), local.deadline().effectiveStart());
        }

        @Test
        void decide_onlineWithoutOffset_oneProblemWithTheCorrectedValue() {
            InvalidDossierException e = refused(dossier("ONLINE", "2026-02-13T16:10"));
            assertEquals(1, e.problems().size(), e.problems().toString());
            Problem p = e.problems().get(0);
            assertEquals("DOSSIER_NO_OFFSET", p.code().name());
            assertEquals("DOSSIER_NO_OFFSET_CHANNEL", p.key());
            assertEquals("/receivedAt", p.pointer());
            assertEquals(4, p.line());
            assertEquals(17, p.column()); // the opening quote of the value
            String en = p.message(Locale.ENGLISH);
            assertTrue(en.contains("2026-02-13T16:10:00+07:00") && en.contains("offset") && en.contains("DESK"), en);
            assertFalse(VIETNAMESE.matcher(en).find(), en);
            String vi = p.message(VI);
            assertTrue(vi.contains("2026-02-13T16:10:00+07:00") && vi.contains("thiếu độ lệch múi giờ"), vi);
            assertEquals(List.of("/receivedAt: " + en), e.messages(Locale.ENGLISH));
        }

        @Test
        void decide_withoutOffsetNoPack_refusedEvenAtTheDesk() {
            InvalidDossierException e = assertThrows(InvalidDossierException.class,
                    () -> Dossier.fromJson(dossier("DESK", "2026-02-13T16:10:00")));
            assertEquals("DOSSIER_NO_OFFSET", e.problems().get(0).code().name());
            assertEquals("DOSSIER_NO_OFFSET", e.problems().get(0).key());
            assertTrue(e.problems().get(0).message(Locale.ENGLISH).endsWith("write 2026-02-13T16:10:00+07:00"),
                    e.problems().get(0).message(Locale.ENGLISH));
        }

        @Test
        void decide_notADateTimeAtAll_saysHowToWriteIt() {
            Problem p = refused(dossier("DESK", "13/02/2026 16:10")).problems().get(0);
            assertEquals("DOSSIER_SCHEMA", p.code().name());
            assertEquals("DOSSIER_BAD_DATE_TIME", p.key());
            assertTrue(p.message(Locale.ENGLISH).contains("2026-02-13T15:30:00+07:00"), p.message(Locale.ENGLISH));
        }
    }

    @Nested
    class Positions {
        @Test
        void decide_severalProblems_eachOnceInFileOrderWithLineAndColumn() {
            String json = "{\n  \"procedure\": \"1.001193\",\n  \"channel\": \"FAX\",\n  \"recievedAt\": \"2026-03-02T09:00:00+07:00\",\n"
                    + "  \"applicant\": {\"personalId\": \"123\", \"categories\": [\"POOR\"]}\n}";
            InvalidDossierException e = refused(json);
            List<String> seen = e.problems().stream()
                    .map(p -> p.key() + " " + p.pointer() + " " + p.line() + ":" + p.column()).toList();
            assertEquals(List.of(
                    "DOSSIER_MISSING_FIELD /receivedAt 1:1",
                    "DOSSIER_NOT_ALLOWED /channel 3:14",
                    "DOSSIER_UNKNOWN_FIELD_CLOSEST /recievedAt 4:3",
                    "DOSSIER_PERSONAL_ID /applicant/personalId 5:31",
                    "DOSSIER_UNKNOWN_CATEGORY /applicant/categories/0 5:53"), seen);
            assertTrue(e.problems().stream().allMatch(p -> p.code().name().equals("DOSSIER_SCHEMA")), seen.toString());
            assertTrue(e.problems().get(2).message(Locale.ENGLISH).contains("did you mean [receivedAt]"));
            for (String m : e.messages(Locale.ENGLISH)) {
                assertFalse(VIETNAMESE.matcher(m).find(), m);
            }
        }

        @Test
        void decide_brokenJson_positionOfTheFault() {
            Problem p = refused("{\"procedure\": \"1.001193\",\n \"channel\": \"DESK\"\n \"x\": 1}").problems().get(0);
            assertEquals("DOSSIER_NOT_JSON", p.code().name());
            assertEquals(3, p.line());
            Problem unfinished = refused("{\"procedure\": ").problems().get(0);
            assertEquals("DOSSIER_NOT_JSON", unfinished.code().name());
            assertTrue(unfinished.messageVi().contains("JSON bị cắt ngang"), unfinished.messageVi());
            assertTrue(unfinished.messageEn().contains("the JSON is cut short"), unfinished.messageEn());
        }

        /** What is wrong where, in the kernel's plain words (session 19): as the pack's own JSON files are worded. */
        @Test
        void decide_notJson_saysWhatIsWrongAtWhichLineAndColumn_inVietnameseThenEnglish() {
            InvalidDossierException e = refused("{\n  \"procedure\": \"1.001193\",\n  \"channel\": \"DESK\",\n}");
            Problem p = e.problems().get(0);
            assertEquals("DOSSIER_NOT_JSON", p.code().name());
            assertEquals(4, p.line());
            assertEquals(1, p.column());
            assertEquals("không phải JSON hợp lệ ở dòng 4, cột 1: Thừa dấu phẩy trước dấu }: xóa dấu phẩy sau mục cuối cùng",
                    p.messageVi());
            assertEquals("not valid JSON at line 4, column 1: a comma too many before }: delete the comma after the last entry",
                    p.messageEn());
            // each thing once (session 20: "hồ sơ không hợp lệ: 4:1: không phải JSON hợp lệ ở dòng 4, cột 1: …" said the
            // place twice, and the same in English)
            assertEquals("hồ sơ không hợp lệ: không phải JSON hợp lệ ở dòng 4, cột 1: Thừa dấu phẩy trước dấu }: xóa dấu phẩy"
                    + " sau mục cuối cùng / invalid dossier: not valid JSON at line 4, column 1: a comma too many before }:"
                    + " delete the comma after the last entry", e.getMessage());
            // the one-language lists keep their documented form, the place first
            assertEquals(List.of("4:1: " + p.messageVi()), e.messages(VI));
            // a text without quotes, a single quote: the mistake named, never the parser's English
            Problem unquoted = refused("{\"procedure\": 1.001193x}").problems().get(0);
            assertFalse(unquoted.messageEn().contains("Unexpected") || unquoted.messageEn().contains("Unrecognized"),
                    unquoted.messageEn());
            Problem single = refused("{'procedure': '1.001193'}").problems().get(0);
            assertTrue(single.messageVi().contains("Tên trường phải nằm trong dấu ngoặc kép"), single.messageVi());
        }

        /** The limits keep their own typed results: a deep or huge dossier is not worded as a syntax mistake. */
        @Test
        void decide_deepOrHugeDossier_keepsItsLimitCode() {
            Problem deep = refused("{\"form\":" + "[".repeat(5000) + "]".repeat(5000) + "}").problems().get(0);
            assertEquals("DOSSIER_JSON_LIMIT", deep.code().name(), deep.toString());
            Problem huge = refused("\"" + "x".repeat(Dossier.MAX_JSON_CHARS) + "\"").problems().get(0);
            assertEquals("DOSSIER_TOO_LARGE", huge.code().name(), huge.toString());
        }
    }

    @Nested
    class UnknownValues {
        @Test
        void decide_unknownProcedure_namesTheClosestCodesWithTheirNamesAtTheLineOfTheCode() {
            NoSuchProcedureException e = assertThrows(NoSuchProcedureException.class,
                    () -> engine.decide(dossier("DESK", "2026-03-02T09:00:00+07:00").replace("1.001193", "1.001194")));
            Problem p = e.toProblem();
            assertEquals("UNKNOWN_PROCEDURE", p.code().name());
            assertEquals("/procedure", p.pointer());
            assertEquals(2, p.line());
            assertEquals(16, p.column());
            // closest first (one edit), then the pack's other code two edits away
            assertEquals(List.of("1.001193", "1.000894"), e.closest().stream().map(Procedure::code).toList());
            String en = p.message(Locale.ENGLISH);
            assertTrue(en.startsWith("no procedure [1.001194] in pack [") && en.endsWith("; closest codes: 1.001193 ("
                    + e.closest().get(0).name().enOrVi() + "), 1.000894 (" + e.closest().get(1).name().enOrVi() + ")"), en);
            assertFalse(VIETNAMESE.matcher(en).find(), en);
            String vi = p.message(VI);
            assertTrue(vi.contains("không có thủ tục [1.001194]; mã gần nhất: 1.001193 (" + e.closest().get(0).name().vi() + "), "), vi);
            assertEquals(1, e.toProblems().size());
        }

        @Test
        void decide_unknownProcedureNothingClose_namesNone() {
            NoSuchProcedureException e = assertThrows(NoSuchProcedureException.class,
                    () -> engine.decide(dossier("DESK", "2026-03-02T09:00:00+07:00").replace("1.001193", "9.999999")));
            assertEquals(List.of(), e.closest());
            assertFalse(e.toProblem().message(Locale.ENGLISH).contains("closest"), e.toProblem().message(Locale.ENGLISH));
        }

        @Test
        void decide_unknownReceivingUnit_atItsLineAndColumn() {
            String json = dossier("DESK", "2026-03-02T09:00:00+07:00").replace("\"channel\"", "\"unit\": \"khong-co\",\n  \"channel\"");
            Problem p = refused(json).problems().get(0);
            assertEquals("UNKNOWN_UNIT", p.code().name());
            assertEquals("/unit", p.pointer());
            assertEquals(3, p.line());
            assertEquals(11, p.column());
            assertEquals("đơn vị tiếp nhận [khong-co] không có trong units.yaml", p.messageVi());
            assertEquals("unknown receiving unit [khong-co]", p.messageEn());
        }

        @Test
        void decide_javaDossier_unknownProcedureHasNoPosition() {
            Dossier d = Dossier.fromJson(dossier("DESK", "2026-03-02T09:00:00+07:00").replace("1.001193", "1.001194"));
            Problem p = assertThrows(NoSuchProcedureException.class, () -> engine.decide(d)).toProblem();
            assertEquals(0, p.line());
            assertTrue(p.message(Locale.ENGLISH).contains("closest codes: 1.001193"), p.message(Locale.ENGLISH));
        }
    }

    /**
     * The JSON text {@code null} (README's entry point) is input: what is wrong in Vietnamese, then in English, with no
     * stray {@code ": "} where a dossier without a pointer has none; each language's text says the same.
     */
    @Test
    void decide_jsonNull_messageVietnameseThenEnglishWithoutStrayColon() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide("null"));
        assertEquals("hồ sơ không hợp lệ: hồ sơ trống / invalid dossier: empty dossier", e.getMessage());
        assertEquals(List.of("hồ sơ trống"), e.messages(VI));
        assertEquals(List.of("empty dossier"), e.messages(Locale.ENGLISH));
        assertEquals(List.of("hồ sơ trống / empty dossier"), e.violations());
        assertEquals("DOSSIER_EMPTY", e.toProblems().get(0).code().name());
    }

    /**
     * Session 17: a Java {@code null} is a programming error, named, as {@code decide((Dossier) null)} always was (it
     * was an {@code InvalidDossierException} "no dossier given (null)", reported as if a citizen had sent it).
     */
    @Test
    void javaNull_isAProgrammingError_namingTheArgument() {
        NullPointerException text = assertThrows(NullPointerException.class, () -> engine.decide((String) null));
        assertEquals("dossierJson", text.getMessage());
        assertEquals("dossier", assertThrows(NullPointerException.class, () -> engine.decide((Dossier) null)).getMessage());
        assertEquals("json", assertThrows(NullPointerException.class, () -> Dossier.fromJson(null)).getMessage());
        assertEquals("json", assertThrows(NullPointerException.class, () -> Tracking.parse(null)).getMessage());
        assertEquals("events", assertThrows(NullPointerException.class, () -> Tracking.track(
                engine.decide(dossier("DESK", "2026-03-02T09:00:00+07:00")), engine.deadlineEngine().orElseThrow(), null,
                java.time.Instant.EPOCH)).getMessage());
        assertEquals("c", assertThrows(NullPointerException.class,
                () -> io.github.motcua.rules.cases.CaseRunner.run(engine, null)).getMessage());
        assertEquals("procedureCode", assertThrows(NullPointerException.class, () -> engine.rules(null)).getMessage());
        assertEquals("procedureCode", assertThrows(NullPointerException.class, () -> engine.decisionPath(null)).getMessage());
        assertEquals("procedureCode", assertThrows(NullPointerException.class, () -> engine.feeTable(null)).getMessage());
        assertEquals(List.of(), engine.rules("9.999999"));
        assertTrue(engine.decisionPath("9.999999").isEmpty());
    }

    /** A dossier with pointed problems: each at its pointer, all in Vietnamese first, then all in English. */
    @Test
    void decide_schemaProblems_messageEachAtItsPointerVietnameseThenEnglish() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class,
                () -> engine.decide(dossier("FAX", "2026-03-02T09:00:00+07:00")));
        String vi = "hồ sơ không hợp lệ: " + String.join("; ", e.messages(VI));
        String en = "invalid dossier: " + String.join("; ", e.messages(Locale.ENGLISH));
        assertEquals(vi + " / " + en, e.getMessage());
        assertTrue(e.messages(Locale.ENGLISH).get(0).startsWith("/channel: "), e.getMessage());
        assertFalse(VIETNAMESE.matcher(en).find(), en);
    }

    /** The bare problem of an exception built without violations is not said twice. */
    @Test
    void invalidDossier_withoutViolations_messageSaysItOnceInEachLanguage() {
        assertEquals("hồ sơ không hợp lệ / invalid dossier", new InvalidDossierException(List.of()).getMessage());
    }

    /** A violation given as {@code "line:column: vi / en"} keeps its place: its words do not say it. */
    @Test
    void invalidDossier_positionedViolationWithoutWordsForThePlace_keepsLineAndColumn() {
        assertEquals("hồ sơ không hợp lệ: 3:7: thiếu giá trị / invalid dossier: 3:7: missing value",
                new InvalidDossierException(List.of("3:7: thiếu giá trị / missing value")).getMessage());
    }

    /** An invalid dossier with no violation named still says so, from the bundle, in both languages. */
    @Test
    void invalidDossier_withoutViolations_isOneBilingualProblem() {
        Problem p = new InvalidDossierException(List.of()).toProblem();
        assertEquals("INVALID_DOSSIER", p.code().name());
        assertEquals("hồ sơ không hợp lệ", p.messageVi());
        assertEquals("invalid dossier", p.messageEn());
    }

    /** Step events refused: a code, where, and one message in each language from the dossier bundle. */
    @Test
    void stepEvents_refused_codeWhereAndEachLanguage() {
        Problem none = assertThrows(InvalidDossierException.class, () -> Tracking.parse("null")).toProblem();
        assertEquals("STEP_EVENTS_SCHEMA", none.code().name());
        InvalidDossierException badAt = assertThrows(InvalidDossierException.class, () -> Tracking.parse(
                "[{\"step\": \"s1\", \"event\": \"STARTED\", \"at\": \"2026-02-30T09:00:00+07:00\"}]"));
        assertEquals(List.of("/0/at: thời điểm không hợp lệ: [2026-02-30T09:00:00+07:00]"), badAt.messages(Locale.forLanguageTag("vi")));
        assertEquals(List.of("/0/at: invalid instant: [2026-02-30T09:00:00+07:00]"), badAt.messages(Locale.ENGLISH));
        Problem broken = assertThrows(InvalidDossierException.class, () -> Tracking.parse("[{\"step\": }]")).toProblem();
        assertEquals("STEP_EVENTS_NOT_JSON", broken.code().name());
        assertEquals(1, broken.line());
        assertTrue(broken.messageVi().startsWith("không phải JSON hợp lệ"), broken.messageVi());
        assertTrue(broken.messageEn().startsWith("not valid JSON"), broken.messageEn());
        // what is wrong where, as a dossier's (session 19)
        assertEquals("không phải JSON hợp lệ ở dòng 1, cột 11: Thiếu giá trị sau dấu hai chấm (gặp dấu }): ghi giá trị, ví dụ"
                + " \"văn bản\", số, true, false hoặc null", broken.messageVi());
        assertEquals("not valid JSON at line 1, column 11: a value is missing after the colon (found }): write one, e.g. \"text\","
                + " a number, true, false or null", broken.messageEn());
    }

    @Test
    void bundle_everyKeyInBothLanguagesWithTheSamePlaceholders() {
        assertEquals(List.of(), Messages.check(InvalidDossierException.BUNDLE));
        assertTrue(Messages.keys(InvalidDossierException.BUNDLE).size() >= 20);
    }
}
