package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule headers a rule text's trace and checks read ({@link DrlSource#rules()}): the hand-written reading of a
 * header line ({@link DrlSource#ruleIndent}, {@link DrlSource#ruleName}) finds exactly what the regex
 * {@link DrlSource#RULE} finds, on every line of the repository's rule files and on generated lines made of the
 * characters where the two could part (quotes, backslashes, every kind of space and line terminator, surrogates).
 */
class DrlSourceTest {

    /** What the regex says of one line: null when {@code find} fails, else {indentation length, name}. */
    private static Object[] byRegex(String line) {
        Matcher m = DrlSource.RULE.matcher(line);
        if (!m.find()) {
            return null;
        }
        String name = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        return new Object[] {m.group(1).length(), name};
    }

    private static Object[] byScanner(String line) {
        int indent = DrlSource.ruleIndent(line, 0, line.length());
        return indent < 0 ? null : new Object[] {indent, DrlSource.ruleName(line, indent + 4, line.length())};
    }

    private static void same(String line) {
        Object[] r = byRegex(line);
        Object[] s = byScanner(line);
        String shown = line.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c))
                .reduce("", String::concat);
        if (r == null || s == null) {
            assertEquals(r == null, s == null, () -> "header or not: " + shown);
        } else {
            assertEquals(r[0], s[0], () -> "indentation: " + shown);
            assertEquals(r[1], s[1], () -> "name: " + shown);
        }
    }

    @Test
    void everyLineOfTheRepositorysRuleFilesReadAsTheRegexReadsIt() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> drl;
        try (Stream<Path> s = Files.walk(root)) {
            drl = s.filter(p -> p.toString().endsWith(".drl"))
                    .filter(p -> root.relativize(p).toString().split("[/\\\\]")[0].charAt(0) != '.')
                    .filter(p -> !root.relativize(p).toString().contains("target")).toList();
        }
        assertTrue(drl.size() >= 10, "the repository's rule files: " + drl.size());
        int headers = 0;
        for (Path p : drl) {
            for (String line : Files.readString(p, StandardCharsets.UTF_8).split("\n", -1)) {
                same(line);
                same(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                headers += byRegex(line) != null ? 1 : 0;
            }
        }
        assertTrue(headers >= 50, "rule headers read: " + headers);
    }

    @Test
    void hardCases() {
        for (String line : List.of("rule", "rule ", "rule\t", "rule x", "  rule \"a b\" extra", "rule 'a\\'b' x", "rule \"a\\\"b\"",
                "rule \"open", "rule \"a\\", "rule \"a\\\u2028b\"", "rule \"a\\\u0085b\" c", "rule \"a\\\rb\"", "rule\u000B\"x\"",
                "rule\f'x'", "ruler x", "rule\"x\"", " \t rule  'x\"y'", "rule \"\"", "rule ''", "rule \"\ud83d\ude00\\\ud83d\ude00\"",
                "rule \"\\\ud83d\"", "rule \u00a0x", "\u00a0rule x", "rule x\u00a0y z", "rule \"x\" ", "rules x", "xrule y", "")) {
            same(line);
        }
    }

    @Test
    void generatedLinesReadAsTheRegexReadsThem() {
        String[] pieces = {"rule", "rule", "rule ", " ", "\t", "\u000B", "\f", "\r", "\n", "\u0085", "\u2028", "\u2029", "\u00a0",
            "\"", "\"", "'", "'", "\\", "\\", "a", "Ghi chú", "ư", "\ud83d\ude00", "\ud83d", "\ude00", "when", "x_1", "@", "(", ")"};
        Random random = new Random(20261207L);
        int headers = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(3) > 0) {
                b.append(" \t".repeat(random.nextInt(2))).append("rule").append(random.nextBoolean() ? " " : "");
            }
            int parts = random.nextInt(9);
            for (int k = 0; k < parts; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String line = b.toString();
            same(line);
            headers += byRegex(line) != null ? 1 : 0;
        }
        assertTrue(headers > 50_000, "generated headers: " + headers);
    }

    @Test
    void rulesNamesLinesAndMetadataOfARuleText() {
        String text = "// rule \"commented\"\r\n"
                + "/* rule \"also commented\"\n*/\n"
                + "rule \"Một quy tắc\"\r\n"
                + "  @basis(\"LHT-2014-D33\") @validFrom(2026-01-01)\n"
                + "when\n  Form( text(\"x\") == \"rule y\" )\nthen\nend\n"
                + "  rule 'hai \\'b\\''\n"
                + "  @basis( \"B\" )\n"
                + "rule third\n"
                + "when\nthen\nend";
        DrlSource source = new DrlSource("r.drl", text);
        List<DrlSource.RuleHeader> rules = source.rules();
        List<String> names = new ArrayList<>();
        for (DrlSource.RuleHeader h : rules) {
            names.add(h.name() + "@" + h.line() + ":" + h.column());
        }
        assertEquals(List.of("Một quy tắc@4:1", "hai \\'b\\'@10:3", "third@12:1"), names);
        Map<String, DrlSource.Meta> first = rules.get(0).meta();
        assertEquals("LHT-2014-D33", first.get("basis").value());
        assertEquals("2026-01-01", first.get("validFrom").value());
        // the second rule's metadata stop at the next rule header
        assertEquals(List.of("basis"), List.copyOf(rules.get(1).meta().keySet()));
        assertEquals("B", rules.get(1).meta().get("basis").value());
        assertTrue(rules.get(2).meta().isEmpty());
        // the literals, asked for after the rule headers (which are found without them), then the headers again
        List<String> literals = new ArrayList<>();
        for (DrlSource.Literal l : source.literals()) {
            literals.add(l.value() + "@" + l.start());
        }
        int form = text.indexOf("\"x\"");
        assertEquals(List.of("Một quy tắc@" + text.indexOf("\"Một"), "LHT-2014-D33@" + text.indexOf("\"LHT"), "x@" + form,
                "rule y@" + text.indexOf("\"rule y"), "hai 'b'@" + text.indexOf("'hai"), "B@" + text.indexOf("\"B\"")), literals);
        assertEquals(rules, source.rules());
        assertEquals(' ', source.masked()[form + 1]);
    }
}
