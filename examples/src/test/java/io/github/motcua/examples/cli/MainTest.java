package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: output formats and exit codes. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Path pack() {
        try {
            Path src = Path.of(MainTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = dir.resolve("pack").resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            return dir.resolve("pack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Check {
        @Test
        void check_goodPack_exitsZeroWithSummary() {
            Run r = run("check", pack().toString());
            assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("9 ca, 9 đạt, 0 không đạt"), r.out());
        }

        @Test
        void check_drlError_printsFileLineColumnAndExitsTwo() throws IOException {
            Path p = pack();
            Path drl = p.resolve("procedures/1.000894/rules.drl");
            write(drl, Files.readString(drl).replace("decision.ineligible(\"Bên nam", "System.exit(1); decision.ineligible(\"Bên nam"));
            Run r = run("check", p.toString(), "--lang", "en");
            assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out());
            assertTrue(r.out().contains("procedures/1.000894/rules.drl:7:3: [LINT_FORBIDDEN_NAME]"), r.out());
        }

        @Test
        void check_failingCase_printsExpectedVersusActualAndExitsOne() throws IOException {
            Path p = pack();
            Path c = p.resolve("procedures/1.000894/cases/dieu-kien-ket-hon.yaml");
            write(c, Files.readString(c).replaceFirst("eligibility: ELIGIBLE", "eligibility: INELIGIBLE"));
            Run r = run("check", p.toString());
            assertEquals(ExitCodes.CASES_FAILED, r.code(), r.out());
            // Vietnamese first (session 19: the line was English only)
            assertTrue(r.out().contains("✗ eligibility: ca kiểm thử ghi INELIGIBLE, kết quả là ELIGIBLE / expected INELIGIBLE,"
                    + " actual ELIGIBLE"), r.out());
            assertTrue(r.out().contains("dieu-kien-ket-hon.yaml:1:"), r.out());
        }
    }

    @Nested
    class Decide {
        Path dossier(String json) {
            Path f = dir.resolve("dossier.json");
            write(f, json);
            return f;
        }

        @Test
        void decide_printsDecisionJson() {
            Path d = dossier("{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                    + "\"form\":{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}}");
            Run r = run("decide", pack().toString(), d.toString());
            assertEquals(ExitCodes.OK, r.code(), r.err());
            assertTrue(r.out().contains("\"eligibility\" : \"INELIGIBLE\""), r.out());
        }

        @Test
        void decide_text_printsVietnameseSummary() {
            Path d = dossier("{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                    + "\"form\":{\"giayChungSinh\":\"KHONG_CO\"}}");
            Run r = run("decide", pack().toString(), d.toString(), "--text");
            assertEquals(ExitCodes.OK, r.code(), r.err());
            assertTrue(r.out().contains("Kết quả: ĐỦ ĐIỀU KIỆN"), r.out());
            assertTrue(r.out().contains("một trong nhóm thay-giay-chung-sinh"), r.out());
        }

        @Test
        void decide_unknownProcedure_exitsThree() {
            Path d = dossier("{\"procedure\":\"9.9\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}");
            Run r = run("decide", pack().toString(), d.toString());
            assertEquals(ExitCodes.BAD_DOSSIER, r.code());
            assertTrue(r.err().contains("[9.9]"), r.err());
        }

        @Test
        void decide_malformedDossier_exitsThreeWithPosition() {
            Path d = dossier("{\"procedure\": ");
            Run r = run("decide", pack().toString(), d.toString());
            assertEquals(ExitCodes.BAD_DOSSIER, r.code());
            assertTrue(r.err().contains("dossier.json:1:"), r.err());
        }

        /** The place once, in the prefix every problem line has; the words say what is wrong and how to fix it. */
        @Test
        void decide_notJson_saysThePlaceOnce_inEachLanguage() {
            Path d = dossier("{\n  \"procedure\": \"1.001193\",\n  \"channel\": \"DESK\",\n}");
            Path pk = pack();
            Run vi = run("decide", pk.toString(), d.toString());
            assertEquals(ExitCodes.BAD_DOSSIER, vi.code());
            assertEquals(d + ":4:1: [DOSSIER_NOT_JSON] không phải JSON hợp lệ: Thừa dấu phẩy trước dấu }: xóa dấu phẩy sau"
                    + " mục cuối cùng", vi.err().strip());
            Run en = run("decide", pk.toString(), d.toString(), "--lang", "en");
            assertEquals(d + ":4:1: [DOSSIER_NOT_JSON] not valid JSON: a comma too many before }: delete the comma after the"
                    + " last entry", en.err().strip());
        }

        @Test
        void decide_unknownProcedure_namesTheClosestCodesInTheAskedLanguage() {
            Path d = dossier("{\"procedure\":\"1.001194\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}");
            Path pack = pack();
            Run en = run("decide", pack.toString(), d.toString(), "--lang", "en");
            assertEquals(ExitCodes.BAD_DOSSIER, en.code());
            assertTrue(en.err().contains("unknown procedure [1.001194]; closest codes: 1.001193 ("), en.err());
            assertTrue(en.err().startsWith(d + ":1:14: [UNKNOWN_PROCEDURE] /procedure: unknown procedure"), en.err());
            assertTrue(!en.err().contains("không có"), en.err());
            Run vi = run("decide", pack.toString(), d.toString());
            assertTrue(vi.err().contains("không có thủ tục [1.001194]; mã gần nhất: 1.001193 ("), vi.err());
        }

        /** An applicant's residence unit the pack does not list: refused at its line and column, exit 3, not decided. */
        @Test
        void decide_unknownResidenceUnit_exitsThreeAtTheResidenceField() {
            Path d = dossier("{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\n"
                    + "\"applicant\":{\"residenceUnit\":\"52-xa-ia-0\"},\"form\":{\"giayChungSinh\":\"CO\"}}");
            Path pack = pack();
            Run vi = run("decide", pack.toString(), d.toString());
            assertEquals(ExitCodes.BAD_DOSSIER, vi.code(), vi.out() + vi.err());
            assertEquals("", vi.out(), "no decision is printed");
            assertTrue(vi.err().startsWith(d + ":2:30: [UNKNOWN_RESIDENCE_UNIT] /applicant/residenceUnit: đơn vị cư trú"
                    + " [52-xa-ia-0] của người yêu cầu không có trong units.yaml"), vi.err());
            assertTrue(vi.err().contains("(gần nhất: 52-xa-ia-o"), vi.err());
            Run en = run("decide", pack.toString(), d.toString(), "--lang", "en");
            assertTrue(en.err().startsWith(d + ":2:30: [UNKNOWN_RESIDENCE_UNIT] /applicant/residenceUnit: unknown residence"
                    + " unit [52-xa-ia-0]"), en.err());
        }

        /** Issue 19 item 1: the issue's own dossier, a local time typed by an officer. */
        @Test
        void decide_localReceivedAtOnline_oneEnglishMessageWithLineColumnAndTheCorrectedValue() {
            Path d = dossier("{\"procedure\":\"1.001193\",\n\"channel\":\"ONLINE\",\n\"receivedAt\":\"2026-02-13T16:10\","
                    + "\"form\":{\"giayChungSinh\":\"CO\"}}");
            Run r = run("decide", pack().toString(), d.toString(), "--lang", "en");
            assertEquals(ExitCodes.BAD_DOSSIER, r.code(), r.out() + r.err());
            String[] lines = r.err().strip().split("\\R");
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith(d + ":3:14: [DOSSIER_NO_OFFSET] /receivedAt: [2026-02-13T16:10] has no "
                    + "time-zone offset (such as +07:00)"), r.err());
            assertTrue(lines[0].endsWith("e.g. 2026-02-13T16:10:00+07:00"), r.err());
            assertTrue(!r.err().contains("không") && !r.err().contains("RFC 3339"), r.err());
        }

        @Test
        void decide_localReceivedAtAtTheDesk_readInThePacksZone() {
            Path d = dossier("{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00\","
                    + "\"form\":{\"giayChungSinh\":\"KHONG_CO\"}}");
            Run r = run("decide", pack().toString(), d.toString(), "--text");
            assertEquals(ExitCodes.OK, r.code(), r.err());
            assertTrue(r.out().contains("ngày 02/03/2026, lúc 09 giờ 00"), r.out());
        }

        @Test
        void decide_missingFile_exitsFour() {
            Run r = run("decide", pack().toString(), dir.resolve("nope.json").toString());
            assertEquals(ExitCodes.IO, r.code());
        }
    }

    @Test
    void noArguments_forSubcommand_isUsageError() {
        assertEquals(ExitCodes.USAGE, run("decide").code());
    }

    @Test
    void exitCodes_liveInOneTable_everyCommandHasItsListAndNoneWritesItsOwnFooter() {
        for (Class<?> c : Main.SUBCOMMANDS) {
            picocli.CommandLine.Command cmd = c.getAnnotation(picocli.CommandLine.Command.class);
            assertEquals(0, cmd.footer().length, c.getSimpleName() + " copies the exit codes into its own footer");
            assertTrue(ExitCodes.BY_COMMAND.containsKey(cmd.name()), cmd.name() + " has no exit codes in ExitCodes.BY_COMMAND");
        }
        Run r = run("new-pack", "--help");
        assertTrue(r.out().contains("thư mục đã có tệp") || r.out().contains("giá trị đối số sai"), r.out());
        assertTrue(r.out().contains("không đọc/ghi được tệp"), r.out());
    }

    @Test
    void help_listsExitCodesInBothLanguages() {
        Run r = run("--help");
        assertEquals(ExitCodes.OK, r.code());
        assertTrue(r.out().contains("Mã thoát / Exit codes"), r.out());
        assertTrue(r.out().contains("check") && r.out().contains("decide"), r.out());
    }
}
