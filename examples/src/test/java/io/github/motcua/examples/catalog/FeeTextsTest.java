package io.github.motcua.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.ExemptionCatalog;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FeeTableResult;
import io.github.motcua.fees.FeeTables;
import io.github.motcua.law.LegalBasis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Published tariffs read from a fee table: desk, online where it differs, with the basis. */
class FeeTextsTest {
    static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,charge,"
            + "channel,categories,percent,stacks,validFrom,validTo,basis,verified,note\n";
    static final Map<String, LegalBasis> BASES = Map.of(
            "TT226", new LegalBasis("TT226", "Thông tư 226/2016/TT-BTC", "4", null, null, null, null, null, true, null),
            "TT63", new LegalBasis("TT63", "Thông tư 63/2023/TT-BTC", null, null, null, null, null, null, true, null));

    static FeeTable table(String rows) {
        FeeTableResult r = FeeTables.parseCsv("fees.csv", new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)),
                id -> Optional.ofNullable(BASES.get(id)), ExemptionCatalog.of(List.of()));
        assertTrue(r.ok(), r.problems().toString());
        return r.table();
    }

    @Test
    void of_sameRateOnEveryChannel_onlineIsNull() {
        List<FeeText> t = FeeTexts.of(table("RATE,chu-ky,PHI,Phí chứng thực chữ ký,Signature certification,FLAT,10000,,,,,,,,,,,2017-01-01,,TT226,,\n"),
                "2.000884", LocalDate.of(2026, 3, 1));
        assertEquals(1, t.size());
        assertEquals("10.000 đ/trường hợp", t.get(0).deskVi());
        assertNull(t.get(0).onlineVi());
        assertEquals("Điều 4 Thông tư 226/2016/TT-BTC", t.get(0).basisVi());
        assertEquals("Phí", t.get(0).kindVi());
        assertTrue(t.get(0).verified());
    }

    @Test
    void of_onlineReduction_onlineTextNamesPercentBasisAndAmount() {
        // 10,000 đ at the desk; 50% off online (a TT 63/2023-style row): 5,000 đ remains.
        List<FeeText> t = FeeTexts.of(table(
                "RATE,chu-ky,PHI,Phí chứng thực chữ ký,Signature certification,FLAT,10000,,,,,,,,,,,2017-01-01,,TT226,,\n"
                        + "REDUCE,chu-ky,,,,,,,,,,,,ONLINE,,50,,2024-01-01,2026-12-31,TT63,,Nộp trực tuyến\n"),
                "2.000884", LocalDate.of(2026, 3, 1));
        FeeText f = t.get(0);
        assertEquals("10.000 đ/trường hợp", f.deskVi());
        assertTrue(f.onlineDiffers());
        assertTrue(f.onlineVi().startsWith("10.000 đ/trường hợp; giảm 50% (Nộp trực tuyến; căn cứ Thông tư 63/2023/TT-BTC)"),
                f.onlineVi());
        assertTrue(f.onlineVi().endsWith("= 5.000 đ"), f.onlineVi());
        // the English catalogue's words, from the same lines
        assertEquals("VND 10,000 per case", f.desk(true));
        assertTrue(f.online(true).startsWith("VND 10,000 per case; reduced by 50% (") && f.online(true).endsWith("= VND 5,000"),
                f.online(true));
        assertEquals("10.000 đ/trường hợp", f.desk(false));
    }

    @Test
    void of_reductionOutOfItsWindow_sameAsDesk() {
        List<FeeText> t = FeeTexts.of(table(
                "RATE,chu-ky,PHI,Phí chứng thực chữ ký,Signature certification,FLAT,10000,,,,,,,,,,,2017-01-01,,TT226,,\n"
                        + "REDUCE,chu-ky,,,,,,,,,,,,ONLINE,,50,,2024-01-01,2025-12-31,TT63,,Nộp trực tuyến\n"),
                "2.000884", LocalDate.of(2026, 3, 1));
        assertNull(t.get(0).onlineVi());
    }

    @Test
    void of_noRateInForce_oneTextSayingSoNotAnException() {
        List<FeeText> t = FeeTexts.of(table("RATE,chu-ky,PHI,Phí chứng thực chữ ký,,FLAT,10000,,,,,,,,,,,2027-01-01,,TT226,,\n"),
                "2.000884", LocalDate.of(2026, 3, 1));
        assertEquals(1, t.size());
        assertTrue(t.get(0).deskVi().startsWith("không xác định"), t.get(0).deskVi());
        assertFalse(t.get(0).verified());
    }

    /** Issue 15: the Vietnamese text says why in Vietnamese only, the English one in English only. */
    @Test
    void of_noRateInForce_eachLanguageGetsTheTablesMessageInThatLanguage() {
        io.github.motcua.fees.FeeTable table = table("RATE,chu-ky,PHI,Phí chứng thực chữ ký,,FLAT,10000,,,,,,,,,,,2027-01-01,,TT226,,\n");
        io.github.motcua.fees.FeeException e = org.junit.jupiter.api.Assertions.assertThrows(io.github.motcua.fees.FeeException.class,
                () -> table.assess(io.github.motcua.fees.FeeRequest.of("2.000884", LocalDate.of(2026, 3, 1))));
        FeeText t = FeeTexts.of(table, "2.000884", LocalDate.of(2026, 3, 1)).get(0);
        assertEquals("không xác định: " + e.toProblem().messageVi(), t.deskVi());
        assertEquals("unknown: " + e.toProblem().messageEn(), t.desk(true));
        assertFalse(t.deskVi().contains(e.toProblem().messageEn()), t.deskVi());
        assertFalse(t.desk(true).contains(e.toProblem().messageVi()), t.desk(true));
    }

    @Test
    void summary_english_namesKindNameAndBasis() {
        FeeText f = new FeeText("chu-ky", "Phí chứng thực chữ ký", "Signature certification", "Phí", "Charge",
                "10.000 đ/trường hợp", null, "Điều 4 Thông tư 226/2016/TT-BTC", "Thông tư 226/2016/TT-BTC, Art. 4", false);
        assertEquals("Charge: Signature certification: 10.000 đ/trường hợp (basis: Thông tư 226/2016/TT-BTC, Art. 4)"
                + " [rate not verified]", f.summary(true));
    }
}
