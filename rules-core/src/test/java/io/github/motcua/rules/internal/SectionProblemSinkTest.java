package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.TestPacks;
import io.github.motcua.rules.UnableToLoadPackException;
import io.github.motcua.rules.spi.PackSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar and forms sections' problems, and the problems a lazily compiled procedure makes at its first use, are
 * bounded while they are made (issue 15 session 23): each goes into a {@link ProblemSink} that keeps at most
 * {@link ProblemSink#MAX}, so a hostile pack's thousands of problems are counted, not held, and the list a caller sees
 * ends with the one {@code PROBLEMS_MORE} counting the rest. Each case fails if its list is a plain list again (it
 * would hold all 12,000).
 */
class SectionProblemSinkTest {
    private static final int CAP = ProblemSink.MAX;
    private static final int MANY = 12_000;

    @TempDir
    Path dir;

    private static PackSection.Context context() {
        return new PackSection.Context(null, Map.of(), Map.of(), Map.of());
    }

    private static void assertCapped(List<PackProblem> ps, long notListed, String firstFile) {
        assertEquals(CAP + 1, ps.size());
        PackProblem more = ps.get(CAP);
        assertEquals(PackProblem.MORE, more.code());
        assertTrue(PackProblem.capped(ps));
        assertTrue(more.messageEn().startsWith(String.format(Locale.ROOT, "%,d", notListed) + " more problems"), more.messageEn());
        assertTrue(more.messageVi().startsWith("Còn " + String.format(Locale.ROOT, "%,d", notListed).replace(',', '.')
                + " vấn đề khác"), more.messageVi());
        assertEquals(firstFile, ps.get(0).file());
    }

    @Test
    void calendarSection_manyFilesThatAreNotYaml_atMostTheCapKept_theRestCounted() {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < MANY; i++) {
            files.put(String.format(Locale.ROOT, "calendar/ghi-chu-%05d.txt", i), "x".getBytes(StandardCharsets.UTF_8));
        }
        BuiltInSections.CalendarSection section = new BuiltInSections.CalendarSection();
        ProblemSink<PackProblem> sink = ProblemCap.sink();
        PackSection.Result r = section.load(files, context(), sink);
        assertEquals(List.of(), r.problems(), "the loader's sink holds them");
        assertEquals(CAP, sink.size());
        assertEquals(MANY, sink.met(), "every file counted");
        assertTrue(sink.stream().allMatch(p -> p.code().equals("UNKNOWN_FILE")));

        List<PackProblem> listed = section.load(files, context()).problems();
        assertCapped(listed, MANY - CAP, "calendar/ghi-chu-00000.txt");
        assertEquals("calendar/ghi-chu-10000.txt", listed.get(CAP).file(), "where the problems not listed begin");
        assertEquals(null, section.load(files, context()).value(), "refused all the same");
    }

    @Test
    void formSection_manyFilesThatAreNotUtf8_atMostTheCapKept_theRestCounted() {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < MANY; i++) {
            files.put(String.format(Locale.ROOT, "forms/mau-%05d.json", i), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        }
        BuiltInSections.FormSection section = new BuiltInSections.FormSection(false);
        ProblemSink<PackProblem> sink = ProblemCap.sink();
        PackSection.Result r = section.load(files, context(), sink);
        assertEquals(null, r.value());
        assertEquals(CAP, sink.size());
        assertEquals(MANY, sink.met());

        List<PackProblem> listed = section.load(files, context()).problems();
        assertCapped(listed, MANY - CAP, "forms/mau-00000.json");

        // forms-core's one refusal is in the sink too, as it was in the result
        Map<String, byte[]> broken = Map.of("procedures/1.001193/form.schema.json", "{not json".getBytes(StandardCharsets.UTF_8));
        List<PackProblem> one = section.load(broken, context()).problems();
        assertEquals(1, one.size(), one::toString);
        assertEquals("FORMS", one.get(0).code());
    }

    /** A rule whose condition reads {@code n} fields the form does not declare: one problem each, at first use. */
    private static String unknownFields(int n) {
        StringBuilder sb = new StringBuilder("rule \"Nhiều trường không có\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  Form( ");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " || ").append("text(\"khongCo").append(i).append("\") == \"X\"");
        }
        return sb.append(" )\nthen\n  decision.note(\"không bao giờ\");\nend\n").toString();
    }

    private static final String FORM = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"$id\":\"urn:motcua:test:1.001193\",\"type\":\"object\",\"properties\":{"
            + "\"giayChungSinh\":{\"type\":\"string\",\"enum\":[\"CO\",\"KHONG_CO\"]},\"nguoiLamChung\":{\"type\":\"string\"},"
            + "\"treEm\":{\"type\":\"object\",\"properties\":{\"hoTen\":{\"type\":\"string\"},"
            + "\"ngaySinh\":{\"type\":\"string\",\"format\":\"date\"}}}}}";

    /** The problems procedure 1.001193 holds after its first use, checked then (lazy compile), with {@code n} unknown fields. */
    private List<PackProblem> heldAfterFirstUse(String name, int n, List<List<PackProblem>> refusal) {
        Path p = TestPacks.copy("ho-tich", dir.resolve(name));
        TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FORM);
        TestPacks.write(p.resolve("procedures/1.001193/nhieu.drl"), unknownFields(n));
        try (Engine e = Motcua.engine().clock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-02T02:00:00Z"), java.time.ZoneOffset.UTC)).lazyCompile(true).backgroundWarmUp(false).build()) {
            e.load(p).orThrow(); // the rule checks are left for the procedure's first use
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class, () -> e.decide(
                    "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                            + "\"form\":{\"giayChungSinh\":\"CO\"}}"));
            refusal.add(x.problems());
            return ((DefaultEngine) e).servingNow().slots().get("1.001193").lazy.problems();
        }
    }

    @Test
    void lazyCompile_aProcedureOfManyProblemsAtFirstUse_holdsAtMostTheCap_andItsRefusalCountsTheRest() {
        List<List<PackProblem>> refusals = new java.util.ArrayList<>();
        List<PackProblem> few = heldAfterFirstUse("few", 100, refusals);
        assertEquals(few, refusals.get(0), "under the cap: every problem, no count");
        long others = few.stream().filter(q -> !q.file().endsWith("nhieu.drl")).count();
        assertEquals(100, few.size() - others, few::toString);

        List<PackProblem> held = heldAfterFirstUse("many", MANY, refusals);
        ProblemSink<?> sink = assertInstanceOf(ProblemSink.class, held, "bounded while made");
        assertEquals(CAP, held.size());
        assertEquals(MANY + others, sink.met(), "every problem counted");
        List<PackProblem> refused = refusals.get(1);
        assertEquals(CAP + 1, refused.size());
        assertEquals(PackProblem.MORE, refused.get(CAP).code());
        long notListed = MANY + others - CAP;
        assertTrue(refused.get(CAP).messageEn().startsWith(String.format(Locale.ROOT, "%,d", notListed) + " more problems"),
                refused.get(CAP).messageEn());
        assertEquals(held, refused.subList(0, CAP), "the first by file, line and column");
    }
}
