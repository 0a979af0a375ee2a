package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain}: the trace in words, with file:line and the legal basis of each step. */
class ExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void explain_onTimeBirth_citesRuleFileLineAndBasisOfTheExemption() {
        Cli.Run r = Cli.run("explain", Cli.GIA_LAI.toString(), Cli.DOSSIERS.resolve("khai-sinh-truc-tuyen.json").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("Thủ tục: 1.001193 — Đăng ký khai sinh\nKết quả: ĐỦ ĐIỀU KIỆN\n"), r.out());
        // A fired rule with its file:line and citation: the birth certificate is required (Luật Hộ tịch Art. 16).
        assertTrue(Pattern.compile("\\n  \\d+\\. Có Giấy chứng sinh thì nộp Giấy chứng sinh\\n"
                + "     vị trí: procedures/1\\.001193/rules\\.drl:\\d+\\n"
                + "     căn cứ: Điều 16 Luật Hộ tịch 60/2014/QH13 \\[LHT-2014-D16\\]\\n").matcher(r.out()).find(), r.out());
        // The child was born on 25/02 and registered on 08/03: within the 60 days of Luật Hộ tịch Art. 15,
        // so the fee is waived under Art. 11(1)(b), by a row of the fee table.
        assertTrue(Pattern.compile("vị trí: procedures/1\\.001193/fees\\.csv:\\d+\\n"
                + "     căn cứ: Điểm b khoản 1 Điều 11 Luật Hộ tịch 60/2014/QH13").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("    miễn: Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh) — căn cứ: "
                + "Điểm b khoản 1 Điều 11 Luật Hộ tịch 60/2014/QH13"), r.out());
        assertTrue(r.out().contains("  tổng cộng: 0 đ\n"), r.out());
        // Filed online on Sunday 08/03/2026 at 20:15: counted from Monday 09/03, same-day limit, due at close of office.
        assertTrue(r.out().contains("  hẹn trả kết quả: 17:00 09/03/2026\n"), r.out());
    }

    @Test
    void explain_english_deadlineExtensionWithBasis() {
        Cli.Run r = Cli.run("explain", Cli.GIA_LAI.toString(), Cli.DOSSIERS.resolve("dat-dai-xa-kho-khan.json").toString(),
                "--lang", "en");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("Procedure: 1.013831 — Registration of changes in land-use rights\nOutcome: ELIGIBLE\n"),
                r.out());
        // Ia Mơ is a disadvantaged commune: +10 working days (NĐ 101/2024 as amended by NĐ 151/2025).
        assertTrue(r.out().contains("extended by 10 working day(s): "), r.out());
        assertTrue(r.out().contains("where: procedures/1.013831/rules.drl:"), r.out());
        assertTrue(r.out().contains("[ND101-2024-MIEN-NUI]"), r.out());
    }

    /**
     * The English explanation names the tariff in English words (fee-rules' bundle, from the same fee table
     * row), never the Vietnamese tariff; the Vietnamese explanation keeps its Vietnamese words.
     */
    @Test
    void explain_english_feeLineTariffInEnglish_vietnameseStaysVietnamese() {
        String dossier = Cli.DOSSIERS.resolve("chung-thuc-ban-sao-300-trang.json").toString();
        Cli.Run en = Cli.run("explain", Cli.GIA_LAI.toString(), dossier, "--lang", "en");
        assertEquals(ExitCodes.OK, en.code(), en.err());
        assertTrue(en.out().contains("(tariff VND 2,000 per unit for the first 2 units; VND 1,000 per unit from unit 3; "
                + "at most VND 200,000 per copy)"), en.out());
        assertFalse(en.out().contains("đ/đơn vị") || en.out().contains("tối đa"), en.out());
        Cli.Run vi = Cli.run("explain", Cli.GIA_LAI.toString(), dossier);
        assertEquals(ExitCodes.OK, vi.code(), vi.err());
        assertTrue(vi.out().contains("(mức thu 2.000 đ/đơn vị cho 2 đơn vị đầu; 1.000 đ/đơn vị từ đơn vị thứ 3; "
                + "tối đa 200.000 đ/bản)"), vi.out());
    }

    /** A paused interval (an excluded period) is written in local time, as the start and the due are, in both languages. */
    @Test
    void explain_pausedInterval_inLocalTime_likeTheDue() throws IOException {
        String json = Files.readString(Cli.DOSSIERS.resolve("dat-dai-xa-kho-khan.json"), StandardCharsets.UTF_8).strip();
        json = json.substring(0, json.length() - 1) + ",\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\","
                + "\"from\":\"2026-03-03T02:00:00Z\",\"to\":\"2026-03-05T08:30:00Z\"}]}";
        Path d = dir.resolve("paused.json");
        Files.writeString(d, json, StandardCharsets.UTF_8);
        Cli.Run vi = Cli.run("explain", Cli.GIA_LAI.toString(), d.toString());
        assertEquals(ExitCodes.OK, vi.code(), vi.err() + vi.out());
        assertTrue(vi.out().contains("không tính thời gian từ 09:00 03/03/2026 đến 15:30 05/03/2026"), vi.out());
        Cli.Run en = Cli.run("explain", Cli.GIA_LAI.toString(), d.toString(), "--lang", "en");
        assertTrue(en.out().contains("clock stopped from 09:00 03/03/2026 to 15:30 05/03/2026"), en.out());
        assertFalse(en.out().contains("T02:00:00Z") || vi.out().contains("T02:00:00Z"), en.out());
    }

    @Test
    void explain_unknownProcedure_exitsThree() throws IOException {
        Path d = dir.resolve("d.json");
        Files.writeString(d, "{\"procedure\":\"9.9\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}",
                StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("explain", Cli.GIA_LAI.toString(), d.toString());
        assertEquals(ExitCodes.BAD_DOSSIER, r.code());
        assertTrue(r.err().contains("[9.9]"), r.err());
    }

    @Test
    void explain_missingDossier_exitsFour() {
        assertEquals(ExitCodes.IO, Cli.run("explain", Cli.GIA_LAI.toString(), dir.resolve("nope.json").toString()).code());
    }

    @Test
    void explain_missingPack_exitsTwo() throws IOException {
        Path d = dir.resolve("d.json");
        Files.writeString(d, "{}", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.PACK_PROBLEMS, Cli.run("explain", dir.resolve("no-pack").toString(), d.toString()).code());
    }
}
