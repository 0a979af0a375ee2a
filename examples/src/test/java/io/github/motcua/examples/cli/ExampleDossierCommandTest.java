package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code example-dossier} and the exit codes of {@code decide} for dossiers that were not decided (issue 19). */
class ExampleDossierCommandTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void exampleDossier_printsAStartingDossierWithPlaceholders_refusedUntilFilledIn() throws IOException {
        Cli.Run r = Cli.run("example-dossier", Cli.GIA_LAI.toString(), "1.001193");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode d = JSON.readTree(r.out());
        assertEquals("1.001193", d.get("procedure").asString());
        assertEquals("DESK", d.get("channel").asString());
        assertTrue(d.get("receivedAt").asString().startsWith("<"), r.out());
        assertTrue(d.at("/form/giayChungSinh").asString().startsWith("<"), r.out());
        // the placeholders must be typed: as printed, the dossier is refused, never decided
        Path f = dir.resolve("starter.json");
        Files.writeString(f, r.out(), StandardCharsets.UTF_8);
        Cli.Run decided = Cli.run("decide", Cli.GIA_LAI.toString(), f.toString(), "--lang", "en");
        assertEquals(ExitCodes.BAD_DOSSIER, decided.code(), decided.out() + decided.err());
    }

    @Test
    void exampleDossier_formHoldsEveryFieldARealDossierUses() throws IOException {
        Cli.Run r = Cli.run("example-dossier", Cli.GIA_LAI.toString(), "1.001193");
        JsonNode starter = JSON.readTree(r.out()).get("form");
        JsonNode real = JSON.readTree(Files.readString(Cli.DOSSIERS.resolve("khai-sinh-sau-15-gio.json"))).get("form");
        Set<String> missing = new HashSet<>();
        collect(real, starter, "", missing);
        assertTrue(missing.isEmpty(), "fields of a real dossier missing from the starter: " + missing);
    }

    private static void collect(JsonNode real, JsonNode starter, String at, Set<String> missing) {
        for (var e : real.properties()) {
            JsonNode s = starter == null ? null : starter.get(e.getKey());
            if (s == null) {
                missing.add(at + "/" + e.getKey());
            } else if (e.getValue().isObject()) {
                collect(e.getValue(), s, at + "/" + e.getKey(), missing);
            }
        }
    }

    @Test
    void exampleDossier_unknownCode_suggestsTheClosest() {
        Cli.Run r = Cli.run("example-dossier", Cli.GIA_LAI.toString(), "1.001913", "--lang", "en");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code());
        assertTrue(r.err().contains("closest codes: ") && r.err().contains("1.001193 (Birth registration"), r.err());
    }

    @Test
    void decide_invalidForm_printsTheIndeterminateDecisionAndExitsThree() throws IOException {
        String json = Files.readString(Cli.DOSSIERS.resolve("khai-sinh-sau-15-gio.json"))
                .replace("\"giayChungSinh\": \"CO\"", "\"giayChungSinh\": \"KHONG_BIET\"");
        assertTrue(json.contains("KHONG_BIET"));
        Path f = dir.resolve("d.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("decide", Cli.GIA_LAI.toString(), f.toString());
        assertEquals(ExitCodes.BAD_DOSSIER, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"eligibility\" : \"INDETERMINATE\""), r.out());
        // issue 19 item 1: the form's violation at its line and column in the file, in the asked language
        int line = 1 + (int) json.substring(0, json.indexOf("\"giayChungSinh\": \"KHONG_BIET\"")).chars().filter(c -> c == '\n').count();
        int column = json.split("\n", -1)[line - 1].indexOf("\"KHONG_BIET\"") + 1;
        assertTrue(r.err().startsWith(f + ":" + line + ":" + column + ": [FORM_INVALID] /form/giayChungSinh: "), r.err());
        Cli.Run en = Cli.run("decide", Cli.GIA_LAI.toString(), f.toString(), "--lang", "en");
        assertEquals(ExitCodes.BAD_DOSSIER, en.code());
        assertTrue(en.err().startsWith(f + ":" + line + ":" + column + ": [FORM_INVALID] /form/giayChungSinh: "), en.err());
        assertFalse(en.err().matches("(?s).*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ].*"), en.err());
    }

    @Test
    void decide_realDossier_exitsZero() {
        Cli.Run r = Cli.run("decide", Cli.GIA_LAI.toString(), Cli.DOSSIERS.resolve("khai-sinh-sau-15-gio.json").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertFalse(r.out().contains("INDETERMINATE"), r.out());
    }
}
