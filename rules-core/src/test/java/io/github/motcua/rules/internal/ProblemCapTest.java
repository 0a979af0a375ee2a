package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ProblemCap.Sink}: the problems that come first by file, line and column (at one place, in the order added) are
 * kept, whatever the order they come in, and one {@code PROBLEMS_MORE} at the first place not listed counts the rest;
 * a list bounded earlier (a fee table's, a folder's) gives the same final list as the whole list would.
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

    static ProblemCap.Sink sink(int max, List<PackProblem> in) {
        ProblemCap.Sink s = new ProblemCap.Sink(max);
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
            // split as a load does: each producer's own bounded list, then the load's
            List<PackProblem> merged = new ArrayList<>();
            int at = 0;
            while (at < all.size()) {
                int to = Math.min(all.size(), at + 1 + rnd.nextInt(60));
                merged.addAll(sink(max, all.subList(at, to)).list());
                at = to;
            }
            assertEquals(sink(max, all).list(), sink(max, merged).list(), "round " + round);
        }
    }

    @Test
    void sink_holdsAtMostItsCap_howeverManyAreAdded() {
        ProblemCap.Sink s = new ProblemCap.Sink(100);
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
    void bounded_smallListWithoutCount_isTheSameList() {
        List<PackProblem> few = random(new Random(1), 50);
        assertSame(few, ProblemCap.bounded(few));
        assertSame(few, ProblemCap.bounded(few), "nothing to fold");
    }

    @Test
    void feeTableCount_isFoldedAsTheProblemsItStandsFor() {
        PackProblem counted = ProblemCap.more(25_000, "procedures/1.0/fees.csv", 1, 10_001);
        List<PackProblem> in = new ArrayList<>(random(new Random(3), 20));
        in.add(counted);
        List<PackProblem> out = ProblemCap.sorted(in);
        assertEquals(21, out.size(), "20 listed and one count");
        assertTrue(out.get(20).messageEn().startsWith("25,000 more problems"), out.get(20).messageEn());
    }
}
