package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.internal.BoundedErrors;
import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * networknt's own list of errors for one pack file is bounded while networknt adds to it (issue 15 session 23;
 * forms-core's {@code BoundedErrors} since session 24, handed to networknt 3.0.9 through {@code ExecutionContext.setErrors}): a hostile YAML
 * file of many bad values made one error object each, in each language, before a problem was made. At most the bound
 * is kept, every error is counted, and what is kept is the problems an unbounded run lists first.
 */
class SchemaErrorsBoundTest {
    /** {@code n} receiving units of a kind the schema does not know: one error each. */
    static String badUnits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("- { code: \"u-").append(i).append("\", name: { vi: \"Xã ").append(i).append("\" }, kind: XA }\n");
        }
        return sb.toString();
    }

    /** The same in block style (the kernel's own reader, for a file of megabytes). */
    static String badUnitsBlock(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("- code: u-").append(i).append("\n  name:\n    vi: Xã ").append(i).append("\n  kind: XA\n");
        }
        return sb.toString();
    }

    private static YamlDoc parse(String file, String text) {
        List<PackProblem> problems = new ArrayList<>();
        YamlDoc doc = YamlDoc.parse(file, text, problems);
        assertTrue(problems.isEmpty(), problems::toString);
        assertNotNull(doc);
        return doc;
    }

    @Test
    void networkntsList_keepsAtMostTheBound_andCountsEveryError() {
        YamlDoc doc = parse("units.yaml", badUnits(3_000));
        BoundedErrors errors = Schemas.errors(Schemas.schema("units"), doc.root(), Locale.ENGLISH, 1_000);
        assertEquals(1_000, errors.size(), "what networknt added past the bound is not held");
        assertEquals(2_000, errors.dropped());
        assertEquals(3_000, errors.found(), "every error counted (the units schema has no unevaluated keyword)");
        assertEquals("/1000", Schemas.pointer(errors.firstDropped().getInstanceLocation()) .replaceAll("/kind$", ""));
        int n = 0;
        for (Object e : errors) {
            n++;
        }
        assertEquals(1_000, n, "the kept are the list");
        assertEquals("/999", Schemas.pointer(errors.get(errors.size() - 1).getInstanceLocation()).replaceAll("/kind$", ""),
                "a correct list: its last index reads (session 23's counted every error in its size and could not)");
    }

    @Test
    void boundedRun_listsWhatTheUnboundedRunListsFirst_andCountsTheRest() {
        YamlDoc doc = parse("units.yaml", badUnits(3_000));
        List<PackProblem> all = Schemas.validateWithNetworknt("units", doc, "", doc.root(), ProblemSink.MAX);
        assertEquals(3_000, all.size(), "one problem a unit");
        List<PackProblem> bounded = Schemas.validateWithNetworknt("units", doc, "", doc.root(), 1_000);
        ProblemSink<?> sink = assertInstanceOf(ProblemSink.class, bounded);
        assertEquals(1_000, bounded.size());
        assertEquals(3_000, sink.met(), "every error counted");
        assertEquals(all.subList(0, 1_000), bounded, "the units in document order: the first 1,000 by line, as before");
        List<PackProblem> listed = ProblemCap.bounded(bounded);
        PackProblem more = listed.get(listed.size() - 1);
        assertEquals(PackProblem.MORE, more.code());
        assertTrue(more.messageEn().startsWith("2,000 more problems"), more.messageEn());
        assertEquals(all.get(1_000).line(), more.line(), "counted from the first unit not kept");
    }

    /**
     * A units.yaml of 50,000 bad values (2.5 MB; the YAML reader refuses a file past about 3 million characters):
     * networknt's lists hold at most
     * {@link ProblemSink#MAX} errors a run, the problems are bounded as before, and the count is exact. Fails if the
     * list handed to networknt is not the one it fills (an unbounded list again).
     */
    @Test
    void hostileFile_ofManyBadValues_boundedWhileNetworkntReports() {
        int units = 50_000;
        String text = badUnitsBlock(units);
        YamlDoc doc = parse("units.yaml", text);
        BoundedErrors errors = Schemas.errors(Schemas.schema("units"), doc.root(), Locale.forLanguageTag("vi"),
                ProblemSink.MAX);
        assertEquals(ProblemSink.MAX, errors.size());
        assertEquals(units, errors.found());
        List<PackProblem> problems = Schemas.validate("units", doc);
        ProblemSink<?> sink = assertInstanceOf(ProblemSink.class, problems);
        assertEquals(ProblemSink.MAX, problems.size());
        assertEquals(units, sink.met());
    }
}
