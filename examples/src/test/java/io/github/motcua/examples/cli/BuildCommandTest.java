package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build PACK --out FILE} on the real Gia Lai pack, and every command that takes a PACK given
 * the artifact instead of the folder: the same output, the same exit codes.
 */
class BuildCommandTest {
    @TempDir
    static Path shared;
    static Path artifact;
    static Cli.Run built;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        artifact = shared.resolve("gia-lai.motcua");
        built = Cli.run("build", Cli.GIA_LAI.toString(), "--out", artifact.toString());
    }

    /** A decision's JSON without its evaluation instant, the one field that differs from run to run. */
    static String withoutEvaluatedAt(String json) {
        return json.replaceAll("\"evaluatedAt\"\\s*:\\s*\"[^\"]*\"", "\"evaluatedAt\":\"-\"");
    }

    @Test
    void build_giaLai_checksThenWritesTheArtifactNamedByItsContentHash() throws IOException {
        assertEquals(ExitCodes.OK, built.code(), built.out() + built.err());
        assertTrue(Files.size(artifact) > 0);
        try (Engine e = Motcua.engine().build()) {
            e.load(Cli.GIA_LAI).orThrow();
            String sha = e.pack().orElseThrow().sha256();
            assertTrue(built.out().contains("sha256 nội dung " + sha), built.out());
            assertTrue(built.out().contains(e.catalog().size() + " thủ tục"), built.out());
        }
        // the same summary line check prints, then the artifact line
        Cli.Run check = Cli.run("check", Cli.GIA_LAI.toString());
        String summary = check.out().lines().filter(l -> l.contains(" ca, ")).findFirst().orElseThrow();
        assertTrue(built.out().contains(summary), built.out());
    }

    /** Every Gia Lai analyst case's dossier: the artifact decides exactly as the folder does (JSON, same clock). */
    @Test
    void decide_everyGiaLaiCaseDossier_sameJsonFromArtifactAndFolder() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        try (Engine folder = Motcua.engine().clock(clock).build(); Engine prebuilt = Motcua.engine().clock(clock).build()) {
            folder.load(Cli.GIA_LAI).orThrow();
            prebuilt.load(artifact).orThrow();
            List<PackCase> cases = folder.cases();
            assertEquals(folder.cases().size(), prebuilt.cases().size());
            assertTrue(cases.size() >= 99, "cases: " + cases.size());
            for (PackCase c : cases) {
                String a;
                String b;
                try {
                    a = folder.decide(c.dossier()).toJson();
                } catch (RuntimeException e) {
                    a = e.getClass().getName() + ": " + e.getMessage();
                }
                try {
                    b = prebuilt.decide(c.dossier()).toJson();
                } catch (RuntimeException e) {
                    b = e.getClass().getName() + ": " + e.getMessage();
                }
                assertEquals(a, b, c.file() + ":" + c.line() + " " + c.name());
            }
        }
    }

    /** The command line prints the same JSON (evaluatedAt aside) and exits the same for every example dossier. */
    @Test
    void decide_cli_exampleDossiers_sameOutputFromArtifactAndFolder() throws IOException {
        try (Stream<Path> s = Files.list(Cli.DOSSIERS)) {
            for (Path d : s.sorted().toList()) {
                Cli.Run a = Cli.run("decide", Cli.GIA_LAI.toString(), d.toString());
                Cli.Run b = Cli.run("decide", artifact.toString(), d.toString());
                assertEquals(a.code(), b.code(), d + b.err());
                assertTrue(a.out().contains("\"evaluatedAt\""), a.out());
                assertEquals(withoutEvaluatedAt(a.out()), withoutEvaluatedAt(b.out()), d.toString());
                assertEquals(a.err(), b.err(), d.toString());
            }
        }
    }

    @Test
    void commandsTakingAPack_acceptTheArtifact() throws IOException {
        String dossier = Cli.DOSSIERS.resolve("khai-sinh-truc-tuyen.json").toString();
        Path events = dir.resolve("events.json");
        Files.writeString(events, "[" + String.join(",", io.github.motcua.examples.pack.GiaLaiTrackingTest.SUPPLEMENT) + "]");
        List<List<String>> commands = List.of(
                List.of("check", "{PACK}"),
                List.of("explain", "{PACK}", dossier),
                List.of("decide", "{PACK}", dossier, "--text"),
                List.of("catalog", "{PACK}", "--format", "json", "--as-of", "2026-03-01"),
                List.of("catalog", "{PACK}", "--format", "csv", "--as-of", "2026-03-01"),
                List.of("guide", "{PACK}", "2.000884", "--format", "text", "--as-of", "2026-03-01"),
                List.of("calendar", "days-off", "{PACK}", "2026"),
                List.of("calendar", "days-off", "{PACK}", "2031", "--lang", "en"),
                List.of("example-dossier", "{PACK}", "1.001193"),
                List.of("track", "{PACK}", Cli.DOSSIERS.resolve("dat-dai-xa-kho-khan.json").toString(), events.toString(),
                        "--at", "2026-03-18T09:00:00+07:00"));
        for (List<String> c : commands) {
            Cli.Run a = Cli.run(c.stream().map(x -> x.replace("{PACK}", Cli.GIA_LAI.toString())).toArray(String[]::new));
            Cli.Run b = Cli.run(c.stream().map(x -> x.replace("{PACK}", artifact.toString())).toArray(String[]::new));
            assertEquals(ExitCodes.OK, a.code(), c + a.err());
            assertEquals(a.code(), b.code(), c + b.err());
            assertEquals(a.out(), b.out(), c.toString());
        }
    }

    @Test
    void build_failingCaseOrBrokenPack_writesNothing() throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Path caseFile;
        try (Stream<Path> s = Files.walk(pack.resolve("procedures"))) {
            caseFile = s.filter(p -> p.toString().endsWith(".yaml") && p.getParent().getFileName().toString().equals("cases"))
                    .findFirst().orElseThrow();
        }
        String original = Files.readString(caseFile);
        // every expected outcome flipped: the cases fail, the pack itself is fine
        Files.writeString(caseFile, original.replace("INELIGIBLE", "@@").replace("ELIGIBLE", "INELIGIBLE").replace("@@", "ELIGIBLE"));
        Path out = dir.resolve("x.motcua");
        Cli.Run failing = Cli.run("build", pack.toString(), "--out", out.toString());
        assertEquals(ExitCodes.CASES_FAILED, failing.code(), failing.out() + failing.err());
        assertFalse(Files.exists(out));

        Files.writeString(caseFile, original);
        Path rules;
        try (Stream<Path> s = Files.walk(pack.resolve("procedures"))) {
            rules = s.filter(p -> p.toString().endsWith("rules.drl")).findFirst().orElseThrow();
        }
        Files.writeString(rules, "\nrule \"x\"\nwhen\nthen\n  System.exit(3);\nend\n", java.nio.file.StandardOpenOption.APPEND);
        Cli.Run broken = Cli.run("build", pack.toString(), "--out", out.toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, broken.code(), broken.out() + broken.err());
        assertTrue(broken.out().contains("rules.drl:") && broken.out().contains("[LINT_FORBIDDEN_NAME]"), broken.out());
        assertFalse(Files.exists(out));

        Cli.Run notFolder = Cli.run("build", artifact.toString(), "--out", out.toString());
        assertEquals(ExitCodes.IO, notFolder.code());
        assertFalse(Files.exists(out));
    }

    @Test
    void decide_damagedArtifact_exitsTwoWithTheTypedProblemNoStackTrace() throws IOException {
        byte[] b = Files.readAllBytes(artifact);
        b[b.length / 2] ^= 1;
        Path bad = Files.write(dir.resolve("bad.motcua"), b);
        Cli.Run r = Cli.run("decide", bad.toString(), Cli.DOSSIERS.resolve("khai-sinh-truc-tuyen.json").toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code());
        assertTrue(r.err().contains("[PREBUILT_CORRUPT]"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Cli.Run days = Cli.run("calendar", "days-off", bad.toString(), "2026");
        assertEquals(ExitCodes.PACK_PROBLEMS, days.code(), days.out() + days.err());
    }
}
