package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * Light fee tables (issue 17 item 3): a tariff row with only the columns that matter, exemptions in
 * their own table ({@code fee-exemptions.csv}: item, categories, percent, basis…), every error at its
 * own file, row and column.
 */
class LightTablesTest {

    /** Gia Lai's birth registration fee (1.001193) written the light way: the same rows as its 22-column fees.csv. */
    static final String LIGHT_FEES = String.join("\n",
            "# Lệ phí đăng ký khai sinh: chỉ các cột cần dùng (type mặc định RATE, tariff mặc định FLAT)",
            "item,kind,nameVi,nameEn,rate,basis,verified,note",
            "le-phi-khai-sinh,LE_PHI,Lệ phí đăng ký khai sinh,Birth registration fee,8000,PHI-GL-HDND-HO-TICH,false,"
                    + "\"GIÁ TRỊ GIỮ CHỖ - PLACEHOLDER: mức thu của tỉnh Gia Lai chưa tìm thấy\"",
            "");
    static final String LIGHT_EXEMPTIONS = String.join("\n",
            "item,categories,basis,verified,note",
            "le-phi-khai-sinh,ON_TIME_BIRTH,PHI-LHT-2014-D11-K1-B,,Đăng ký khai sinh đúng hạn",
            "le-phi-khai-sinh,POOR_HOUSEHOLD|MERITORIOUS|DISABLED,PHI-LHT-2014-D11-K1-A,,",
            "le-phi-khai-sinh,MARTYR_RELATIVE,PHI-LHT-2014-D11-K1-A,false,[MEMORY] martyrs' families counted among families of người có công",
            "");

    static FeeTableResult light(String fees, String exemptions) {
        return FeeTables.parse("procedures/1.001193/fees.csv", bytes(fees), "procedures/1.001193/fee-exemptions.csv",
                bytes(exemptions), FeeTablesTest.BASES, GiaLaiFees.catalog());
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static FeeLine line(FeeTable t, Map<String, Object> form, String... categories) {
        return t.assess(FeeRequest.of("1.001193", LocalDate.of(2026, 3, 2)).withForm(form).withCategories(categories))
                .line("le-phi-khai-sinh").orElseThrow();
    }

    @Test
    void lightTables_decideLikeThe22ColumnTable_forEveryExemption() {
        FeeTable light = light(LIGHT_FEES, LIGHT_EXEMPTIONS).orThrow();
        FeeTable full = GiaLaiFees.table("1.001193");
        Map<String, Object> onTime = Map.of("treEm", Map.of("ngaySinh", "2026-02-01"));
        Map<String, Object> late = Map.of("treEm", Map.of("ngaySinh", "2025-01-01"));
        List<Object[]> requests = List.of(new Object[] {onTime, new String[0]}, new Object[] {late, new String[0]},
                new Object[] {late, new String[] {"POOR_HOUSEHOLD"}}, new Object[] {late, new String[] {"MARTYR_RELATIVE"}});
        for (Object[] r : requests) {
            @SuppressWarnings("unchecked")
            Map<String, Object> form = (Map<String, Object>) r[0];
            FeeLine a = line(light, form, (String[]) r[1]);
            FeeLine b = line(full, form, (String[]) r[1]);
            assertEquals(b.amount(), a.amount(), form + " " + List.of((String[]) r[1]));
            assertEquals(b.verified(), a.verified());
            assertEquals(b.adjustments().size(), a.adjustments().size());
            assertEquals(b.kind(), a.kind());
            assertEquals(b.tariffVi(), a.tariffVi());
        }
        FeeLine lateLine = line(light, late);
        assertEquals(8_000, lateLine.amount().dong());
        assertFalse(lateLine.verified(), "the placeholder rate stays unverified");
        FeeLine martyr = line(light, late, "MARTYR_RELATIVE");
        assertEquals(0, martyr.amount().dong());
        assertFalse(martyr.adjustments().get(0).verified(), "an exemption row marked verified=false stays unverified");
        assertEquals("procedures/1.001193/fee-exemptions.csv:4", martyr.adjustments().get(0).source().toString(),
                "the exemption's source is its own table and row");
    }

    @Test
    void exemptionRow_percentBelow100_isAReduction_blankOr100_isAnExemption() {
        FeeTable t = light("item,kind,nameVi,rate,basis\nphi,PHI,Phí thử,200000,T-BASE\n",
                "item,categories,percent,basis\nphi,STUDENT,50,T-BASE\nphi,CHILD,100,T-BASE\nphi,ELDERLY,,T-BASE\n").orThrow();
        assertEquals(100_000, t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2)).withCategories("STUDENT"))
                .total().dong());
        assertEquals(0, t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2)).withCategories("CHILD")).total().dong());
        assertEquals(0, t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2)).withCategories("ELDERLY")).total().dong());
        assertEquals(200_000, t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2))).total().dong());
    }

    @Test
    void exemptionRow_unknownCategory_isAProblemAtTheExemptionFileRowAndColumn() {
        FeeTableResult r = light(LIGHT_FEES, "item,categories,basis\nle-phi-khai-sinh,HO_NGHEO,PHI-LHT-2014-D11-K1-A\n");
        assertEquals(1, r.problems().size(), r.problems().toString());
        FeeTableProblem p = r.problems().get(0);
        assertEquals("procedures/1.001193/fee-exemptions.csv", p.file());
        assertEquals(2, p.row());
        assertEquals("categories", p.column());
        assertEquals(2, p.columnNumber());
        assertEquals("HO_NGHEO", p.value());
    }

    @Test
    void exemptionRow_itemWithoutRate_namesTheFeeTableAndItsItems() {
        FeeTableResult r = light(LIGHT_FEES, "item,categories,basis\nle-phi-khai-tu,POOR_HOUSEHOLD,PHI-LHT-2014-D11-K1-A\n");
        FeeTableProblem p = r.problems().get(0);
        assertEquals("procedures/1.001193/fee-exemptions.csv", p.file());
        assertEquals(2, p.row());
        assertEquals("item", p.column());
        assertEquals(1, p.columnNumber());
        assertTrue(p.messageVi().contains("procedures/1.001193/fees.csv") && p.messageVi().contains("le-phi-khai-sinh"),
                p.messageVi());
    }

    @Test
    void exemptionRow_withoutCategoryOrReason_isAProblem() {
        FeeTableResult r = light(LIGHT_FEES, "item,categories,basis,note\nle-phi-khai-sinh,,PHI-LHT-2014-D11-K1-A,\n");
        FeeTableProblem p = r.problems().get(0);
        assertEquals("categories", p.column());
        assertTrue(p.messageEn().contains("applies to every dossier"), p.messageEn());
    }

    @Test
    void exemptionTable_withAFeeTableColumn_saysWhichColumnsItHas() {
        FeeTableResult r = light(LIGHT_FEES, "type,item,categories,basis\nEXEMPT,le-phi-khai-sinh,CHILD,PHI-LHT-2014-D11-K1-A\n");
        FeeTableProblem p = r.problems().get(0);
        assertEquals("type", p.value());
        assertTrue(p.messageVi().contains("item, categories"), p.messageVi());
    }

    @Test
    void exemptionTable_rowAFieldShort_isOneProblemWithBothCounts() {
        FeeTableResult r = light(LIGHT_FEES, "item,categories,basis,note\nle-phi-khai-sinh,CHILD,PHI-LHT-2014-D11-K1-A\n");
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).messageEn().startsWith("this row has 3 cells, the header has 4"));
    }

    @Test
    void problemsOfBothFiles_areAllReported_eachAtItsFile() {
        FeeTableResult r = light("item,kind,nameVi,rate,basis\nphi,PHI,Phí,abc,T-BASE\n",
                "item,categories,basis\nphi,CHILD,KHONG-CO\n");
        assertEquals(List.of("procedures/1.001193/fees.csv", "procedures/1.001193/fee-exemptions.csv"),
                r.problems().stream().map(FeeTableProblem::file).toList(), r.problems().toString());
    }

    @Test
    void kindNotStated_mustBeUnverified() {
        FeeTableResult bad = FeeTablesTest.csv("fees.csv", "item,kind,nameVi,rate,basis\nphi,UNSTATED,Phí,2000,T-BASE\n");
        assertEquals("kind", bad.problems().get(0).column());
        FeeTable ok = FeeTablesTest.table("item,kind,nameVi,rate,basis,verified\nphi,UNSTATED,Phí,2000,T-BASE,false\n");
        FeeLine l = ok.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2))).line("phi").orElseThrow();
        assertEquals(FeeKind.UNSTATED, l.kind());
        assertFalse(l.verified());
    }

    @Test
    void xlsxExemptionTable_readsLikeTheCsv() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        Worksheet ws = wb.newWorksheet("miễn giảm");
        String[] head = {"item", "category", "percent", "basis"};
        for (int c = 0; c < head.length; c++) {
            ws.value(0, c, head[c]);
        }
        ws.value(1, 0, "phi");
        ws.value(1, 1, "STUDENT");
        ws.value(1, 2, 50);
        ws.value(1, 3, "T-BASE");
        wb.finish();
        FeeTable t = FeeTables.parse("fees.csv", bytes("item,kind,nameVi,rate,basis\nphi,PHI,Phí thử,200000,T-BASE\n"),
                "fee-exemptions.xlsx", new ByteArrayInputStream(out.toByteArray()), FeeTablesTest.BASES,
                GiaLaiFees.catalog()).orThrow();
        assertEquals(100_000, t.assess(FeeRequest.of("X", LocalDate.of(2026, 3, 2)).withCategories("STUDENT"))
                .total().dong());
    }
}
