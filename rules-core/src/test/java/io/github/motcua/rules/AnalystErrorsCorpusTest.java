package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken file per message an analyst can meet (src/test/resources/analyst-errors/index.txt):
 * each, put into a copy of the ho-tich test pack, gives exactly one problem, with its code, at the
 * line to edit, in Vietnamese and in English.
 */
class AnalystErrorsCorpusTest {
    /** A corpus file, where it goes, the code and line expected, and other corpus files put beside it (file → target). */
    record Entry(String file, String target, String code, int line, java.util.Map<String, String> beside) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final String BASES = """
            - id: ND-23-2015-D10
              act: "Nghị định 23/2015/NĐ-CP"
              article: "Điều 10"
            """;

    @TempDir
    Path dir;

    static Stream<Entry> corpus() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\\|");
            java.util.Map<String, String> beside = new java.util.LinkedHashMap<>();
            if (c.length > 4) {
                for (String pair : c[4].split(";")) {
                    String[] ft = pair.split(">");
                    beside.put(ft[0].strip(), ft[1].strip());
                }
            }
            out.add(new Entry(c[0].strip(), c[1].strip(), c[2].strip(), Integer.parseInt(c[3].strip()), beside));
        }
        return out.stream();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = AnalystErrorsCorpusTest.class.getClassLoader().getResourceAsStream("analyst-errors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A copy of the ho-tich test pack with the corpus file {@code e} in place. */
    private Path broken(Entry e) throws IOException {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), YamlRulesTest.FORM);
        TestPacks.write(p.resolve("legal-bases/corpus.yaml"), BASES);
        for (java.util.Map.Entry<String, String> b : e.beside().entrySet()) {
            TestPacks.write(p.resolve(b.getValue()), read(b.getKey()));
        }
        TestPacks.write(p.resolve(e.target()), read(e.file()));
        return p;
    }

    /**
     * A lazy engine (docs/performance.md "Compile modes") reports the same one problem: at load, or — for the
     * checks of rule texts it leaves to a procedure's first use, like the lint — through {@code compiled()} and
     * when that procedure is decided, which is then refused while every other procedure serves.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFile_lazyEngine_sameProblemAtLoadOrAtFirstUse(Entry e) throws Exception {
        Path p = broken(e);
        String code = e.target().split("/")[1];
        try (Engine engine = Motcua.engine().lazyCompile(true).build()) {
            LoadResult r = engine.load(p);
            List<PackProblem> found = r.ok() ? engine.compiled().get(120, java.util.concurrent.TimeUnit.SECONDS) : r.problems();
            String all = found.stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
            assertEquals(1, found.size(), all);
            assertEquals(List.of(e.target(), e.code(), e.line()),
                    List.of(found.get(0).file(), found.get(0).code(), found.get(0).line()), all);
            if (r.ok()) {
                String dossier = "{\"procedure\":\"" + code + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                        + "\"form\":{}}";
                UnableToLoadPackException refused = org.junit.jupiter.api.Assertions.assertThrows(UnableToLoadPackException.class,
                        () -> engine.decide(dossier));
                assertTrue(refused.problems().stream().anyMatch(x -> x.code().equals(e.code()) && x.line() == e.line()),
                        String.valueOf(refused.problems()));
                String other = code.equals("1.001193") ? "1.000894" : "1.001193";
                assertNotEquals(null, engine.decide(dossier.replace(code, other)).eligibility(), "the other procedures serve");
            }
        }
    }

    /**
     * A lazy-parse engine ({@code lazyParse(true)}, docs/performance.md "Compile modes") reports the same one problem, with
     * the same messages: at load for a pack-wide or section file, else through {@code compiled()} and when that procedure is
     * decided (its folder quarantined), while every other procedure serves.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFile_lazyParseEngine_sameProblemAsTheStrictLoad(Entry e) throws Exception {
        Path p = broken(e);
        String code = e.target().split("/")[1];
        List<PackProblem> strict;
        try (Engine engine = TestPacks.engine()) {
            strict = engine.load(p).problems();
        }
        try (Engine engine = Motcua.engine().lazyParse(true).build()) {
            LoadResult r = engine.load(p);
            List<PackProblem> found = r.ok() ? engine.compiled().get(120, java.util.concurrent.TimeUnit.SECONDS) : r.problems();
            assertEquals(strict.stream().map(x -> x.format(Locale.ROOT)).toList(), found.stream().map(x -> x.format(Locale.ROOT)).toList());
            if (r.ok()) {
                String dossier = "{\"procedure\":\"" + code + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                        + "\"form\":{}}";
                UnableToLoadPackException refused = org.junit.jupiter.api.Assertions.assertThrows(UnableToLoadPackException.class,
                        () -> engine.decide(dossier));
                assertEquals(strict, refused.problems());
                String other = code.equals("1.001193") ? "1.000894" : "1.001193";
                assertNotEquals(null, engine.decide(dossier.replace(code, other)).eligibility(), "the other procedures serve");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenFile_givesOneProblemAtItsLineInBothLanguages(Entry e) throws IOException {
        Path p = broken(e);
        try (Engine engine = TestPacks.engine()) {
            LoadResult r = engine.load(p);
            String all = r.problems().stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
            assertEquals(1, r.problems().size(), all);
            PackProblem x = r.problems().get(0);
            assertEquals(e.target(), x.file(), all);
            assertEquals(e.code(), x.code(), all);
            assertEquals(e.line(), x.line(), all);
            assertNotEquals(x.messageVi(), x.messageEn(), "a message in each language: " + all);
            assertTrue(x.messageVi().length() > 25 && x.messageEn().length() > 25, all);
            // plain words, not the parser's own English (SnakeYAML's "while parsing a block mapping", Drools' "no viable alternative")
            assertTrue(!x.messageVi().contains("while ") && !x.messageVi().contains("no viable alternative"), all);
        }
    }
}
