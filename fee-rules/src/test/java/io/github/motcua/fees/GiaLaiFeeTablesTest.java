package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of FACTS.md §4 and §7 against the Gia Lai fee tables. Expected amounts are
 * computed by hand from the circulars quoted in FACTS.md, not read from the code.
 */
class GiaLaiFeeTablesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private static FeeAssessment assess(String code, FeeRequest r) {
        return GiaLaiFees.table(code).assess(r);
    }

    @Nested
    class CertifiedCopy {
        // TT 226/2016 Art. 4: 2,000 đ/page for pages 1-2, 1,000 đ/page from page 3, at most 200,000 đ/copy.
        private long fee(long pages, long copies) {
            return assess("2.000815", FeeRequest.of("2.000815", DAY).withForm(Map.of("soTrang", pages, "soBan", copies)))
                    .total().dong();
        }

        @Test
        void assess_fivePageOriginal_sevenThousandPerCopy() {
            assertEquals(2 * 2_000 + 3 * 1_000, fee(5, 1));
            assertEquals(7_000, fee(5, 1));
        }

        @Test
        void assess_threeHundredPages_cappedAtTwoHundredThousand() {
            assertEquals(200_000, fee(300, 1)); // 4,000 + 298,000 = 302,000 → cap
        }

        @Test
        void assess_aroundTheCap_capBindsFrom199Pages() {
            assertEquals(199_000, fee(197, 1)); // 4,000 + 195,000
            assertEquals(200_000, fee(198, 1)); // 4,000 + 196,000 exactly
            assertEquals(200_000, fee(199, 1)); // 201,000 → cap (FACTS §7 case 6)
            assertEquals(200_000, fee(200, 1)); // 202,000 → cap
        }

        @Test
        void assess_capIsPerCopy_multipliesByCopies() {
            assertEquals(14_000, fee(5, 2));
            assertEquals(600_000, fee(300, 3));
        }

        @Test
        void assess_pagesMissing_countsOnePage() {
            FeeAssessment a = assess("2.000815", FeeRequest.of("2.000815", DAY));
            assertEquals(2_000, a.total().dong());
            assertEquals(1, a.lines().get(0).quantity());
        }

        @Test
        void assess_line_carriesBasisKindAndTrace() {
            FeeLine l = assess("2.000815", FeeRequest.of("2.000815", DAY).withForm(Map.of("soTrang", 5))).lines().get(0);
            assertEquals("PHI-TT226-2016-D4", l.basis().id());
            assertEquals(FeeKind.PHI, l.kind());
            assertEquals(200_000, l.capPerCopy().dong());
            assertEquals("procedures/2.000815/fees.csv", l.source().file(), l.source().toString());
            assertTrue(l.source().line() > 1, l.source().toString());
            assertTrue(l.tariffVi().contains("tối đa 200.000 đ/bản"), l.tariffVi());
        }

        /** An English reader gets the tariff in English words, from the same row; an exemption keeps it. */
        @Test
        void assess_line_carriesItsTariffInEnglishToo_keptThroughAnExemption() {
            FeeLine l = assess("2.000815", FeeRequest.of("2.000815", DAY).withForm(Map.of("soTrang", 5))).lines().get(0);
            assertEquals("VND 2,000 per unit for the first 2 units; VND 1,000 per unit from unit 3; at most VND 200,000 per copy",
                    l.tariffEn());
            assertEquals(l.tariffEn(), l.tariff(java.util.Locale.ENGLISH));
            assertEquals(l.tariffVi(), l.tariff(java.util.Locale.forLanguageTag("vi")));
            assertTrue(l.hasTariff(java.util.Locale.ENGLISH));
            FeeLine exempt = assess("GL.LLTP.01", FeeRequest.of("GL.LLTP.01", DAY).withForm(Map.of("soPhieu", 1))
                    .withCategories("CHILD")).lines().get(0);
            assertTrue(exempt.exempted());
            assertTrue(exempt.tariffEn().startsWith("VND 200,000"), exempt.tariffEn());
        }

        /** A line built by hand before the English tariff existed keeps compiling and falls back to Vietnamese. */
        @Test
        void handBuiltLine_withoutEnglishTariff_fallsBackToTheVietnameseWords() {
            FeeLine l = new FeeLine("x", "Phí", "Fee", 1, Money.of(8_000), io.github.motcua.law.LegalBasis.of("B", "Luật"),
                    FeeKind.PHI, "8.000 đ/trường hợp", 1, Money.of(8_000), null, java.util.List.of(), null, true);
            assertEquals("", l.tariffEn());
            assertFalse(l.hasTariff(java.util.Locale.ENGLISH));
            assertEquals("8.000 đ/trường hợp", l.tariff(java.util.Locale.ENGLISH));
        }
    }

    @Nested
    class JudicialRecord {
        // TT 244/2016 Art. 4 and 5.
        private FeeRequest req(long cards) {
            return FeeRequest.of("GL.LLTP.01", DAY).withForm(Map.of("soPhieu", cards));
        }

        @Test
        void assess_oneCard_twoHundredThousand() {
            assertEquals(200_000, assess("GL.LLTP.01", req(1)).total().dong());
        }

        @Test
        void assess_fourCards_plusFiveThousandFromTheThird() {
            assertEquals(200_000 + 2 * 5_000, assess("GL.LLTP.01", req(4)).total().dong());
            assertEquals(200_000, assess("GL.LLTP.01", req(2)).total().dong());
        }

        @Test
        void assess_student_hundredThousand() {
            assertEquals(100_000, assess("GL.LLTP.01", req(1).withCategories("STUDENT")).total().dong());
            assertEquals(100_000, assess("GL.LLTP.01", req(1).withCategories("MARTYR_RELATIVE")).total().dong());
            assertEquals(110_000, assess("GL.LLTP.01", req(4).withCategories("MERITORIOUS")).total().dong());
        }

        @Test
        void assess_child_exemptWithBasis() {
            FeeAssessment a = assess("GL.LLTP.01", req(1).withCategories("CHILD"));
            assertEquals(0, a.total().dong());
            FeeLine l = a.lines().get(0);
            assertTrue(l.exempted());
            assertEquals(200_000, l.gross().dong());
            assertEquals("PHI-TT244-2016-D5", l.adjustments().get(0).basis().id());
            assertEquals(200_000, l.adjustments().get(0).amount().dong());
        }

        @Test
        void assess_studentWhoIsAChild_exemptionWins() {
            assertEquals(0, assess("GL.LLTP.01", req(3).withCategories("STUDENT", "CHILD")).total().dong());
        }

        @Test
        void assess_exemptGroups_allFree() {
            for (String c : new String[] {"CHILD", "ELDERLY", "DISABLED", "POOR_HOUSEHOLD"}) {
                assertEquals(0, assess("GL.LLTP.01", req(1).withCategories(c)).total().dong(), c);
            }
            for (String f : new String[] {"DISADVANTAGED", "BORDER", "SAFE_ZONE"}) {
                assertEquals(0, assess("GL.LLTP.01", req(1).withUnitFlags(f)).total().dong(), f);
            }
            assertEquals(200_000, assess("GL.LLTP.01", req(1).withUnitFlags("MOUNTAINOUS")).total().dong());
        }
    }

    @Nested
    class CivilStatus {
        @Test
        void assess_extractCopy_eightThousandPerCopy() {
            assertEquals(8_000, assess("2.000635", FeeRequest.of("2.000635", DAY)).total().dong());
            assertEquals(24_000, assess("2.000635", FeeRequest.of("2.000635", DAY).withForm(Map.of("soBan", 3)))
                    .total().dong());
        }

        @Test
        void assess_birthRegisteredWithin60Days_free() {
            // Luật Hộ tịch Art. 15 (60 days) and Art. 11(1)(b): born 01/01/2026, day 60 is 02/03/2026
            FeeRequest r = FeeRequest.of("1.001193", LocalDate.of(2026, 3, 2))
                    .withForm(Map.of("treEm", Map.of("ngaySinh", "2026-01-01")));
            FeeAssessment a = assess("1.001193", r);
            assertEquals(0, a.total().dong());
            assertEquals("PHI-LHT-2014-D11-K1-B", a.lines().get(0).adjustments().get(0).basis().id());
        }

        @Test
        void assess_birthRegisteredLate_provincialRateMarkedUnverified() {
            FeeRequest r = FeeRequest.of("1.001193", LocalDate.of(2026, 3, 3))
                    .withForm(Map.of("treEm", Map.of("ngaySinh", "2026-01-01")));
            FeeLine l = assess("1.001193", r).lines().get(0);
            assertTrue(l.amount().dong() > 0, "a late registration is charged");
            assertFalse(l.verified(), "Gia Lai's rate was not found: the line must say it is a placeholder");
            assertFalse(l.basis().verified());
            assertEquals(FeeKind.LE_PHI, l.kind());
        }

        @Test
        void assess_lateBirthOfPoorHousehold_stillFree() {
            // FACTS §7 case 10: the Art. 11(1)(a) exemptions still apply after the on-time exemption is lost
            FeeRequest r = FeeRequest.of("1.001193", LocalDate.of(2026, 6, 1)).withCategories("POOR_HOUSEHOLD")
                    .withForm(Map.of("treEm", Map.of("ngaySinh", "2026-01-01")));
            FeeAssessment a = assess("1.001193", r);
            assertEquals(0, a.total().dong());
            assertEquals("PHI-LHT-2014-D11-K1-A", a.lines().get(0).adjustments().get(0).basis().id());
        }

        @Test
        void assess_deathWithin15DaysFree_later_charged() {
            // Luật Hộ tịch Art. 33: died 01/03/2026, day 15 is 16/03/2026
            Map<String, Object> form = Map.of("nguoiChet", Map.of("ngayChet", "2026-03-01"));
            assertEquals(0, assess("1.000656", FeeRequest.of("1.000656", LocalDate.of(2026, 3, 16)).withForm(form))
                    .total().dong());
            assertTrue(assess("1.000656", FeeRequest.of("1.000656", LocalDate.of(2026, 3, 17)).withForm(form))
                    .total().dong() > 0);
        }

        @Test
        void assess_marriage_free() {
            FeeAssessment a = assess("1.000894", FeeRequest.of("1.000894", DAY));
            assertEquals(0, a.total().dong());
            assertEquals("PHI-LHT-2014-D11-K1-B", a.lines().get(0).basis().id());
        }
    }

    @Nested
    class Certification {
        @Test
        void assess_signature_tenThousandPerCase() {
            assertEquals(10_000, assess("2.000884", FeeRequest.of("2.000884", DAY)).total().dong());
        }

        @Test
        void assess_contracts_fiftyThousandEach() {
            assertEquals(50_000, assess("2.001035", FeeRequest.of("2.001035", DAY)).total().dong());
            assertEquals(100_000, assess("2.001035", FeeRequest.of("2.001035", DAY)
                    .withForm(Map.of("soHopDong", 2))).total().dong());
        }
    }

    @Nested
    class PackFiles {
        @Test
        void parse_everyProcedureTable_buildsWithoutProblems() {
            for (String code : GiaLaiFees.CODES) {
                FeeTableResult r = GiaLaiFees.result(code);
                assertTrue(r.ok(), code + ": " + r.problems());
                assertFalse(r.table().items().isEmpty(), code);
            }
        }

        @Test
        void assess_placeholderRates_areMarkedUnverified() {
            for (String code : new String[] {"1.001612", "GL.GPXD.01", "1.013978", "1.013831", "1.012784", "1.012786"}) {
                FeeLine l = assess(code, FeeRequest.of(code, DAY).withChannel(Channel.ONLINE)).lines().get(0);
                assertFalse(l.verified(), code);
                assertFalse(l.basis().verified(), code);
                assertTrue(l.basis().note().contains("PLACEHOLDER"), code);
            }
        }

        @Test
        void testResources_equalThePackFiles_whenThePackExists() throws IOException {
            Path pack = Path.of("..", "examples", "packs", "gia-lai");
            Assumptions.assumeTrue(Files.isDirectory(pack), "pack folder not present");
            String[] files = {"exemptions.yaml", "legal-bases/fees.yaml"};
            for (String f : files) {
                assertSame(pack.resolve(f), GiaLaiFees.ROOT + f);
            }
            for (String code : GiaLaiFees.CODES) {
                String f = "procedures/" + code + "/fees.csv";
                assertSame(pack.resolve(f), GiaLaiFees.ROOT + f);
            }
        }

        private void assertSame(Path packFile, String resource) throws IOException {
            try (InputStream in = GiaLaiFees.open(resource)) {
                assertTrue(Arrays.equals(Files.readAllBytes(packFile), in.readAllBytes()),
                        "test copy differs from the pack: " + packFile + " (copy the pack file into src/test/resources)");
            }
        }
    }
}
