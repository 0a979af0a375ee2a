package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load lists at most 10,000 problems, the first by file, line and column, then one {@code PROBLEMS_MORE} counting
 * every other one: a hostile pack with millions of broken cells made millions of problems and ran the JVM out of memory
 * (session 21). Still all or nothing: the pack is refused and the one serving keeps serving. The pack is made here, in a
 * temporary folder deleted after: two fee tables whose header is 30,000 unknown columns.
 */
class LoadProblemCapTest {
    static final int CAP = 10_000;

    @TempDir
    Path dir;

    /** The test pack with a fee table of {@code columns} unknown columns in both of its procedures. */
    Path hostile(String name, int columns) {
        Path p = TestPacks.copy("ho-tich", dir.resolve(name));
        String header = "x,".repeat(columns - 1) + "x\n";
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), header);
        TestPacks.write(p.resolve("procedures/1.000894/fees.csv"), header);
        return p;
    }

    @Test
    void hostilePack_firstProblemsListed_oneLastProblemCountsTheRest_andTheServingPackKeepsServing() {
        try (Engine e = TestPacks.engine()) {
            List<PackProblem> few = e.load(hostile("few", 100)).problems();
            assertTrue(few.stream().noneMatch(p -> p.code().equals("PROBLEMS_MORE")), "a few problems: all listed");
            long perTable = few.size() / 2; // 100 unknown columns and the required ones missing, in each table
            PackInfo serving = e.load(TestPacks.copy("ho-tich", dir.resolve("good"))).orThrow();

            LoadResult r = e.load(hostile("many", 30_000));
            assertFalse(r.ok());
            List<PackProblem> ps = r.problems();
            assertEquals(CAP + 1, ps.size());
            for (int i = 0; i < CAP; i++) {
                assertEquals("procedures/1.000894/fees.csv", ps.get(i).file(), "the first file's first: " + i);
                assertEquals(i + 1, ps.get(i).column());
            }
            PackProblem more = ps.get(CAP);
            assertEquals("PROBLEMS_MORE", more.code());
            long total = 2 * (perTable - 100 + 30_000);
            assertTrue(more.messageEn().startsWith(String.format(Locale.ROOT, "%,d", total - CAP) + " more problems, from this"
                    + " place on, are not listed: a load lists only the first 10,000 (by file, line and column)"),
                    more.messageEn());
            assertTrue(more.messageVi().startsWith("Còn " + String.format(Locale.ROOT, "%,d", total - CAP).replace(',', '.')
                    + " vấn đề khác, từ vị trí này trở đi, không được liệt kê"), more.messageVi());
            assertEquals("procedures/1.000894/fees.csv", more.file(), "where the problems not listed begin");

            // all or nothing: nothing of the refused pack serves
            assertEquals(serving, e.pack().orElseThrow());
            assertEquals(Eligibility.ELIGIBLE, e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":"
                    + "\"2026-02-20\"}}")).eligibility());

            ReloadResult rr = e.reload(hostile("again", 30_000)).join();
            assertFalse(rr.swapped());
            assertEquals(ps, rr.problems(), "a reload reports the same list");
            assertEquals(serving, e.pack().orElseThrow());

            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class, r::orThrow);
            assertTrue(x.getMessage().contains(": hơn 10000 lỗi (liệt kê 10000 lỗi đầu tiên, dòng cuối đếm các lỗi còn lại) /"
                    + " unable to load pack ["), x.getMessage().substring(0, 300));
            assertTrue(x.getMessage().contains("]: more than 10000 problems (the first 10000 listed"), x.getMessage().substring(0, 300));
        }
    }

    /** {@code n} receiving units, each of a kind the schema does not know: one SCHEMA problem each. */
    static String badUnits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("- { code: \"u-").append(i).append("\", name: { vi: \"Xã ").append(i).append("\" }, kind: XA }\n");
        }
        return sb.toString();
    }

    /**
     * Every producer's bounded list — one YAML file's schema problems, a fee table file's, the fees section's — folds
     * into the load's one count: exactly one {@code PROBLEMS_MORE}, last, counting every problem not listed.
     */
    @Test
    void boundedProducers_foldIntoTheLoadsOneCount() {
        try (Engine e = TestPacks.engine()) {
            Path few = TestPacks.copy("ho-tich", dir.resolve("few"));
            TestPacks.write(few.resolve("units.yaml"), badUnits(100));
            TestPacks.write(few.resolve("procedures/1.001193/fees.csv"), "x,".repeat(99) + "x\n");
            List<PackProblem> fewProblems = e.load(few).problems();
            assertTrue(fewProblems.stream().noneMatch(p -> p.code().equals("PROBLEMS_MORE")), "a few problems: all listed");
            long units = fewProblems.stream().filter(p -> p.file().equals("units.yaml")).count();
            assertEquals(100, units, "one problem a unit");
            long tableFew = fewProblems.stream().filter(p -> p.file().endsWith("fees.csv")).count();

            Path many = TestPacks.copy("ho-tich", dir.resolve("many"));
            TestPacks.write(many.resolve("units.yaml"), badUnits(12_000));
            TestPacks.write(many.resolve("procedures/1.001193/fees.csv"), "x,".repeat(11_999) + "x\n");
            List<PackProblem> ps = e.load(many).problems();
            assertEquals(CAP + 1, ps.size());
            assertEquals(1, ps.stream().filter(p -> p.code().equals("PROBLEMS_MORE")).count(), "one count, never two");
            assertTrue(PackProblem.capped(ps));
            long total = 12_000 + (tableFew - 100 + 12_000) + (fewProblems.size() - units - tableFew);
            assertTrue(ps.get(CAP).messageEn().startsWith(String.format(Locale.ROOT, "%,d", total - CAP) + " more problems"),
                    ps.get(CAP).messageEn() + " (total " + total + ")");
            assertEquals("procedures/1.001193/fees.csv", ps.get(0).file(), "the first by file");
            assertTrue(ps.subList(0, CAP).stream().noneMatch(p -> p.file().equals("units.yaml")),
                    "units.yaml sorts after the procedures: none of its problems is among the first 10,000");
        }
    }
}
