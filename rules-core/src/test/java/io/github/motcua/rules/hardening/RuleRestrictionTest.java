package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files are restricted before anything compiles: unicode escapes in every lexical position,
 * and every part of the parsed rule (the Drools descriptor tree) outside the vocabulary. Each case
 * is built so that it passes the text linter's forbidden words, names the construct's line, and
 * carries a payload that would create a marker file if it ran: the file must never appear.
 */
class RuleRestrictionTest {
    static final String EXTRA = "procedures/1.001193/extra.drl";
    static final String BASIS = "@basis(\"LHT-2014-D16\")";

    @TempDir
    Path dir;

    /** Creates {@code marker} through reflection, with no word the text linter forbids. */
    static String payload(Path marker) {
        return "Applicant.class.getClassLoader().loadClass(\"java.io.FileOutputStream\").getConstructor(String.class)"
                + ".newInstance(\"" + marker.toString().replace("\\", "/") + "\")";
    }

    static String rule(String name, String meta, String when, String then) {
        return "rule \"" + name + "\"\n  " + meta + "\nwhen\n  " + when + "\nthen\n  " + then + "\nend\n";
    }

    LoadResult load(String drl) {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve(EXTRA), drl);
        try (Engine e = Motcua.engine().firingLimit(200).build()) {
            return e.load(p);
        }
    }

    static String dump(LoadResult r) {
        return r.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
    }

    static PackProblem find(LoadResult r, String code) {
        return r.problems().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in:\n" + dump(r)));
    }

    /** name, DRL with MARKER where the payload goes, expected code, expected line in extra.drl. */
    static Stream<Arguments> unicodeEscapes() {
        String ok = rule("r1", BASIS, "Form()", "decision.note(\"x\");");
        return Stream.of(
                Arguments.of("in a line comment, ending it", "// ghi chú \\u000a MARKER;\n" + ok, 1, 12),
                Arguments.of("in a block comment", "/* ghi chú \\u002a/ MARKER; /* */\n" + ok, 1, 12),
                Arguments.of("in a string, closing it", rule("r1", BASIS, "Form()", "decision.note(\"a\\u0022); MARKER; decision.note(\\u0022\");"), 6, 19),
                Arguments.of("in an identifier", rule("r1", BASIS, "Form()", "decisio\\u006e.note(\"x\"); MARKER;"), 6, 10),
                Arguments.of("in an annotation", rule("r1", "@basis(\"LHT-2014-D16\\u0022) @x(\\u0022\")", "Form()", "MARKER;"), 2, 23),
                Arguments.of("between tokens", rule("r1", BASIS, "Form()", "decision.note(\"x\")\\u003b MARKER;"), 6, 21),
                Arguments.of("with many u and upper case digits", rule("r1", BASIS, "Form()", "decision.note(\"x\"); //\\uuuu000A MARKER;"), 6, 25));
    }

    @ParameterizedTest(name = "unicode escape {0}")
    @MethodSource("unicodeEscapes")
    void load_unicodeEscapeAnywhere_isRefusedAtItsPositionAndNothingRuns(String name, String drl, int line, int col)
            throws Exception {
        Path marker = dir.resolve("marker-" + name.hashCode());
        LoadResult r = load(drl.replace("MARKER", payload(marker)));
        assertFalse(r.ok(), dump(r));
        PackProblem p = find(r, "LINT_UNICODE_ESCAPE");
        assertEquals(EXTRA, p.file());
        assertEquals(line, p.line(), dump(r));
        assertEquals(col, p.column(), dump(r));
        assertTrue(p.messageVi().startsWith("Không được viết mã thoát"), p.messageVi());
        assertFalse(Files.exists(marker), "the payload ran");
    }

    /** name, DRL (MARKER: the payload), expected code, expected line. */
    static Stream<Arguments> descriptors() {
        String ok = rule("r1", BASIS, "Form()", "decision.note(\"x\");");
        return Stream.of(
                Arguments.of("function after end, mid-line", rule("r1", BASIS, "Form()", "decision.note(\"x\");")
                        .replace("end\n", "end function int f() { MARKER; return 42; }\n"), "DRL_FORBIDDEN_DECLARATION", 7),
                Arguments.of("import after end", ok.replace("end\n", "end import Helper;\n"), "DRL_FORBIDDEN_DECLARATION", 7),
                Arguments.of("global after end", ok.replace("end\n", "end global String g;\n"), "DRL_FORBIDDEN_DECLARATION", 7),
                Arguments.of("declare after end", ok.replace("end\n", "end declare Foo x : int end\n"), "DRL_FORBIDDEN_DECLARATION", 7),
                Arguments.of("query after end", ok.replace("end\n", "end query q() Form() end\n"), "DRL_FORBIDDEN_DECLARATION", 7),
                Arguments.of("salience expression", rule("r1", BASIS + "\n  salience ( MARKER == null ? 1 : 2 )", "Form()", "decision.note(\"x\");"), "DRL_FORBIDDEN_ATTRIBUTE", 3),
                Arguments.of("enabled expression", rule("r1", BASIS + "\n  enabled ( MARKER != null )", "Form()", "decision.note(\"x\");"), "DRL_FORBIDDEN_ATTRIBUTE", 3),
                Arguments.of("timer", rule("r1", BASIS + "\n  timer (int: 1s)", "Form()", "decision.note(\"x\");"), "DRL_FORBIDDEN_ATTRIBUTE", 3),
                Arguments.of("calendars", rule("r1", BASIS + "\n  calendars \"c\"", "Form()", "decision.note(\"x\");"), "DRL_FORBIDDEN_ATTRIBUTE", 3),
                Arguments.of("date-effective", rule("r1", BASIS + "\n  date-effective \"1-Jan-2020\"", "Form()", "decision.note(\"x\");"), "DRL_FORBIDDEN_ATTRIBUTE", 3),
                Arguments.of("dialect mvel", rule("r1", BASIS + "\n  dialect \"mvel\"", "Form()", "decision.note(\"x\"); MARKER;"), "DRL_FORBIDDEN_ATTRIBUTE", 3),
                Arguments.of("annotation value evaluated", rule("r1", BASIS + " @note(MARKER)", "Form()", "decision.note(\"x\");"), "DRL_BAD_ANNOTATION", 2),
                Arguments.of("annotation value a class", rule("r1", BASIS + " @type(Applicant.class)", "Form()", "decision.note(\"x\");"), "DRL_BAD_ANNOTATION", 2),
                Arguments.of("from", rule("r1", BASIS, "Applicant() from MARKER", "decision.note(\"x\");"), "DRL_FORBIDDEN_CONSTRUCT", 4),
                Arguments.of("accumulate", rule("r1", BASIS, "Number() from accumulate( Form(), init( Object o = MARKER; ) action( ) result( 1 ) )", "decision.note(\"x\");"), "DRL_FORBIDDEN_CONSTRUCT", 4),
                Arguments.of("eval (the linter's word list sees it first)", rule("r1", BASIS, "Form()\n  eval( MARKER != null )", "decision.note(\"x\");"), "LINT_FORBIDDEN_NAME", 5),
                Arguments.of("entry-point", rule("r1", BASIS, "Form() from entry-point \"x\"", "decision.note(\"x\");"), "DRL_FORBIDDEN_CONSTRUCT", 4),
                Arguments.of("window", rule("r1", BASIS, "Form() over window:length(2)", "decision.note(\"x\");"), "DRL_FORBIDDEN_CONSTRUCT", 4),
                Arguments.of("pattern outside the vocabulary", rule("r1", BASIS, "String()", "decision.note(\"x\");"), "DRL_UNKNOWN_FACT", 4),
                Arguments.of("pattern on a JDK class", rule("r1", BASIS, "Form()\n  Integer( intValue > 0 )", "decision.note(\"x\");"), "DRL_UNKNOWN_FACT", 5),
                Arguments.of("named consequence", rule("r1", BASIS, "Form()", "decision.note(\"x\");\nthen[b]\n  decision.note(\"y\");"), "DRL_FORBIDDEN_CONSTRUCT", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void load_constructOutsideTheVocabulary_isRefusedBeforeCompilingAndNothingRuns(String name, String drl, String code,
            int line) {
        Path marker = dir.resolve("marker-" + Math.abs(name.hashCode()));
        LoadResult r = load(drl.replace("MARKER", payload(marker)));
        assertFalse(r.ok(), dump(r));
        PackProblem p = find(r, code);
        assertEquals(EXTRA, p.file(), dump(r));
        assertEquals(line, p.line(), dump(r));
        assertFalse(Files.exists(marker), "the payload ran");
    }

    @Test
    void load_literalAttributesAndAnnotations_areAccepted() {
        LoadResult r = load(rule("r1", BASIS + " @note(\"ghi chú\") @weight(3)\n  salience -5\n  no-loop\n  lock-on-active true\n"
                + "  agenda-group \"g\"\n  activation-group \"a\"\n  dialect \"java\"",
                "not Unit()\n  exists( Form() )\n  forall( Applicant( age > 0 ) )\n  Applicant() or Form()",
                "decision.note(\"x\");"));
        assertTrue(r.ok(), dump(r));
    }

    @Test
    void load_englishMessages_nameTheConstruct() {
        LoadResult r = load(rule("r1", BASIS, "Form()", "decision.note(\"x\");").replace("end\n", "end function int f() { return 42; }\n"));
        PackProblem p = find(r, "DRL_FORBIDDEN_DECLARATION");
        assertTrue(p.messageEn().startsWith("function [f] is not allowed in a rule file"), p.messageEn());
        assertTrue(p.messageVi().startsWith("Không được dùng function [f]"), p.messageVi());
    }
}
