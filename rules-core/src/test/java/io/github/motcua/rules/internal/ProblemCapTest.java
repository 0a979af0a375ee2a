package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The load's {@link ProblemSink} of {@link PackProblem}s ({@link ProblemCap}): the problems that come first by file,
 * line and column (at one place, in the order added) are kept, whatever the order they come in, and one
 * {@code PROBLEMS_MORE} at the first place not listed counts the rest; a list bounded earlier (a folder's, a section's,
 * a fee table file's) gives the same final list as the whole list would.
 */
class ProblemCapTest {
    static final String[] FILES = {"pack.yaml", "procedures/1.0/fees.csv", "procedures/1.0/rules.drl", "units.yaml"};

    static List<PackProblem> random(Random rnd, int n) {
        List<PackProblem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PackProblem(FILES[rnd.nextInt(FILES.length)], rnd.nextInt(30), rnd.nextInt(5), "C" + i, "vi " + i, "en " + i));
        }
        return out;
    }

    /** What the load listed before the cap: every problem by file, line and column, a stable sort. */
    static List<PackProblem> reference(List<PackProblem> all) {
        List<PackProblem> out = new ArrayList<>(all);
        out.sort(Comparator.comparing(PackProblem::file).thenComparingInt(PackProblem::line).thenComparingInt(PackProblem::column));
        return out;
    }

    static ProblemSink<PackProblem> sink(int max, List<PackProblem> in) {
        ProblemSink<PackProblem> s = ProblemSink.byPlace(max, ProblemCap.SHAPE);
        s.addAll(in);
        return s;
    }

    @Test
    void sink_keepsTheFirstByPlace_andCountsTheRestAtTheFirstPlaceNotListed() {
        Random rnd = new Random(21);
        for (int round = 0; round < 300; round++) {
            int max = 1 + rnd.nextInt(40);
            List<PackProblem> all = random(rnd, rnd.nextInt(120));
            List<PackProblem> ref = reference(all);
            List<PackProblem> got = sink(max, all).list();
            if (ref.size() <= max) {
                assertEquals(ref, got, "all listed, in the order check printed them");
                continue;
            }
            assertEquals(ref.subList(0, max), got.subList(0, max), "the first " + max + " of the sorted list");
            PackProblem more = got.get(max);
            assertEquals(max + 1, got.size());
            assertEquals(ProblemCap.CODE, more.code());
            PackProblem firstNotListed = ref.get(max);
            assertEquals(List.of(firstNotListed.file(), firstNotListed.line(), firstNotListed.column()),
                    List.of(more.file(), more.line(), more.column()));
            String count = Integer.toString(ref.size() - max);
            assertTrue(more.messageEn().startsWith(count + " more problems, from this place on, are not listed"), more.messageEn());
            assertTrue(more.messageVi().startsWith("Còn " + count + " vấn đề khác"), more.messageVi());
        }
    }

    @Test
    void listsBoundedEarlier_foldIntoTheSameFinalList() {
        Random rnd = new Random(2026);
        for (int round = 0; round < 300; round++) {
            int max = 1 + rnd.nextInt(30);
            List<PackProblem> all = random(rnd, rnd.nextInt(150));
            // split as a load does: each producer's own bounded list, folded into the load's (at times through a
            // middle list, as a deferred folder's goes through the warm-up's)
            ProblemSink<PackProblem> merged = ProblemSink.byPlace(max, ProblemCap.SHAPE);
            int at = 0;
            while (at < all.size()) {
                int to = Math.min(all.size(), at + 1 + rnd.nextInt(60));
                ProblemSink<PackProblem> part = sink(max, all.subList(at, to));
                merged.addAll(rnd.nextBoolean() ? part : sink(max, part));
                at = to;
            }
            assertEquals(sink(max, all).list(), merged.list(), "round " + round);
            assertEquals(all.size(), merged.met(), "every problem found, kept or counted");
        }
    }

    @Test
    void sink_holdsAtMostItsCap_howeverManyAreAdded() {
        ProblemSink<PackProblem> s = ProblemSink.byPlace(100, ProblemCap.SHAPE);
        for (int i = 1_000_000; i > 0; i--) { // the worst order: every problem comes before those kept
            s.add(new PackProblem("f.csv", i, 1, "X", "vi", "en"));
        }
        assertEquals(100, s.size());
        assertEquals(999_900, s.more());
        assertEquals(1, s.get(0).line());
        assertEquals(100, s.get(99).line());
        PackProblem more = s.list().get(100);
        assertEquals(101, more.line());
        assertTrue(more.messageVi().startsWith("Còn 999.900 vấn đề khác, từ vị trí này trở đi, không được liệt kê: mỗi lần"
                + " nạp chỉ liệt kê 10.000 vấn đề đầu tiên (theo tệp, dòng, cột)"), more.messageVi());
        assertTrue(more.messageEn().startsWith("999,900 more problems"), more.messageEn());
    }

    @Test
    void bounded_smallPlainList_isTheSameList() {
        List<PackProblem> few = random(new Random(1), 50);
        assertSame(few, ProblemCap.bounded(few));
    }

    @Test
    void foldedCount_isCountedAsTheProblemsItStandsFor() {
        // a fee table file's FEES_MORE_PROBLEMS is folded from its value (BuiltInSections), as here
        ProblemSink<PackProblem> s = ProblemCap.sink();
        s.addAll(random(new Random(3), 20));
        s.fold(25_000, "procedures/1.0/fees.csv", 1, 10_001);
        List<PackProblem> out = s.list();
        assertEquals(21, out.size(), "20 listed and one count");
        assertTrue(out.get(20).messageEn().startsWith("25,000 more problems"), out.get(20).messageEn());
        assertEquals(List.of("procedures/1.0/fees.csv", 1, 10_001), List.of(out.get(20).file(), out.get(20).line(), out.get(20).column()));
    }

    @Test
    void aRenderedCount_isOnlyWords_neverFolded() {
        // the design doubt of session 21 (a static map of the counts by value): only a sink carries a count now
        PackProblem words = ProblemCap.more(25_000, "procedures/1.0/fees.csv", 1, 1);
        List<PackProblem> out = ProblemCap.sorted(List.of(words));
        assertEquals(List.of(words), out, "listed as it is, not counted again");
        assertTrue(PackProblem.capped(out), "and the list still reads as capped");
    }

    @Test
    void capped_isTheLastProblemsCode() {
        assertTrue(!PackProblem.capped(List.of()));
        assertTrue(!PackProblem.capped(random(new Random(4), 3)));
        ProblemSink<PackProblem> s = ProblemSink.byPlace(2, ProblemCap.SHAPE);
        s.addAll(random(new Random(5), 3));
        assertTrue(PackProblem.capped(s.list()));
        assertEquals(3, s.list().size());
    }
}
