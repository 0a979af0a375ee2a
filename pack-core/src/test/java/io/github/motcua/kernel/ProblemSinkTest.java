package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ProblemSink}, the one bounded list a pack's problems are made into: it keeps at most its cap (the first by place,
 * or the first found), counts the rest exactly, folds a bounded list handed to it, and renders one count at the first
 * place not kept. And the kernel's CSV reading of one file, made into one: a million bad cells are a million counted, at
 * most {@link ProblemSink#MAX} held.
 */
class ProblemSinkTest {
    static final String[] FILES = {"pack.yaml", "procedures/1.0/fees.csv", "units.yaml"};

    static List<Problem> random(Random rnd, int n) {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Problem.of(FILES[rnd.nextInt(FILES.length)], rnd.nextInt(20), rnd.nextInt(4), ProblemCode.IO, "n", "" + i));
        }
        return out;
    }

    static final Comparator<Problem> PLACE = Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    @Test
    void byPlace_keepsTheFirstByFileLineColumn_andCountsTheRestAtTheFirstNotKept() {
        Random rnd = new Random(22);
        for (int round = 0; round < 300; round++) {
            int max = 1 + rnd.nextInt(30);
            List<Problem> all = random(rnd, rnd.nextInt(100));
            List<Problem> ref = new ArrayList<>(all);
            ref.sort(PLACE); // stable: problems at one place in the order added
            ProblemSink<Problem> s = ProblemSink.byPlace(max, ProblemSink.KERNEL);
            for (Problem p : all) {
                s.add(p);
                assertTrue(s.size() <= max, "never more held than the cap");
            }
            List<Problem> got = s.list();
            assertEquals(all.size(), s.met());
            if (ref.size() <= max) {
                assertEquals(ref, got);
                assertEquals(0, s.more());
                continue;
            }
            assertEquals(ref.subList(0, max), got.subList(0, max));
            assertEquals(max + 1, got.size());
            Problem more = got.get(max);
            assertEquals(ProblemCode.PROBLEMS_MORE, more.code());
            assertEquals(Integer.toString(ref.size() - max), more.args().get("count"));
            Problem first = ref.get(max);
            assertEquals(List.of(first.file(), first.line(), first.column()), List.of(more.file(), more.line(), more.column()));
        }
    }

    @Test
    void asFound_keepsTheFirstAdded_andCountsTheRestAtTheirFirstPlace() {
        Random rnd = new Random(23);
        for (int round = 0; round < 300; round++) {
            int max = 1 + rnd.nextInt(30);
            List<Problem> all = random(rnd, rnd.nextInt(100));
            ProblemSink<Problem> s = ProblemSink.asFound(max, ProblemSink.KERNEL);
            s.addAll(all);
            List<Problem> got = s.list();
            if (all.size() <= max) {
                assertEquals(all, got);
                assertFalse(s.full() && all.size() < max);
                continue;
            }
            assertTrue(s.full());
            assertEquals(all.subList(0, max), got.subList(0, max));
            List<Problem> rest = new ArrayList<>(all.subList(max, all.size()));
            rest.sort(PLACE);
            Problem more = got.get(max);
            assertEquals(List.of(rest.get(0).file(), rest.get(0).line(), rest.get(0).column()),
                    List.of(more.file(), more.line(), more.column()));
            assertEquals(Long.toString(rest.size()), more.args().get("count"));
        }
    }

    @Test
    void aBoundedListHandedOn_isFolded_soTheLastCountsEveryProblemNotKept() {
        Random rnd = new Random(24);
        for (int round = 0; round < 300; round++) {
            int max = 1 + rnd.nextInt(20);
            List<Problem> all = random(rnd, rnd.nextInt(150));
            ProblemSink<Problem> whole = ProblemSink.byPlace(max, ProblemSink.KERNEL);
            whole.addAll(all);
            ProblemSink<Problem> merged = ProblemSink.byPlace(max, ProblemSink.KERNEL);
            int at = 0;
            while (at < all.size()) {
                int to = Math.min(all.size(), at + 1 + rnd.nextInt(50));
                ProblemSink<Problem> part = ProblemSink.byPlace(max, ProblemSink.KERNEL);
                part.addAll(all.subList(at, to));
                // a sink, or its rendered list: a kernel count carries its number, and is folded from it
                merged.addAll(rnd.nextBoolean() ? part : part.list());
                at = to;
            }
            assertEquals(whole.list(), merged.list(), "round " + round);
            assertEquals(all.size(), merged.met());
        }
    }

    @Test
    void aMillionAdded_atMostTheCapHeld_theCountExact() {
        ProblemSink<Problem> s = ProblemSink.byPlace(100, ProblemSink.KERNEL);
        for (int i = 1_000_000; i > 0; i--) { // the worst order: each comes before every problem kept
            s.add(Problem.of("f.csv", i, 1, ProblemCode.CSV_AFTER_QUOTE, "value", "x"));
        }
        assertEquals(100, s.size());
        assertEquals(999_900, s.more());
        assertEquals(1, s.get(0).line());
        Problem more = s.list().get(100);
        assertEquals(101, more.line());
        assertEquals("Còn 999900 vấn đề khác của tệp này, từ vị trí này trở đi, không được liệt kê: mỗi tệp chỉ liệt kê 100"
                + " vấn đề đầu tiên", more.messageVi());
        assertEquals("999900 more problems of this file, from this place on, are not listed: a file lists only its first 100",
                more.messageEn());
    }

    @Test
    void noProblem_nothingHeld_nothingRendered() {
        ProblemSink<Problem> s = ProblemSink.byPlace(ProblemSink.KERNEL);
        assertTrue(s.isEmpty());
        assertEquals(List.of(), s.list());
        assertEquals(0, s.met());
        assertNull(s.firstMoreFile());
        assertEquals(0, ProblemSink.found(List.of()));
    }

    @Test
    void found_countsWhatASinkNoLongerHolds() {
        ProblemSink<Problem> s = ProblemSink.asFound(2, ProblemSink.KERNEL);
        s.addAll(random(new Random(1), 5));
        assertEquals(2, s.size());
        assertEquals(5, ProblemSink.found(s), "a 'did this step add a problem' check still sees the third");
    }

    /** A stray quote after each of a million cells: at most MAX problems held, the others counted, not made. */
    @Test
    void csv_aMillionBadCells_atMostTheCapHeld_theRestCounted() {
        String line = "\"a\"b,".repeat(999) + "\"a\"b\n";
        String text = line.repeat(1_000); // 1,000,000 cells, each a CSV_AFTER_QUOTE
        CsvTable t = PackReader.csv("procedures/1.0/fees.csv", text);
        List<Problem> ps = t.problems();
        assertEquals(ProblemSink.MAX + 1, ps.size(), "the first 10,000 and one count");
        for (int i = 0; i < ProblemSink.MAX; i++) {
            assertEquals(ProblemCode.CSV_AFTER_QUOTE, ps.get(i).code());
        }
        assertEquals(List.of(10, 1000), List.of(ps.get(ProblemSink.MAX - 1).line(), ps.get(ProblemSink.MAX - 1).column()),
                "row by row: the 10,000th is the last cell of line 10");
        Problem more = ps.get(ProblemSink.MAX);
        assertEquals(ProblemCode.PROBLEMS_MORE, more.code());
        assertEquals("990000", more.args().get("count"));
        assertEquals(List.of("procedures/1.0/fees.csv", 11, 1), List.of(more.file(), more.line(), more.column()));
        assertTrue(more.message(Locale.ENGLISH).startsWith("990000 more problems of this file"), more.message(Locale.ENGLISH));
        assertEquals(1_000, t.rows().size(), "the records are still what could be read");
    }

    @Test
    void csv_aFewBadCells_listedAsBefore() {
        CsvTable t = PackReader.csv("fees.csv", "a,\"b\"c\n\"open");
        assertEquals(List.of(ProblemCode.CSV_AFTER_QUOTE, ProblemCode.CSV_UNCLOSED_QUOTE),
                t.problems().stream().map(Problem::code).toList());
    }
}
