package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code import}: exit codes, the drift check on the Gia Lai pack, escaping of imported text. */
class ImportCommandTest {
    static final Path RECORDS = Path.of("imports/dvc-records");

    @TempDir
    Path dir;

    private static String record(String code, String name) {
        return """
                {"id": "t-%1$s", "code": "%1$s", "name": "%2$s", "updatedAt": 1775836631502, "isWard": true,
                 "isProvince": false, "isMinistry": false, "isFullProcess": false, "isNonTerritorial": false,
                 "isOfflineOnly": false, "departmentsExecuting": [{"name": "Ủy ban nhân dân cấp xã"}],
                 "executionMethods": [{"submissionMethod": "DIRECT", "processingTime": 3, "processingTimeUnit": "WORKING_DAY",
                   "fees": [{"type": "FEE", "value": 0}]}],
                 "executionCases": [{"name": "", "profileComponents": [{"name": "<b>Tờ khai</b>", "originalQty": 1, "copyQty": 0,
                   "required": false}]}],
                 "legalBasisesDetails": [{"id": "b", "name": "Nghị định thử", "code": "1/2026/NĐ-CP"}]}
                """.formatted(code, name);
    }

    @Test
    void check_onTheGiaLaiPack_reportsTheDriftAndChangesNothing() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        String before = listing(pack);
        Cli.Run r = Cli.run("import", pack.toString(), RECORDS.toString(), "--check", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertFalse(j.get("written").asBoolean());
        assertEquals(21, j.get("records").asInt());
        assertTrue(j.get("changes").valueStream().anyMatch(c -> c.get("kind").asString().equals("DRIFT")
                && c.get("code").asString().equals("2.000815") && c.get("what").asString().equals("phiDiaGioi")), r.out());
        assertEquals(before, listing(pack));
    }

    /** Issue 13 item 3: one value reviewed in local.yaml; the guide and the decision name exactly the others. */
    @Test
    void reviewOfOneValue_theDeskDeadline_guideAndDecisionNameOnlyTheValuesStillUnreviewed() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Files.writeString(pack.resolve("procedures/1.012787/local.yaml"), """
                review:
                  values:
                    deadline.DESK: { verified: true, note: "Kiểm thử: đánh dấu một giá trị đã rà soát (không phải đối chiếu thật)" }
                """, StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("import", pack.toString(), RECORDS.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        String yaml = Files.readString(pack.resolve("procedures/1.012787/procedure.yaml"), StandardCharsets.UTF_8);
        assertTrue(yaml.contains("value: \"deadline.DESK\"\n    from: \"/executionMethods/2\"\n    verified: true"), yaml);
        Cli.Run guide = Cli.run("guide", pack.toString(), "1.012787", "--as-of", "2026-03-01", "--format", "text");
        assertEquals(ExitCodes.OK, guide.code(), guide.err());
        String g = guide.out();
        int at = g.indexOf("Chưa rà soát: ");
        assertTrue(at > 0, g);
        String list = g.substring(at, g.indexOf('.', at));
        assertFalse(list.contains("thời hạn (nộp trực tiếp)"), list);
        assertTrue(list.contains("thời hạn (nộp trực tuyến)") && list.contains("phí, lệ phí (nộp trực tiếp)"), list);
    }

    @Test
    void import_thenCheckAndGuide_escapeImportedHtml() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("r.json"), record("9.100001", "<script>alert(1)</script> Xác nhận thử"), StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("import", pack.toString(), in.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("ADDED 9.100001"), r.out());
        Cli.Run check = Cli.run("check", pack.toString());
        assertEquals(ExitCodes.OK, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("chưa được rà soát"), check.out());
        Cli.Run guide = Cli.run("guide", pack.toString(), "9.100001", "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, guide.code(), guide.err());
        assertFalse(guide.out().contains("<script>alert"), "imported text must be escaped in the guide");
        assertFalse(guide.out().contains("<b>Tờ khai"), "imported text must be escaped in the guide");
        assertTrue(guide.out().contains("&lt;script&gt;alert(1)&lt;/script&gt; Xác nhận thử"), guide.out());
        assertTrue(guide.out().contains("chưa được rà soát"), "the guide marks imported, unreviewed values");
        Cli.Run decide = Cli.run("decide", pack.toString(), write("d.json",
                "{\"procedure\": \"9.100001\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}").toString());
        // an unassessed procedure is not a decision: printed, exit 3 like INDETERMINATE (PackOptions.decided)
        assertEquals(ExitCodes.BAD_DOSSIER, decide.code(), decide.err());
        assertTrue(decide.out().contains("NOT_ASSESSED"), decide.out());
    }

    @Test
    void import_refusedRecord_exitsTwoNamingTheFileAndLeavesThePack() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        String before = listing(pack);
        Path bad = write("bad.json", record("../escape", "x"));
        Cli.Run r = Cli.run("import", pack.toString(), RECORDS.resolve("1.000363.json").toString(), bad.toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out());
        assertTrue(r.out().contains("REFUSED " + bad) && r.out().contains("[BAD_CODE]"), r.out());
        assertEquals(before, listing(pack));
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String listing(Path pack) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(pack)) {
            for (Path p : s.sorted().toList()) {
                sb.append(pack.relativize(p)).append(Files.isRegularFile(p) ? " " + Files.size(p) + " " + Files.getLastModifiedTime(p) : "")
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
