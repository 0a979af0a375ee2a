package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ZipBombs;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2 through the engine: a 3 MB XLSX that inflates to 3 GB — as a fee table or as a rule
 * decision table — is a problem naming the file on load and on reload; the old pack keeps serving and
 * decisions running during the reload are untouched.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class ArchiveBombTest {
    static final String GOOD = HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}");
    static final String SHEET = "xl/worksheets/sheet1.xml";

    static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        Worksheet ws = wb.newWorksheet("fees");
        ws.value(0, 0, "type");
        wb.finish();
        byte[] data = ZipBombs.deflatedRepeat((byte) ' ', 3000);
        return ZipBombs.replace(out.toByteArray(), SHEET, new ZipBombs.Raw(SHEET, 8, data, 3000L * 1024 * 1024));
    }

    @Test
    void load_feeTableBomb_problemNamingTheFile(@TempDir Path dir) throws IOException {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.writeBytes(pack.resolve("procedures/1.001193/fees.xlsx"), bomb());
        try (Engine engine = Motcua.engine().build()) {
            LoadResult r = engine.load(pack);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("procedures/1.001193/fees.xlsx")
                    && p.messageEn().contains("inflates to 3145728000 bytes")), r.problems().toString());
        }
    }

    @Test
    void load_decisionTableBomb_xlsxRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.writeBytes(pack.resolve("procedures/1.001193/bomb.rules.xlsx"), bomb());
        try (Engine engine = Motcua.engine().build()) {
            LoadResult r = engine.load(pack);
            assertFalse(r.ok());
            PackProblem p = r.problems().stream().filter(x -> x.code().equals("XLSX_REFUSED")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.problems().toString()));
            assertEquals("procedures/1.001193/bomb.rules.xlsx", p.file());
        }
    }

    @Test
    void reload_feeTableBombWhileDeciding_refusedOldPackServesDecisionsUntouched(@TempDir Path dir) throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine engine = Motcua.engine().build()) {
            PackInfo serving = engine.load(pack).orThrow();
            Decision baseline = engine.decide(GOOD);
            assertEquals(Eligibility.ELIGIBLE, baseline.eligibility());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger decided = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> deciders = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread th = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            Decision d = engine.decide(GOOD);
                            if (!d.components().equals(baseline.components()) || d.eligibility() != Eligibility.ELIGIBLE
                                    || !d.provenance().packSha256().equals(baseline.provenance().packSha256())) {
                                failures.add(new AssertionError("changed decision: " + d.toJson()));
                            }
                            decided.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                th.start();
                deciders.add(th);
            }
            try {
                HardeningPacks.writeBytes(pack.resolve("procedures/1.001193/fees.xlsx"), bomb());
                for (int i = 0; i < 3; i++) {
                    int before = decided.get();
                    ReloadResult r = engine.reload(pack).get(60, TimeUnit.SECONDS);
                    assertFalse(r.swapped());
                    assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("procedures/1.001193/fees.xlsx")),
                            r.problems().toString());
                    assertEquals(serving, engine.pack().orElseThrow());
                    for (int w = 0; w < 2000 && decided.get() == before; w++) {
                        Thread.sleep(5); // at least one decision ran across each reload
                    }
                }
            } finally {
                stop.set(true);
                for (Thread th : deciders) {
                    th.join();
                }
            }
            assertTrue(failures.isEmpty(), () -> failures.peek().toString());
            assertTrue(decided.get() > 0);
            Files.delete(pack.resolve("procedures/1.001193/fees.xlsx"));
            assertEquals(Eligibility.ELIGIBLE, engine.decide(GOOD).eligibility());
        }
    }
}
