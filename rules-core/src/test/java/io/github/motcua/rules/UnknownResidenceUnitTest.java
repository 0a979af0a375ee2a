package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.SourceTree;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dossier naming an {@code applicant.residenceUnit} units.yaml does not list used to be decided as if the applicant
 * lived in a unit without flags: a resident of a border commune (Ia O) asking for a judicial record card was charged
 * 200,000 đ the law exempts (TT 244/2016/TT-BTC Art. 5), and nothing said so. It is now refused as the unknown
 * receiving unit is ({@code UNKNOWN_RESIDENCE_UNIT} at {@code /applicant/residenceUnit}, with its line and column);
 * an absent residence is decided as before, and a code sent decomposed (NFD) is the unit it names.
 */
class UnknownResidenceUnitTest {
    /** A border commune whose code has Vietnamese letters, added to a copy of Gia Lai's units.yaml. */
    static final String LETTERED = "52-xã-biên-giới-thử";

    @TempDir
    static Path dir;
    static Engine engine;

    @BeforeAll
    static void load() {
        Path p = TestPacks.copyTree(SourceTree.repository().resolve("examples/packs/gia-lai"), dir.resolve("gia-lai"));
        TestPacks.edit(p.resolve("units.yaml"), s -> s + """

                - code: "%s"
                  name: { vi: "Xã Biên Giới Thử", en: "Test border commune" }
                  kind: COMMUNE
                  flags: [BORDER]
                  verified: false
                  source: "test data"
                """.formatted(LETTERED));
        engine = TestPacks.engine();
        engine.load(p).orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Gia Lai's judicial-record case "Người cư trú tại xã biên giới Ia O được miễn phí": the residence on line 6. */
    static String judicialRecord(String residenceJson) {
        return """
                {
                  "procedure": "GL.LLTP.01",
                  "channel": "DESK",
                  "receivedAt": "2027-03-09T09:00:00+07:00",
                  "unit": "52-tthcc-pleiku",
                  "applicant": {"birthDate": "1995-06-06", "categories": [], "residenceUnit": %s},
                  "form": {"nguoiDuocCap": {"hoTen": "Rơ Châm Tơn", "soDinhDanh": "064095008899", "ngaySinh": "1995-06-06",
                    "gioiTinh": "MALE"}, "loaiPhieu": "SO_1", "soPhieu": 1, "nopQuaNguoiDuocUyQuyen": false,
                    "cuTruNhieuNoiHoacNuocNgoai": false, "mucDichSuDung": "Bổ sung hồ sơ"}
                }
                """.formatted(residenceJson);
    }

    static String withoutResidence() {
        return judicialRecord("null").replace(", \"residenceUnit\": null", "");
    }

    static Problem refused(String json) {
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(json));
        assertEquals(1, e.toProblems().size(), e.toProblems().toString());
        return e.toProblems().get(0);
    }

    @Nested
    class Known {
        @Test
        void borderCommuneResident_isExempt() {
            Decision d = engine.decide(judicialRecord("\"52-xa-ia-o\""));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertEquals(0, d.fees().total().dong(), "TT 244/2016 Art. 5: a border commune's resident pays nothing");
        }

        @Test
        void absentResidence_isDecidedAsBefore_withTheFullFee() {
            Decision d = engine.decide(withoutResidence());
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertEquals(200_000, d.fees().total().dong(), "no residence given: no residence exemption, no refusal");
        }

        @Test
        void decomposedCode_isTheUnitItNames_andExempt() {
            String nfd = Normalizer.normalize(LETTERED, Normalizer.Form.NFD);
            assertTrue(!nfd.equals(LETTERED), "the test needs a code that NFD changes");
            Decision d = engine.decide(judicialRecord("\"" + nfd + "\""));
            assertEquals(0, d.fees().total().dong(), "the decomposed code names the border commune: exempt");
            assertEquals(0, engine.decide(judicialRecord("\"" + LETTERED + "\"")).fees().total().dong());
        }

        @Test
        void decomposedReceivingUnitCode_isTheUnitItNames() {
            String nfd = Normalizer.normalize(LETTERED, Normalizer.Form.NFD);
            Decision d = engine.decide(withoutResidence().replace("\"52-tthcc-pleiku\"", "\"" + nfd + "\""));
            assertNotNull(d.routing());
            assertEquals(LETTERED, d.routing().receivingUnit().code(), "named as units.yaml writes it");
        }
    }

    @Nested
    class Unknown {
        @Test
        void unknownCode_isRefusedAtItsLineAndColumn_VietnameseFirst() {
            String json = judicialRecord("\"52-xa-ia-0\"");
            Problem p = refused(json);
            assertEquals("UNKNOWN_RESIDENCE_UNIT", p.code().name());
            assertEquals("/applicant/residenceUnit", p.pointer());
            String line = json.lines().toList().get(5);
            assertEquals(6, p.line());
            assertEquals(line.indexOf("\"52-xa-ia-0\"") + 1, p.column(), "the value's column: " + line);
            assertTrue(p.messageVi().startsWith("đơn vị cư trú [52-xa-ia-0] của người yêu cầu không có trong units.yaml: "
                    + "không xét được các khoản miễn, giảm phí, lệ phí và các điều kiện theo nơi cư trú; sửa mã đơn vị cư trú"
                    + " (gần nhất: 52-xa-ia-o"), p.messageVi());
            assertTrue(p.messageEn().startsWith("unknown residence unit [52-xa-ia-0] (not in units.yaml): the fee exemptions,"
                    + " reductions and conditions that depend on where the applicant lives cannot be checked; correct the"
                    + " residence unit code (closest: 52-xa-ia-o"), p.messageEn());
            InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(json));
            assertTrue(e.getMessage().startsWith("hồ sơ không hợp lệ: /applicant/residenceUnit: đơn vị cư trú [52-xa-ia-0]"),
                    e.getMessage());
        }

        @Test
        void unitNameInsteadOfCode_isRefused_namingTheCode() {
            Problem p = refused(judicialRecord("\"Xã Ia O\""));
            assertEquals("UNKNOWN_RESIDENCE_UNIT", p.code().name());
            assertTrue(p.messageVi().contains("[Xã Ia O]"), p.messageVi());
        }

        @Test
        void emptyText_isNotAbsent_andIsRefused() {
            Problem p = refused(judicialRecord("\"\""));
            assertEquals("UNKNOWN_RESIDENCE_UNIT", p.code().name());
            assertEquals("/applicant/residenceUnit", p.pointer());
        }

        @Test
        void javaBuiltDossier_isRefusedTheSame_withoutPosition() {
            Dossier d = Dossier.fromJson(judicialRecord("\"52-xa-ia-0\""));
            InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(d));
            Problem p = e.toProblems().get(0);
            assertEquals("UNKNOWN_RESIDENCE_UNIT", p.code().name());
            assertEquals("/applicant/residenceUnit", p.pointer());
            assertEquals(0, p.line());
        }

        @Test
        void unknownReceivingAndResidenceUnits_bothReported() {
            InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(
                    judicialRecord("\"khong-co\"").replace("\"52-tthcc-pleiku\"", "\"khong-co-nua\"")));
            assertEquals(List.of("UNKNOWN_UNIT", "UNKNOWN_RESIDENCE_UNIT"),
                    e.toProblems().stream().map(x -> x.code().name()).toList());
            assertEquals(List.of(5, 6), e.toProblems().stream().map(Problem::line).toList());
        }

        @Test
        void longCode_isQuotedByItsStartOnly() {
            String huge = "x".repeat(100_000);
            Problem p = refused(judicialRecord("\"" + huge + "\""));
            assertTrue(p.message(Locale.ENGLISH).length() < 1_000, "length " + p.message(Locale.ENGLISH).length());
            assertTrue(p.messageVi().contains("[" + "x".repeat(120) + "…]"), p.messageVi());
        }
    }

    /** Not a text: the dossier schema's wrong-type problem at the same pointer, as before. */
    @Nested
    class WrongTypes {
        @Test
        void number_boolean_object_array_null_areWrongTypes() {
            for (String v : List.of("52", "true", "{\"code\": \"52-xa-ia-o\"}", "[\"52-xa-ia-o\"]", "null")) {
                Problem p = refused(judicialRecord(v));
                assertEquals("DOSSIER_SCHEMA", p.code().name(), v);
                assertEquals("DOSSIER_WRONG_TYPE", p.key(), v);
                assertEquals("/applicant/residenceUnit", p.pointer(), v);
                assertEquals(6, p.line(), v);
            }
        }
    }
}
