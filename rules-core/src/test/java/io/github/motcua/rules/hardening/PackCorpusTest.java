package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7.4, pack files: every hostile edit of a pack file is a typed {@link LoadResult} — refused
 * with a problem naming the file, or (for harmless oddities such as a byte-order mark) accepted —
 * within a bounded time, never an exception, and the engine keeps serving the pack it had.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard for the whole corpus, not a performance assertion
class PackCorpusTest {
    static final String RULES = "procedures/1.001193/rules.drl";
    static final String PROC = "procedures/1.001193/procedure.yaml";
    static final String GOOD = HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}");

    /** Refused with at least one problem whose file is one of these; or accepted. */
    record Expect(boolean loads, Set<String> files, String code) {
        static Expect refused(String... files) {
            return new Expect(false, Set.of(files), null);
        }

        static Expect refusedWith(String code, String... files) {
            return new Expect(false, Set.of(files), code);
        }

        static Expect accepted() {
            return new Expect(true, Set.of(), null);
        }
    }

    /** A change to a fresh copy of the ho-tich pack. */
    interface Edit extends Consumer<Path> {
    }

    static Engine engine;
    static PackInfo serving;
    static Decision baseline;

    @BeforeAll
    static void load(@TempDir Path dir) {
        engine = Motcua.engine().firingLimit(200).build();
        serving = engine.load(HardeningPacks.copy("ho-tich", dir)).orThrow();
        baseline = engine.decide(GOOD);
        assertEquals(Eligibility.ELIGIBLE, baseline.eligibility());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Edit text(String file, String content) {
        return p -> HardeningPacks.write(p.resolve(file), content);
    }

    static Edit bytes(String file, byte[] content) {
        return p -> HardeningPacks.writeBytes(p.resolve(file), content);
    }

    static Edit change(String file, java.util.function.UnaryOperator<String> f) {
        return p -> HardeningPacks.edit(p.resolve(file), f);
    }

    static Edit truncate(String file, double fraction) {
        return p -> {
            try {
                byte[] b = Files.readAllBytes(p.resolve(file));
                Files.write(p.resolve(file), Arrays.copyOf(b, (int) (b.length * fraction)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    static String rule(String when, String then) {
        return "rule \"Quy tắc thử\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  " + when + "\nthen\n  " + then + "\nend\n";
    }

    static Stream<Arguments> corpus() {
        List<Arguments> c = new ArrayList<>();
        String[] yamlFiles = {"pack.yaml", "units.yaml", PROC, "procedures/1.001193/cases/giay-chung-sinh.yaml"};
        for (String f : yamlFiles) {
            c.add(Arguments.of(f + ": empty", text(f, ""), Expect.refused(f)));
            c.add(Arguments.of(f + ": only a comment", text(f, "# rỗng\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": truncated to a third", truncate(f, 0.33), Expect.refused(f)));
            c.add(Arguments.of(f + ": unclosed flow mapping", text(f, "a: { b: 1\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": tab indentation", text(f, "a:\n\tb: 1\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": invalid UTF-8", bytes(f, new byte[] {'a', ':', ' ', (byte) 0xC3, 0x28, (byte) 0xFF, '\n'}), Expect.refused(f)));
            c.add(Arguments.of(f + ": 100,000-deep flow nesting", text(f, "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": 100,000-deep block nesting", text(f, deepBlock(100_000)), Expect.refused(f)));
            c.add(Arguments.of(f + ": alias bomb", text(f, aliasBomb()), Expect.refused(f)));
            c.add(Arguments.of(f + ": a list instead of a mapping", text(f, "- 1\n- 2\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": a scalar", text(f, "xin chào\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": binary zeros", bytes(f, new byte[4096]), Expect.refused(f)));
            c.add(Arguments.of(f + ": custom tag", text(f, "a: !!java.net.URL [\"http://example.invalid\"]\n"), Expect.refused(f)));
            c.add(Arguments.of(f + ": 9 MB (over the file limit)", text(f, "a: \"" + "x".repeat(9 * 1024 * 1024) + "\"\n"), Expect.refusedWith("FILE_TOO_LARGE", f)));
            c.add(Arguments.of(f + ": byte-order mark only added", change(f, s -> "\uFEFF" + s), Expect.accepted()));
            c.add(Arguments.of(f + ": duplicate first key", change(f, s -> s + "\n" + s.lines().filter(l -> l.matches("^[a-zA-Z-]+:.*")).findFirst().orElse("x: 1") + "\n"), Expect.refused(f)));
        }
        // --- wrong types and values in procedure.yaml
        String[][] procEdits = {
            {"deadline amount 2^63", "amount: 0", "amount: 9223372036854775808"},
            {"deadline amount -1", "amount: 0", "amount: -1"},
            {"deadline amount words", "amount: 0", "amount: \"không\""},
            {"deadline unit unknown", "unit: SAME_DAY", "unit: FORTNIGHTS"},
            {"cutOff 25:00", "cutOff: \"15:00\"", "cutOff: \"25:00\""},
            {"level unknown", "level: COMMUNE", "level: GALAXY"},
            {"channels a string", "channels: [DESK, ONLINE, POST]", "channels: DESK"},
            {"channels unknown", "channels: [DESK, ONLINE, POST]", "channels: [PIGEON]"},
            {"legal basis unknown", "legalBases: [LHT-2014-D16, LHT-2014-D5]", "legalBases: [KHONG-CO]"},
            {"code differs from folder", "code: \"1.001193\"", "code: \"1.001194\""},
            {"quantity 2^63", "quantity: 1", "quantity: 9223372036854775808"},
            {"quantity a list", "quantity: 1", "quantity: [1]"},
            {"presence unknown", "presence: REQUIRED", "presence: SOMETIMES"},
            {"component basis unknown", "basis: LHT-2014-D16", "basis: KHONG-CO"},
            {"step budget negative", "budget: { amount: 1, unit: WORKING_HOURS }", "budget: { amount: -1, unit: WORKING_HOURS }"},
        };
        for (String[] e : procEdits) {
            c.add(Arguments.of(PROC + ": " + e[0], change(PROC, s -> {
                if (!s.contains(e[1])) {
                    throw new IllegalStateException("test pack changed: no [" + e[1] + "]");
                }
                return s.replaceFirst(java.util.regex.Pattern.quote(e[1]), java.util.regex.Matcher.quoteReplacement(e[2]));
            }), Expect.refused(PROC)));
        }
        // --- legal bases: year 0 and 9999, wrong dates
        String lb = "legal-bases/test.yaml";
        c.add(Arguments.of("legal basis validFrom year 0", text(lb, "- { id: T-0, act: \"Luật thử\", validFrom: 0000-01-01, verified: false, note: x }\n"), Expect.accepted()));
        c.add(Arguments.of("legal basis validTo year 9999", text(lb, "- { id: T-9, act: \"Luật thử\", validTo: 9999-12-31, verified: false, note: x }\n"), Expect.accepted()));
        c.add(Arguments.of("legal basis validFrom 30 February", text(lb, "- { id: T-2, act: \"Luật thử\", validFrom: 2026-02-30 }\n"), Expect.refused(lb)));
        c.add(Arguments.of("legal basis validTo before validFrom", text(lb, "- { id: T-3, act: \"Luật thử\", validFrom: 2026-01-01, validTo: 2025-01-01 }\n"), Expect.refused(lb)));
        c.add(Arguments.of("legal basis id duplicated", text(lb, "- { id: LHT-2014-D16, act: \"Luật thử\" }\n"), Expect.refused(lb)));
        c.add(Arguments.of("legal basis act missing", text(lb, "- { id: T-4 }\n"), Expect.refused(lb)));
        c.add(Arguments.of("legal basis NFD act name", text(lb, "- { id: T-5, act: \"" + Normalizer.normalize("Luật Hộ tịch", Normalizer.Form.NFD) + "\" }\n"), Expect.accepted()));
        // --- rule files (DRL)
        String[][] badRules = {
            {"System.exit", rule("Form()", "System.exit(1);"), "LINT_FORBIDDEN_NAME"},
            {"Runtime.halt", rule("Form()", "Runtime.getRuntime().halt(1);"), "LINT_FORBIDDEN_NAME"},
            {"exec a process", rule("Form()", "Runtime.getRuntime().exec(\"sh\");"), "LINT_FORBIDDEN_NAME"},
            {"open a socket", rule("Form()", "new java.net.Socket(\"example.invalid\", 80);"), "LINT_FORBIDDEN_NAME"},
            {"open a socket without package", rule("Form()", "new Socket(\"example.invalid\", 80);"), "LINT_FORBIDDEN_NAME"},
            {"read a file", rule("Form()", "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"), "LINT_FORBIDDEN_NAME"},
            {"reflection", rule("$f : Form()", "$f.getClass().getMethod(\"x\").invoke($f);"), "LINT_FORBIDDEN_NAME"},
            {"import a class", "import java.io.File;\n" + rule("Form()", "decision.note(\"x\");"), "LINT_FORBIDDEN_DECLARATION"},
            {"declare a function", "function void boom() { System.exit(1); }\n" + rule("Form()", "boom();"), "LINT_FORBIDDEN_DECLARATION"},
            {"a global", "global java.lang.String g;\n" + rule("Form()", "decision.note(\"x\");"), "LINT_FORBIDDEN_DECLARATION"},
            {"fully qualified org class", rule("Form()", "org.kie.api.KieServices.get();"), "LINT_FORBIDDEN_NAME"},
            {"property of the JVM", rule("Form()", "decision.note(System.getProperty(\"user.home\"));"), "LINT_FORBIDDEN_NAME"},
            {"thread sleep", rule("Form()", "Thread.sleep(100000);"), null},
            {"syntax error", "rule \"Hỏng\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  Form( \nthen\nend\n", null},
            {"unterminated string", "rule \"Hỏng\n", null},
            {"no basis", "rule \"Không căn cứ\"\nwhen\n  Form()\nthen\n  decision.note(\"x\");\nend\n", "LINT_NO_BASIS"},
            {"unknown basis", "rule \"Căn cứ lạ\"\n  @basis(\"KHONG-CO\")\nwhen\n  Form()\nthen\n  decision.note(\"x\");\nend\n", "LINT_UNKNOWN_BASIS"},
            {"unknown action", rule("Form()", "decision.xoaHet();"), "LINT_UNKNOWN_ACTION"},
            {"unknown component", rule("Form()", "decision.require(\"khong-co\");"), "LINT_UNKNOWN_COMPONENT"},
            {"unknown method in constraint", rule("Form( khongCo(\"x\") == 1 )", "decision.note(\"x\");"), null},
            {"validFrom 30 February", "rule \"Ngày sai\"\n  @basis(\"LHT-2014-D16\") @validFrom(\"2026-02-30\")\nwhen\n  Form()\nthen\n  decision.note(\"x\");\nend\n", "LINT_BAD_DATE"},
            {"100,000 opening parentheses", rule("Form( " + "(".repeat(100_000) + " )", "decision.note(\"x\");"), "DRL_TOO_DEEP"},
        };
        for (String[] r : badRules) {
            c.add(Arguments.of(RULES + ": " + r[0], text(RULES, r[1]), r[2] == null ? Expect.refused(RULES) : Expect.refusedWith(r[2], RULES)));
        }
        c.add(Arguments.of(RULES + ": invalid UTF-8 in a rule name", bytes(RULES, ("rule \"" + "\u00C3(\"").getBytes(StandardCharsets.ISO_8859_1)), Expect.refused(RULES)));
        // an empty rule file is a procedure with no rules: its components come from procedure.yaml alone, NOT_ASSESSED
        c.add(Arguments.of(RULES + ": empty", text(RULES, ""), Expect.accepted()));
        c.add(Arguments.of(RULES + ": byte-order mark", change(RULES, s -> "\uFEFF" + s), Expect.accepted()));
        c.add(Arguments.of(RULES + ": NFD rule name", change(RULES, s -> Normalizer.normalize(s, Normalizer.Form.NFD)), Expect.accepted()));
        c.add(Arguments.of(RULES + ": truncated by half", truncate(RULES, 0.5), Expect.refused(RULES)));
        c.add(Arguments.of("an extra unknown file", text("procedures/1.001193/ghi-chu.exe", "MZ"), Expect.refusedWith("UNKNOWN_FILE", "procedures/1.001193/ghi-chu.exe")));
        c.add(Arguments.of("a procedure folder without procedure.yaml", text("procedures/9.999999/rules.drl", rule("Form()", "decision.note(\"x\");")), Expect.refused("procedures/9.999999/procedure.yaml")));
        c.add(Arguments.of("pack.yaml missing", (Edit) p -> delete(p.resolve("pack.yaml")), Expect.refused("pack.yaml")));
        c.add(Arguments.of("legal bases missing", (Edit) p -> delete(p.resolve("legal-bases")), Expect.refused("legal-bases/")));
        return c.stream();
    }

    static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String deepBlock(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("- ");
        }
        return sb.append("1\n").toString();
    }

    static String aliasBomb() {
        StringBuilder sb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 12; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : ",").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void load_hostilePackFile_givesTypedResultAndKeepsServing(String name, Edit edit, Expect expect, @TempDir Path dir) {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        edit.accept(pack);
        LoadResult r;
        try (Engine fresh = Motcua.engine().firingLimit(200).build()) {
            try {
                r = fresh.load(pack);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("untyped failure for [" + name + "]: " + e, e);
                return;
            }
            if (expect.loads()) {
                assertTrue(r.ok(), name + " should load: " + r.problems());
                // a procedure left without any rule is not assessed (never ELIGIBLE), docs/import.md
                assertEquals(name.equals(RULES + ": empty") ? io.github.motcua.rules.Eligibility.NOT_ASSESSED
                        : baseline.eligibility(), fresh.decide(GOOD).eligibility());
            } else {
                assertFalse(r.ok(), name + " was accepted");
                assertTrue(fresh.pack().isEmpty(), "a refused pack serves");
                List<PackProblem> ps = r.problems();
                assertFalse(ps.isEmpty());
                assertTrue(ps.stream().anyMatch(p -> expect.files().contains(p.file())),
                        name + ": no problem names " + expect.files() + ": " + ps);
                if (expect.code() != null) {
                    assertTrue(ps.stream().anyMatch(p -> p.code().equals(expect.code())),
                            name + ": no " + expect.code() + " in " + ps);
                }
                ps.forEach(p -> assertFalse(p.messageVi().isBlank() || p.messageEn().isBlank(), p.toString()));
            }
        }
        // the long-lived engine refuses the same files on reload and keeps serving what it had
        if (!expect.loads()) {
            LoadResult again = engine.load(pack);
            assertFalse(again.ok());
        }
        assertEquals(serving, engine.pack().orElseThrow());
        Decision d = engine.decide(GOOD);
        assertEquals(baseline.components(), d.components());
    }

    @Test
    void load_symlinkLeadingOutOfThePack_isRefusedNamingTheLink(@TempDir Path dir, @TempDir Path outside) throws IOException {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        Path secret = outside.resolve("secret.drl");
        Files.writeString(secret, rule("Form()", "decision.note(\"từ ngoài bộ quy tắc\");"), StandardCharsets.UTF_8);
        Files.delete(pack.resolve(RULES));
        try {
            Files.createSymbolicLink(pack.resolve(RULES), secret);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        try (Engine fresh = Motcua.engine().build()) {
            LoadResult r = fresh.load(pack);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(RULES) && p.code().equals("LINK_OUTSIDE_PACK")),
                    r.problems().toString());
        }
    }

    @Test
    void load_symlinkInsideThePack_isRead(@TempDir Path dir) throws IOException {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        Path real = pack.resolve("procedures/1.001193/rules.txt");
        Files.move(pack.resolve(RULES), real);
        try {
            Files.createSymbolicLink(pack.resolve(RULES), real);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        try (Engine fresh = Motcua.engine().build()) {
            LoadResult r = fresh.load(pack);
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(baseline.components(), fresh.decide(GOOD).components());
        }
    }

    @Test
    void load_directorySymlinkLeadingOutOfThePack_isNotFollowed(@TempDir Path dir, @TempDir Path outside) throws IOException {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        Path evil = outside.resolve("9.999999");
        Files.createDirectories(evil);
        Files.writeString(evil.resolve("rules.drl"), rule("Form()", "decision.note(\"x\");"), StandardCharsets.UTF_8);
        try {
            Files.createSymbolicLink(pack.resolve("procedures/9.999999"), evil);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        try (Engine fresh = Motcua.engine().build()) {
            LoadResult r = fresh.load(pack);
            assertTrue(r.ok(), r.problems().toString());
            assertTrue(fresh.catalog().stream().noneMatch(p -> p.code().equals("9.999999")));
        }
    }
}
