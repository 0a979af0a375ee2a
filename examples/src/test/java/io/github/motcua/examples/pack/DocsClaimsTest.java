package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.ReceivingUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the README and the guides say that the repository can check: a named test exists; a listed unit is the pack's. */
class DocsClaimsTest {
    static final Path ROOT = Path.of("..");

    /**
     * Every test the README or a guide names as its evidence ({@code `CheckRefusesCodeTest`}) is a class in the tree: a
     * renamed or removed test leaves the claim without one (docs/security.md named a {@code CliTest} that no longer
     * existed). docs/performance.md is left out: it is a log of sessions and names tests that were taken out with their
     * code, saying so.
     */
    @Test
    void readmeAndGuides_everyTestTheyNameExists() throws IOException {
        Set<String> classes;
        try (Stream<Path> s = Files.walk(ROOT)) {
            classes = s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .map(p -> p.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
        }
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("performance.md")).sorted()
                    .forEach(docs::add);
        }
        assertTrue(docs.size() > 10, docs.toString());
        Pattern named = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|Tests|IT))`");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Path doc : docs) {
            Matcher m = named.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                if (!classes.contains(m.group(1))) {
                    missing.add(doc.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(seen > 50, "test names found: " + seen);
        assertEquals(Set.of(), missing);
    }

    /**
     * docs/gia-lai-pack.md lists the 9 communes NQ 1664 left unchanged, and names the two entries kept only for old
     * dossiers: none of the 9 may be one of those two, and each is a border commune of the pack. (The list named Ia Tách,
     * which the same guide and units.yaml say is an old entry; the ninth commune is Ia Púch.)
     */
    @Test
    void giaLaiGuide_unchangedCommunesArePackUnitsNotTheOldEntries() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/gia-lai-pack.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| the 9 communes left unchanged by NQ 1664 \\| ([^|]+) \\|").matcher(guide);
        assertTrue(row.find(), "the guide's row of unchanged communes");
        List<String> names = Stream.of(row.group(1).split(",")).map(String::strip).toList();
        assertEquals(9, names.size(), names.toString());
        Matcher old = Pattern.compile("two old entries kept for old dossiers:\\s+`([^`]+)`[^`]*`([^`]+)`").matcher(guide);
        assertTrue(old.find(), "the guide's two old entries");
        Set<String> oldCodes = Set.of(old.group(1), old.group(2));
        assertEquals(Set.of("52-xa-ia-tach", "52-xa-krong-pa"), oldCodes);
        try (Engine e = Motcua.engine().build()) {
            e.load(GiaLaiCasesTest.PACK).orThrow();
            for (String name : names) {
                List<ReceivingUnit> units = e.units().stream().filter(u -> u.name().vi().equals("Xã " + name)).toList();
                assertEquals(1, units.size(), name + ": " + units);
                ReceivingUnit u = units.get(0);
                assertFalse(oldCodes.contains(u.code()), name + " is an entry kept for old dossiers: " + u.code());
                assertTrue(u.flags().contains("BORDER"), name + ": " + u.flags());
            }
        }
    }
}
