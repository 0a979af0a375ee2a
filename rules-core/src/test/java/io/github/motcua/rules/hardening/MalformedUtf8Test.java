package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.TestPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pack content is hostile input, its encoding too: a malformed UTF-8 sequence in any file a reader decodes (one
 * Vietnamese letter saved in another encoding) is the kernel's one typed problem {@code NOT_UTF8} at that file, line and
 * column, in Vietnamese first — never a U+FFFD in its place — on a folder load, a reload (the serving pack keeps
 * serving) and the prebuilt build and load.
 */
class MalformedUtf8Test {
    static final Path GIA_LAI = Path.of("../examples/packs/gia-lai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    static final String BIRTH = "procedures/1.001193/";
    /** A pack template, added to the copy so that a template is among the files (the Gia Lai pack has none). */
    static final String TEMPLATE = "templates/ghi-chu.ftlh";

    static Path base;

    @BeforeAll
    static void copyOnce(@TempDir Path dir) throws IOException {
        base = copy(GIA_LAI, dir.resolve("base"));
        Files.createDirectories(base.resolve("templates"));
        Files.writeString(base.resolve(TEMPLATE), "<p>Ghi chú của cán bộ tiếp nhận</p>\n", StandardCharsets.UTF_8);
        try (Engine e = engine()) {
            LoadResult r = e.load(base);
            assertTrue(r.ok(), r.problems().toString()); // what the tests below break loads as it is
        }
    }

    static Engine engine() {
        return Motcua.engine().clock(CLOCK).lazyCompile(true).build();
    }

    static Path copy(Path from, Path to) {
        return TestPacks.copyTree(from, to);
    }

    /** Where the malformed sequence starts: 1-based line and column (in characters), as an editor shows it. */
    record At(int line, int column) {
    }

    /**
     * Breaks the first letter outside ASCII in {@code file} (e.g. "ế", E1 BA BF) as a file saved in another encoding
     * would: its lead byte stays, the byte after it becomes an ASCII letter. The syntax around it is untouched, so the
     * encoding is the file's only fault.
     */
    static At breakFirstLetter(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int i = 0;
        while (i < b.length && (b[i] & 0xFF) < 0xC2) {
            i++;
        }
        assertTrue(i < b.length - 1, "no letter outside ASCII in " + file);
        String before = new String(b, 0, i, StandardCharsets.UTF_8);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        b[i + 1] = 'x';
        Files.write(file, b);
        return new At(line, lastLine.codePointCount(0, lastLine.length()) + 1);
    }

    static void assertNotUtf8At(List<PackProblem> problems, String file, At at) {
        List<PackProblem> mine = problems.stream().filter(p -> p.code().equals("NOT_UTF8")).toList();
        assertEquals(1, mine.size(), problems.toString()); // one malformed byte, one problem: no reader repeats it
        PackProblem p = mine.get(0);
        assertEquals(file, p.file());
        assertEquals(at.line(), p.line(), p.toString());
        assertEquals(at.column(), p.column(), p.toString());
        assertTrue(p.messageVi().startsWith("Tệp không phải văn bản UTF-8"), p.messageVi());
        assertTrue(p.messageEn().startsWith("the file is not UTF-8 text"), p.messageEn());
        for (PackProblem any : problems) { // nothing read the broken text leniently and complained of what it saw
            assertFalse((any.messageVi() + any.messageEn()).contains("\uFFFD"), any.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "pack.yaml", "units.yaml", "parameters.yaml", "legal-bases/fees.yaml", "calendar/2026.yaml", "calendar/switches.yaml",
        "exemptions.yaml", "digitisation.yaml", "forms/common.schema.json", TEMPLATE,
        BIRTH + "procedure.yaml", BIRTH + "rules.drl", BIRTH + "form.schema.json", BIRTH + "fees.csv",
        BIRTH + "cases/_base.yaml", BIRTH + "cases/khong-co-giay-chung-sinh.yaml", "procedures/1.000656/rules.yaml",
        "procedures/1.012062/national.yaml"})
    void load_malformedByteInAFile_isNotUtf8AtItsLineAndColumn(String file, @TempDir Path dir) throws IOException {
        Path pack = copy(base, dir.resolve("pack"));
        if (!Files.exists(pack.resolve(file))) {
            throw new IllegalStateException("the test names a file the pack no longer has: " + file);
        }
        At at = breakFirstLetter(pack.resolve(file));
        try (Engine e = engine()) {
            LoadResult r = e.load(pack);
            assertFalse(r.ok());
            assertNotUtf8At(r.problems(), file, at);
            assertTrue(e.pack().isEmpty()); // nothing of it is loaded
        }
    }

    /** The same files, each with a byte-order mark and its text decomposed (NFD): both load, as documented. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "pack.yaml", "units.yaml", "parameters.yaml", "legal-bases/fees.yaml", "calendar/2026.yaml", "calendar/switches.yaml",
        "exemptions.yaml", "digitisation.yaml", "forms/common.schema.json", TEMPLATE,
        BIRTH + "procedure.yaml", BIRTH + "rules.drl", BIRTH + "form.schema.json", BIRTH + "fees.csv",
        BIRTH + "cases/_base.yaml", BIRTH + "cases/khong-co-giay-chung-sinh.yaml", "procedures/1.000656/rules.yaml",
        "procedures/1.012062/national.yaml"})
    void load_byteOrderMarkAndDecomposedText_loadAsBefore(String file, @TempDir Path dir) throws IOException {
        Path pack = copy(base, dir.resolve("pack"));
        String text = Files.readString(pack.resolve(file), StandardCharsets.UTF_8);
        String nfd = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        assertFalse(nfd.equals(text), "nothing to decompose in " + file);
        Files.writeString(pack.resolve(file), "\uFEFF" + nfd, StandardCharsets.UTF_8);
        try (Engine e = engine()) {
            LoadResult r = e.load(pack);
            assertTrue(r.ok(), r.problems().toString());
            // read as NFC: the birth registration's name as the original file spells it
            assertEquals("Đăng ký khai sinh", e.catalog().stream().filter(p -> p.code().equals("1.001193")).findFirst()
                    .orElseThrow().name().vi());
        }
    }

    @Test
    void load_malformedByteInADecisionTable_isNotUtf8(@TempDir Path dir) throws IOException {
        Path pack = copy(HardeningPacks.source("guide"), dir.resolve("guide"));
        String file = "procedures/GL.LLTP.01/fee.rules.csv";
        At at = breakFirstLetter(pack.resolve(file));
        try (Engine e = engine()) {
            LoadResult r = e.load(pack);
            assertFalse(r.ok());
            assertNotUtf8At(r.problems(), file, at);
        }
    }

    @Test
    void reload_malformedByte_isRefusedAndTheServingPackKeepsServing(@TempDir Path dir) throws Exception {
        Path good = copy(base, dir.resolve("good"));
        Path bad = copy(base, dir.resolve("bad"));
        At at = breakFirstLetter(bad.resolve(BIRTH + "fees.csv"));
        String dossier = Files.readString(GIA_LAI.resolve("../../dossiers/khai-sinh-sau-15-gio.json"), StandardCharsets.UTF_8);
        try (Engine e = engine()) {
            PackInfo serving = e.load(good).orThrow();
            Decision before = e.decide(dossier);
            ReloadResult r = e.reload(bad).get(120, TimeUnit.SECONDS);
            assertFalse(r.swapped());
            assertNotUtf8At(r.problems(), BIRTH + "fees.csv", at);
            assertEquals(serving.sha256(), e.pack().orElseThrow().sha256());
            assertEquals(before.toJson(), e.decide(dossier).toJson());
            // a load over a serving pack is refused the same way, and keeps it too
            LoadResult l = e.load(bad);
            assertFalse(l.ok());
            assertNotUtf8At(l.problems(), BIRTH + "fees.csv", at);
            assertEquals(serving.sha256(), e.pack().orElseThrow().sha256());
        }
    }

    @Test
    void prebuiltBuild_malformedByte_isNotUtf8AndWritesNothing(@TempDir Path dir) throws IOException {
        Path pack = copy(base, dir.resolve("pack"));
        At at = breakFirstLetter(pack.resolve(BIRTH + "rules.drl"));
        Path out = dir.resolve("gia-lai.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(CLOCK), pack)) {
            assertFalse(p.load().ok());
            assertNotUtf8At(p.load().problems(), BIRTH + "rules.drl", at);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> p.write(out));
        }
        assertFalse(Files.exists(out));
    }
}
