package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background reload with atomic swap; a failed reload keeps the old pack; decisions from many threads. */
class ReloadTest {
    @TempDir
    Path dir;

    @Test
    void reload_goodEdit_swapsToTheNewPack() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir);
        try (Engine e = TestPacks.loaded(p)) {
            String before = e.pack().orElseThrow().sha256();
            TestPacks.edit(p.resolve("pack.yaml"), s -> s.replace("2026.11.0-test", "2026.11.1-test"));
            ReloadResult r = e.reload(p).get(60, TimeUnit.SECONDS);
            assertTrue(r.swapped(), r.problems().toString());
            assertEquals("2026.11.1-test", e.pack().orElseThrow().version());
            assertNotEquals(before, e.pack().orElseThrow().sha256());
            assertEquals("2026.11.1-test", e.decide(TestPacks.birth("{}")).provenance().packVersion());
        }
    }

    @Test
    void reload_brokenEdit_keepsTheOldPackServingAndReturnsProblems() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir);
        try (Engine e = TestPacks.loaded(p)) {
            PackInfo old = e.pack().orElseThrow();
            TestPacks.edit(p.resolve("procedures/1.000894/rules.drl"), s -> s.replace("@basis(\"HNGD-2014-D8\")", ""));
            ReloadResult r = e.reload(p).get(60, TimeUnit.SECONDS);
            assertFalse(r.swapped());
            assertEquals(old, r.serving().orElseThrow());
            assertEquals(old, e.pack().orElseThrow());
            assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("LINT_NO_BASIS")
                    && x.file().equals("procedures/1.000894/rules.drl") && x.line() == 2), r.problems().toString());
            Decision d = e.decide(TestPacks.marriage("{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}"));
            assertEquals(Eligibility.INELIGIBLE, d.eligibility());
        }
    }

    @Test
    void decide_fromManyThreadsWhileReloading_givesTheSameAnswers() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir);
        try (Engine e = TestPacks.loaded(p)) {
            String young = TestPacks.marriage("{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}");
            String ok = TestPacks.marriage("{\"chong\":{\"ngaySinh\":\"2000-01-01\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            if (e.decide(young).eligibility() != Eligibility.INELIGIBLE
                                    || e.decide(ok).eligibility() != Eligibility.ELIGIBLE) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                ReloadResult r = e.reload(p).get(60, TimeUnit.SECONDS);
                assertTrue(r.swapped());
                for (Future<Boolean> f : results) {
                    assertTrue(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
