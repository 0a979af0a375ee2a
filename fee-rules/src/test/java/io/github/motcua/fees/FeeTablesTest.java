package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeeTablesTest {

    /** Gia Lai's fee bases plus synthetic ones for the circulars used only in these fixtures. */
    static final Function<String, Optional<LegalBasis>> BASES;

    static {
        Map<String, LegalBasis> m = new HashMap<>(GiaLaiFees.basesById());
        m.put("T-BASE", LegalBasis.of("T-BASE", "Thông tư thử nghiệm (fixture)"));
        m.put("T-TT63", new LegalBasis("T-TT63", "Thông tư 63/2023/TT-BTC", null, null, null, null,
                LocalDate.of(2023, 12, 1), LocalDate.of(2025, 12, 31), true, "online rates until 31/12/2025"));
        m.put("T-TT64", new LegalBasis("T-TT64", "Thông tư 64/2025/TT-BTC", null, null, null, null,
                LocalDate.of(2025, 7, 1), LocalDate.of(2026, 12, 31), true, "50% from 01/07/2025 to 31/12/2026"));
        BASES = id -> Optional.ofNullable(m.get(id));
    }

    static FeeTableResult csv(String file, String text) {
        return FeeTables.parseCsv(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), BASES,
                GiaLaiFees.catalog());
    }

    static FeeTable table(String text) {
        return csv("fixture.csv", text).orThrow();
    }

    /** A fee of 200,000 đ; online 90% (TT 63/2023) until 31/12/2025; 50% off for everyone (TT 64/2025) 01/07/2025–31/12/2026. */
    static final String WINDOWS = String.join("\n",
            "type,item,kind,nameVi,nameEn,tariff,rate,channel,categories,percent,stacks,validFrom,validTo,basis,note",
            "RATE,le-phi,LE_PHI,Lệ phí thử,Test fee,FLAT,200000,,,,,2017-01-01,2027-12-31,T-BASE,",
            "REDUCE,le-phi,,,,,,ONLINE,,10,,2023-12-01,2025-12-31,T-TT63,Nộp trực tuyến: 90% mức thu",
            "REDUCE,le-phi,,,,,,,,50,,2025-07-01,2026-12-31,T-TT64,Giảm 50% theo TT 64/2025",
            "REDUCE,le-phi,,,,,,,STUDENT,20,true,2026-01-01,2026-12-31,T-BASE,Giảm thêm cho học sinh (giả định)",
            "RATE,giay-phep,LE_PHI,Lệ phí cấp giấy thử,Test licence,FLAT,135000,,,,,,,T-BASE,",
            "RATE,giay-phep,LE_PHI,Lệ phí cấp giấy thử (trực tuyến),Test licence (online),FLAT,115000,ONLINE,,,,2023-12-01,2025-12-31,T-TT63,",
            "RATE,them,PHI,Phí lẻ,Odd fee,FLAT,7001,,,,,,,T-BASE,",
            "REDUCE,them,,,,,,,,50,,2025-07-01,2026-12-31,T-TT64,Giảm 50% theo TT 64/2025");

    static final String ADD_ONLY = "type,item,kind,nameVi,tariff,rate,charge,basis\n"
            + "RATE,le-phi,LE_PHI,Lệ phí thử,FLAT,200000,,T-BASE\n"
            + "RATE,them,PHI,Phí do quy tắc thêm,FLAT,7001,ON_RULE,T-BASE\n";

    private static long total(FeeTable t, LocalDate d, Channel c, String... cats) {
        return t.assess(FeeRequest.of("X", d).withChannel(c).withCategories(cats)).line("le-phi").orElseThrow()
                .amount().dong();
    }

    @Nested
    class DatedWindows {
        private final FeeTable t = table(WINDOWS);

        @Test
        void assess_beforeTT64_onlineNinetyPercent() {
            assertEquals(200_000, total(t, LocalDate.of(2025, 6, 30), Channel.DESK));
            assertEquals(180_000, total(t, LocalDate.of(2025, 6, 30), Channel.ONLINE));
        }

        @Test
        void assess_twoReductionsOnOneLine_doNotCompound() {
            // 10% online and 50% general both apply: only the largest, 50% → 100,000 (not 90,000)
            FeeLine l = t.assess(FeeRequest.of("X", LocalDate.of(2025, 12, 31)).withChannel(Channel.ONLINE))
                    .line("le-phi").orElseThrow();
            assertEquals(100_000, l.amount().dong());
            assertEquals(1, l.adjustments().size());
            assertEquals("T-TT64", l.adjustments().get(0).basis().id());
        }

        @Test
        void assess_onlineReductionEnds31December2025() {
            assertEquals(100_000, total(t, LocalDate.of(2026, 1, 1), Channel.ONLINE));
            assertEquals(100_000, total(t, LocalDate.of(2026, 1, 1), Channel.DESK));
        }

        @Test
        void assess_tt64ReductionEnds31December2026() {
            assertEquals(100_000, total(t, LocalDate.of(2026, 12, 31), Channel.DESK));
            assertEquals(200_000, total(t, LocalDate.of(2027, 1, 1), Channel.DESK));
        }

        @Test
        void assess_stackingRow_appliesToWhatRemains() {
            // 200,000 − 50% = 100,000, then −20% (stacks=true) = 80,000
            assertEquals(80_000, total(t, LocalDate.of(2026, 6, 1), Channel.DESK, "STUDENT"));
        }

        @Test
        void assess_channelRateEndingOnAFixedDate_fallsBackToGeneralRate() {
            FeeRequest r = FeeRequest.of("X", LocalDate.of(2025, 12, 31)).withChannel(Channel.ONLINE);
            assertEquals(115_000, t.assess(r).line("giay-phep").orElseThrow().gross().dong());
            assertEquals(135_000, t.assess(r.withAsOf(LocalDate.of(2026, 1, 1))).line("giay-phep").orElseThrow()
                    .gross().dong());
            assertEquals(135_000, t.assess(r.withChannel(Channel.DESK)).line("giay-phep").orElseThrow().gross().dong());
        }

        @Test
        void assess_beforeFirstOrAfterLastWindow_throwsNamingItemAndDate() {
            NoRateInForceException before = assertThrows(NoRateInForceException.class,
                    () -> t.assess(FeeRequest.of("X", LocalDate.of(2016, 12, 31))));
            assertTrue(before.getMessage().contains("[le-phi]") && before.getMessage().contains("[2016-12-31]"),
                    before.getMessage());
            assertThrows(NoRateInForceException.class, () -> t.assess(FeeRequest.of("X", LocalDate.of(2028, 1, 1))));
        }

        @Test
        void assess_percentOfOddAmount_roundsHalfUp() {
            // 7,001 × 50% = 3,500.5 → 3,501 taken off → 3,500 remains
            FeeLine l = t.assess(FeeRequest.of("X", LocalDate.of(2026, 2, 1))).line("them").orElseThrow();
            assertEquals(3_500, l.amount().dong());
            assertEquals(3_501, l.adjustments().get(0).amount().dong());
        }
    }

    @Nested
    class Directives {
        private final FeeTable t = table(ADD_ONLY);
        private final LegalBasis basis = LegalBasis.of("R-1", "Quy tắc thử");
        private final LocalDate day = LocalDate.of(2026, 5, 4);

        @Test
        void assess_onRuleItem_chargedOnlyWhenARuleAddsIt() {
            assertTrue(t.assess(FeeRequest.of("X", day)).line("them").isEmpty());
            FeeAssessment a = t.assess(FeeRequest.of("X", day)
                    .withDirectives(List.of(FeeDirective.add("them", 2, basis, "Thêm phí"))));
            FeeLine l = a.line("them").orElseThrow();
            assertEquals(14_002, l.amount().dong());
            assertEquals(2, l.copies());
            assertEquals("Thêm phí", l.source().rule(), l.source().toString());
            assertTrue(l.source().toString().endsWith("+ rule: Thêm phí"), l.source().toString());
            assertEquals(214_002, a.total().dong());
        }

        @Test
        void assess_exemptDirective_zeroWithRuleNameAndBasis() {
            FeeLine l = t.assess(FeeRequest.of("X", day)
                    .withDirectives(List.of(FeeDirective.exempt("le-phi", "Miễn theo quy tắc", basis, "Miễn phí"))))
                    .line("le-phi").orElseThrow();
            assertEquals(0, l.amount().dong());
            assertEquals(FeeSource.rule("Miễn phí"), l.adjustments().get(0).source());
            assertEquals("rule: Miễn phí", l.adjustments().get(0).source().toString());
            assertEquals("R-1", l.adjustments().get(0).basis().id());
        }

        @Test
        void assess_exemptionAndReduction_exemptionWins() {
            FeeLine l = t.assess(FeeRequest.of("X", day).withDirectives(List.of(
                    FeeDirective.reduce("le-phi", 30, "Giảm", basis, "Giảm 30%"),
                    FeeDirective.exempt("le-phi", "Miễn", basis, "Miễn")))).line("le-phi").orElseThrow();
            assertEquals(0, l.amount().dong());
            assertEquals(1, l.adjustments().size());
            assertEquals(FeeAdjustment.Kind.EXEMPT, l.adjustments().get(0).kind());
        }

        @Test
        void assess_twoReductionDirectives_largestOnly() {
            FeeLine l = t.assess(FeeRequest.of("X", day).withDirectives(List.of(
                    FeeDirective.reduce("le-phi", 30, "Giảm 30", basis, "A"),
                    FeeDirective.reduce("le-phi", 40, "Giảm 40", basis, "B")))).line("le-phi").orElseThrow();
            assertEquals(120_000, l.amount().dong());
        }

        @Test
        void assess_directiveForUnknownItem_throwsNamingRuleAndItem() {
            FeeDirectiveException e = assertThrows(FeeDirectiveException.class, () -> t.assess(FeeRequest.of("X", day)
                    .withDirectives(List.of(FeeDirective.add("khong-co", 1, basis, "Quy tắc sai")))));
            assertTrue(e.getMessage().contains("[khong-co]") && e.getMessage().contains("[Quy tắc sai]"));
        }

        /**
         * A table of up to eight items finds a directive's item by a scan of its items, a larger one by its map
         * (Session 21): the same lines, and the same refusal of an unknown item, either way.
         */
        @Test
        void assess_directivesOnSmallAndLargeTables_findTheSameItems() {
            StringBuilder small = new StringBuilder("type,item,kind,nameVi,tariff,rate,charge,basis\n");
            StringBuilder large = new StringBuilder(small);
            for (int i = 0; i < 12; i++) {
                String row = "RATE,muc-" + i + ",PHI,Phí " + i + ",FLAT," + (1000 + i) + ",ON_RULE,T-BASE\n";
                large.append(row);
                if (i < 4) {
                    small.append(row);
                }
            }
            FeeTable few = table(small.toString());
            FeeTable many = table(large.toString());
            List<FeeDirective> directives = List.of(FeeDirective.add("muc-3", 2, basis, "Thêm 3"),
                    FeeDirective.add("muc-0", 1, basis, "Thêm 0"), FeeDirective.reduce("muc-3", 50, "Giảm", basis, "Giảm 3"));
            FeeAssessment a = few.assess(FeeRequest.of("X", day).withDirectives(directives));
            FeeAssessment b = many.assess(FeeRequest.of("X", day).withDirectives(directives));
            assertEquals(a, b);
            assertEquals(List.of("muc-3", "muc-0"), a.lines().stream().map(FeeLine::item).toList());
            assertEquals(1_003, a.line("muc-3").orElseThrow().amount().dong(), "2 × 1,003 − 50 %");
            assertEquals(1_011, many.assess(FeeRequest.of("X", day).withDirectives(List.of(
                    FeeDirective.add("muc-11", 1, basis, "Thêm 11")))).total().dong());
            for (FeeTable t : List.of(few, many)) {
                FeeDirectiveException e = assertThrows(FeeDirectiveException.class, () -> t.assess(FeeRequest.of("X", day)
                        .withDirectives(List.of(FeeDirective.add("muc-", 1, basis, "Quy tắc sai")))));
                assertTrue(e.getMessage().contains("[muc-]"), e.getMessage());
            }
        }

        @Test
        void assess_addOfAlwaysItem_throws() {
            assertThrows(FeeDirectiveException.class, () -> t.assess(FeeRequest.of("X", day)
                    .withDirectives(List.of(FeeDirective.add("le-phi", 1, basis, "Thêm lần nữa")))));
        }
    }

    @Nested
    class BadQuantities {
        private final FeeTable copies = GiaLaiFees.table("2.000815");
        private final LocalDate day = LocalDate.of(2026, 5, 4);

        private FeeQuantityException bad(Object pages) {
            return assertThrows(FeeQuantityException.class,
                    () -> copies.assess(FeeRequest.of("2.000815", day).withForm(Map.of("soTrang", pages))));
        }

        @Test
        void assess_twoToThe63Pages_rejectedNamingTableRowPathAndValue() {
            FeeQuantityException e = bad(BigInteger.TWO.pow(63));
            assertTrue(e.getMessage().contains("[9223372036854775808]"), e.getMessage());
            assertTrue(e.getMessage().contains("[soTrang]"), e.getMessage());
            assertTrue(e.getMessage().contains("procedures/2.000815/fees.csv"), e.getMessage());
            assertTrue(e.getMessage().contains("dòng 3") && e.getMessage().contains("row 3"), e.getMessage());
            assertEquals("soTrang", e.path());
        }

        @Test
        void assess_negativeFractionalTextOrAbsurd_rejected() {
            assertTrue(bad(-1).getMessage().contains("negative"));
            assertTrue(bad(2.5).getMessage().contains("not a whole number"));
            assertTrue(bad("năm").getMessage().contains("[năm]"));
            assertTrue(bad(Long.MAX_VALUE).getMessage().contains("too large"));
            bad(FeeTables.MAX_QUANTITY + 1);
        }

        @Test
        void assess_largestAllowedQuantity_staysCapped() {
            assertEquals(200_000, copies.assess(FeeRequest.of("2.000815", day)
                    .withForm(Map.of("soTrang", FeeTables.MAX_QUANTITY))).total().dong());
            assertEquals(14_000, copies.assess(FeeRequest.of("2.000815", day)
                    .withForm(Map.of("soTrang", "5", "soBan", 2.0))).total().dong());
        }
    }

    @Nested
    class BadTables {
        private static final String HEAD = "type,item,kind,nameVi,tariff,rate,cap,channel,categories,validFrom,validTo,basis\n";

        private FeeTableProblem only(FeeTableResult r) {
            assertFalse(r.ok());
            assertEquals(1, r.problems().size(), r.problems().toString());
            return r.problems().get(0);
        }

        @Test
        void parse_overlappingWindowsForSameItemAndChannel_problemNamesRowAndEarlierRow() {
            FeeTableProblem p = only(csv("bad.csv", HEAD
                    + "RATE,x,PHI,Phí,FLAT,1000,,ONLINE,,2025-01-01,2025-12-31,T-BASE\n"
                    + "RATE,x,PHI,Phí,FLAT,2000,,ONLINE|DESK,,2025-06-01,,T-BASE\n"));
            assertEquals("bad.csv", p.file());
            assertEquals(3, p.row());
            assertEquals("validFrom", p.column());
            assertEquals(10, p.columnNumber());
            assertEquals("2025-06-01 – …", p.value());
            assertTrue(p.messageVi().contains("chồng lấn") && p.messageEn().contains("bad.csv:2"), p.toString());
        }

        /**
         * A rate written the Vietnamese way (8.000đ) is one problem at its cell: its item's exemption rows are not also
         * each "an item without a RATE row" (session 19: they were, though the row is there).
         */
        @Test
        void parse_refusedRateRow_isItsOwnProblemOnly_notAlsoOnePerExemptionRow() {
            FeeTableProblem p = only(csv("bad.csv", HEAD
                    + "RATE,x,LE_PHI,Lệ phí,FLAT,8.000đ,,,,,,T-BASE\n"
                    + "EXEMPT,x,,,,,,,POOR_HOUSEHOLD,,,T-BASE\n"
                    + "EXEMPT,x,,,,,,,DISABLED,,,T-BASE\n"));
            assertEquals("FEES_NOT_WHOLE_NUMBER", p.code(), p.toString());
            assertEquals(2, p.row());
            assertEquals("rate", p.column());
        }

        @Test
        void parse_sameWindowDifferentChannelOrCategory_isNotAnOverlap() {
            assertTrue(csv("ok.csv", HEAD
                    + "RATE,x,PHI,Phí,FLAT,1000,,ONLINE,,2025-01-01,,T-BASE\n"
                    + "RATE,x,PHI,Phí,FLAT,2000,,DESK,,2025-01-01,,T-BASE\n"
                    + "RATE,x,PHI,Phí,FLAT,2000,,,,2025-01-01,,T-BASE\n"
                    + "RATE,x,PHI,Phí,FLAT,500,,,STUDENT,2025-01-01,,T-BASE\n").ok());
        }

        @Test
        void parse_nonNumericRate_problemWithColumnAndValue() {
            FeeTableProblem p = only(csv("bad.csv", HEAD + "RATE,x,PHI,Phí,FLAT,abc,,,,,,T-BASE\n"));
            assertEquals(2, p.row());
            assertEquals("rate", p.column());
            assertEquals(6, p.columnNumber());
            assertEquals("abc", p.value());
            assertTrue(p.toString().contains("bad.csv:2, cột/column rate (6), giá trị/value [abc]"), p.toString());
        }

        @Test
        void parse_thousandsSeparatorOrNegativeRate_rejected() {
            assertEquals("2.000", only(csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,2.000,,,,,,T-BASE\n")).value());
            FeeTableProblem neg = only(csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,-5,,,,,,T-BASE\n"));
            assertTrue(neg.messageEn().contains("negative"));
        }

        @Test
        void parse_unknownExemptionCategory_problem() {
            FeeTableProblem p = only(csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,1000,,,,,,T-BASE\n"
                    + "EXEMPT,x,,,,,,,VIP,,,T-BASE\n"));
            assertEquals("categories", p.column());
            assertEquals("VIP", p.value());
            assertEquals(3, p.row());
        }

        @Test
        void parse_unknownBasisId_problem() {
            FeeTableProblem p = only(csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,1000,,,,,,NO-SUCH-ID\n"));
            assertEquals("basis", p.column());
            assertEquals("NO-SUCH-ID", p.value());
        }

        @Test
        void parse_capBelowRate_problem() {
            FeeTableProblem p = only(csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,1000,999,,,,,T-BASE\n"));
            assertEquals("cap", p.column());
            assertEquals("999", p.value());
        }

        @Test
        void parse_unknownColumnOrMissingRequiredColumn_problem() {
            assertEquals("rat", csv("b.csv", "type,item,rat,basis\n").problems().get(0).value());
            assertEquals("basis", only(csv("b.csv", "type,item\nRATE,x\n")).column());
        }

        @Test
        void parse_severalProblems_allReported() {
            FeeTableResult r = csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,abc,,,,,,T-BASE\n"
                    + "RATE,y,PHI,Phí,SOMETIMES,1000,,,,2025-13-01,,T-BASE\n");
            assertEquals(3, r.problems().size(), r.problems().toString());
        }

        @Test
        void parse_notUtf8_problemNotException() {
            byte[] latin1 = "type,item,basis\nRATE,phí,T\n".getBytes(StandardCharsets.ISO_8859_1);
            FeeTableResult r = FeeTables.parseCsv("latin1.csv", new ByteArrayInputStream(latin1), BASES,
                    GiaLaiFees.catalog());
            assertTrue(r.problems().get(0).messageEn().contains("not UTF-8"));
            // the kernel's problem, as every pack file gets it: its code, and the line and column of the bad byte
            FeeTableProblem p = r.problems().get(0);
            assertEquals("NOT_UTF8", p.code());
            assertEquals(2, p.row());
            assertEquals(8, p.columnNumber()); // "RATE,ph" then the Latin-1 "í"
            assertTrue(p.messageVi().startsWith("Tệp không phải văn bản UTF-8"), p.messageVi());
        }

        @Test
        void parse_unterminatedQuoteOrEmptyFile_problem() {
            assertFalse(csv("q.csv", HEAD + "RATE,x,PHI,\"Phí,FLAT,1000,,,,,,T-BASE\n").ok());
            assertTrue(csv("e.csv", "").problems().get(0).messageEn().contains("empty"));
        }

        @Test
        void parse_hugeFile_problemNotOutOfMemory() {
            byte[] big = new byte[FeeTables.MAX_FILE_BYTES + 10];
            java.util.Arrays.fill(big, (byte) 'a');
            FeeTableResult r = FeeTables.parseCsv("huge.csv", new ByteArrayInputStream(big), BASES, GiaLaiFees.catalog());
            assertTrue(r.problems().get(0).messageEn().contains("too large"), r.problems().toString());
        }

        @Test
        void parse_tooManyRows_problem() {
            StringBuilder sb = new StringBuilder(HEAD);
            for (int i = 0; i <= FeeTables.MAX_ROWS; i++) {
                sb.append("RATE,x").append(i).append(",PHI,Phí,FLAT,1000,,,,,,T-BASE\n");
            }
            assertTrue(csv("many.csv", sb.toString()).problems().get(0).messageEn().contains("too many rows"));
        }

        @Test
        void orThrow_listsEveryProblem() {
            InvalidFeeTableException e = assertThrows(InvalidFeeTableException.class,
                    () -> csv("b.csv", HEAD + "RATE,x,PHI,Phí,FLAT,abc,,,,,,T-BASE\n").orThrow());
            assertEquals(1, e.problems().size());
            assertTrue(e.getMessage().contains("[abc]"));
            io.github.motcua.kernel.Problem p = e.toProblem();
            assertEquals(List.of(p), e.toProblems(), "each table problem is one of the kernel's, at its cell");
            assertEquals("INVALID_FEE_TABLE", p.code().name());
            assertEquals("b.csv", p.file());
            assertEquals(2, p.line());
            assertEquals(e.problems().get(0).messageVi(), p.messageVi());
            assertEquals(e.problems().get(0).messageEn(), p.messageEn());
        }
    }

    @Nested
    class CsvSyntax {
        @Test
        void parse_bomQuotesCommasAndLineBreaks_readsCellsAndPhysicalRowNumbers() {
            String text = "\uFEFF# chú thích, có dấu phẩy\r\n"
                    + "type,item,kind,nameVi,tariff,rate,basis,note\r\n"
                    + "RATE,x,PHI,\"Phí \"\"chứng thực\"\", hợp đồng\",FLAT,50000,T-BASE,\"dòng 1\r\ndòng 2\"\r\n"
                    + "RATE,y,PHI,Phí,FLAT,oops,T-BASE,\r\n";
            FeeTableResult r = csv("bom.csv", text);
            assertEquals(5, r.problems().get(0).row(), "the record after a 2-line quoted cell starts on line 5");
            FeeTable t = csv("bom.csv", text.replace("oops", "1")).orThrow();
            FeeLine l = t.assess(FeeRequest.of("X", LocalDate.of(2026, 1, 5))).line("x").orElseThrow();
            assertEquals("Phí \"chứng thực\", hợp đồng", l.descriptionVi());
        }

        @Test
        void parse_failingNewTable_leavesBuiltTableUntouched() {
            FeeTable built = GiaLaiFees.table("GL.LLTP.01");
            FeeRequest r = FeeRequest.of("GL.LLTP.01", LocalDate.of(2026, 5, 4)).withForm(Map.of("soPhieu", 4));
            FeeAssessment before = built.assess(r);
            FeeTableResult broken = csv("procedures/GL.LLTP.01/fees.csv",
                    "type,item,kind,nameVi,tariff,rate,basis\nRATE,ly-lich-tu-phap,PHI,Phí,FLAT,abc,PHI-TT244-2016-D4\n");
            assertFalse(broken.ok());
            assertTrue(broken.tableIfOk().isEmpty());
            assertEquals(before, built.assess(r));
            assertEquals(210_000, built.assess(r).total().dong());
        }
    }

    @Nested
    class Xlsx {
        private byte[] workbook(Object[][] rows) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "motcua-test", "1.0");
            Worksheet ws = wb.newWorksheet("fees");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("dd/mm/yyyy").set(); // as an analyst's Excel shows dates

                    } else if (v != null) {
                        ws.value(r, c, (String) v);
                    }
                }
            }
            wb.finish();
            return out.toByteArray();
        }

        private static final String[] HEAD = {"type", "item", "kind", "nameVi", "tariff", "rate", "fromUnit",
            "unitRate", "cap", "unitPath", "copiesPath", "validFrom", "basis"};

        @Test
        void parseXlsx_certifiedCopyTable_pricesLikeTheCsv() throws IOException {
            byte[] x = workbook(new Object[][] {HEAD,
                {"RATE", "ban-sao", "PHI", "Phí chứng thực bản sao", "TIERED", 2000, 3, 1000, 200000, "soTrang", "soBan",
                    LocalDate.of(2017, 1, 1), "PHI-TT226-2016-D4"}});
            FeeTable t = FeeTables.parseXlsx("fees.xlsx", new ByteArrayInputStream(x), BASES, GiaLaiFees.catalog())
                    .orThrow();
            FeeRequest r = FeeRequest.of("2.000815", LocalDate.of(2026, 5, 4));
            assertEquals(7_000, t.assess(r.withForm(Map.of("soTrang", 5))).total().dong());
            assertEquals(200_000, t.assess(r.withForm(Map.of("soTrang", 300))).total().dong());
            assertThrows(NoRateInForceException.class, () -> t.assess(r.withAsOf(LocalDate.of(2016, 12, 31))));
        }

        @Test
        void parseXlsx_badCell_problemNamesSheetRowAndColumn() throws IOException {
            byte[] x = workbook(new Object[][] {HEAD,
                {"RATE", "ban-sao", "PHI", "Phí", "TIERED", "hai nghìn", 3, 1000, 200000, "soTrang", "soBan", null,
                    "PHI-TT226-2016-D4"}});
            FeeTableResult r = FeeTables.parseXlsx("fees.xlsx", new ByteArrayInputStream(x), BASES, GiaLaiFees.catalog());
            FeeTableProblem p = r.problems().get(0);
            assertEquals(2, p.row());
            assertEquals("rate", p.column());
            assertEquals(6, p.columnNumber());
            assertEquals("hai nghìn", p.value());
        }

        @Test
        void parseXlsx_notAWorkbook_problemNotException() {
            FeeTableResult r = FeeTables.parseXlsx("fees.xlsx", new ByteArrayInputStream("not a zip".getBytes(
                    StandardCharsets.UTF_8)), BASES, GiaLaiFees.catalog());
            assertFalse(r.ok());
            assertTrue(r.problems().get(0).messageEn().startsWith("Cannot read the XLSX file"));
        }
    }

    /** What the analyst wrote stays true in the result: an unverified exemption row, a row short of a comma. */
    @Nested
    class Faithful {
        static final String HEAD = "type,item,kind,nameVi,tariff,rate,categories,basis,verified,note\n";

        @Test
        void assess_exemptionFromAnUnverifiedRow_marksTheAdjustmentAndTheLineUnverified() {
            FeeTable t = table(HEAD
                    + "RATE,le-phi,LE_PHI,Lệ phí thử,FLAT,8000,,T-BASE,,\n"
                    + "EXEMPT,le-phi,,,,,POOR_HOUSEHOLD,T-BASE,false,[3RD-PARTY] điều khoản chưa xác minh\n");
            FeeLine poor = t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2)).withCategories("POOR_HOUSEHOLD"))
                    .line("le-phi").orElseThrow();
            assertEquals(0, poor.amount().dong());
            assertFalse(poor.adjustments().get(0).verified());
            assertFalse(poor.verified(), "an amount resting on an unverified exemption is unverified");
            FeeLine other = t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2))).line("le-phi").orElseThrow();
            assertTrue(other.verified());
        }

        @Test
        void parse_csvRowOneCommaShort_isOneProblemNamingBothCounts() {
            FeeTableResult r = csv("fees.csv", HEAD
                    + "RATE,le-phi,LE_PHI,Lệ phí thử,FLAT,8000,,T-BASE,,\n"
                    + "EXEMPT,le-phi,,,,,POOR_HOUSEHOLD,T-BASE,false\n");
            assertEquals(1, r.problems().size(), r.problems().toString());
            FeeTableProblem p = r.problems().get(0);
            assertEquals(3, p.row());
            assertEquals("this row has 9 cells, the header has 10: a comma is missing or extra "
                    + "(a cell with a comma must be in double quotes); make it 10 cells", p.messageEn());
            assertTrue(p.messageVi().startsWith("Dòng này có 9 ô, dòng tiêu đề có 10"), p.messageVi());
        }
    }
}
