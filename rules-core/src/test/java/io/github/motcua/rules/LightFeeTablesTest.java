package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeLine;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A procedure's light fee table and its exemption table beside it (issue 17 item 3, docs/fees.md "Light
 * tables") are loaded by the engine: decisions apply the exemption rows, cite their own file and row, and
 * problems name the file they are in.
 */
class LightFeeTablesTest {
    @TempDir
    Path dir;

    private static String dossier(String channel) {
        return "{\"procedure\": \"1.001193\", \"channel\": \"" + channel + "\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\","
                + " \"form\": {\"giayChungSinh\": \"CO\", \"treEm\": {\"ngaySinh\": \"2025-01-10\"}}}";
    }

    @Test
    void lightFeeTableAndExemptionTable_decideWithTheExemptionRowAsSource() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"),
                "item,kind,nameVi,rate,basis\nle-phi-khai-sinh,LE_PHI,Lệ phí đăng ký khai sinh,8000,LHT-2014-D11\n");
        TestPacks.write(p.resolve("procedures/1.001193/fee-exemptions.csv"),
                "item,percent,channel,basis,verified,note\n"
                        + "le-phi-khai-sinh,50,ONLINE,LHT-2014-D11,false,Nộp trực tuyến được giảm 50% (thử nghiệm)\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), () -> r.problems().toString());
            Decision desk = e.decide(dossier("DESK"));
            assertEquals(8_000, desk.fees().total().dong(), desk::toJson);
            Decision online = e.decide(dossier("ONLINE"));
            FeeLine l = online.fees().lines().get(0);
            assertEquals(4_000, l.amount().dong());
            assertEquals("procedures/1.001193/fee-exemptions.csv:2", l.adjustments().get(0).source().toString());
            assertFalse(l.verified(), "a reduction from a verified=false row leaves the line unverified");
        }
    }

    @Test
    void exemptionTableAlone_isOneProblemAtItsFileSayingWhatToAdd() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fee-exemptions.csv"),
                "item,categories,basis\nle-phi-khai-sinh,POOR_HOUSEHOLD,LHT-2014-D11\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            String all = r.problems().stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
            assertEquals(1, r.problems().size(), all);
            assertEquals("procedures/1.001193/fee-exemptions.csv", r.problems().get(0).file());
            assertTrue(r.problems().get(0).messageVi().contains("tạo fees.csv"), all);
        }
    }

    @Test
    void problemInTheExemptionTable_isReportedAtItsRowAndColumn() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"),
                "item,kind,nameVi,rate,basis\nle-phi-khai-sinh,LE_PHI,Lệ phí đăng ký khai sinh,8000,LHT-2014-D11\n");
        TestPacks.write(p.resolve("procedures/1.001193/fee-exemptions.csv"),
                "item,percent,channel,basis,note\nle-phi-khai-sinh,50,ONLINE,LHT-2014-D99,Giảm\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            String all = r.problems().stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
            assertEquals(1, r.problems().size(), all);
            PackProblem x = r.problems().get(0);
            assertEquals("procedures/1.001193/fee-exemptions.csv", x.file(), all);
            assertEquals(2, x.line(), all);
            assertEquals(4, x.column(), all);
            assertTrue(x.messageEn().contains("basis"), all);
        }
    }
}
