package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One registry shared by many threads gives each the same answers. */
class ConcurrencyTest {
    @Test
    void validate_sharedRegistryAcrossThreads_sameReports() throws Exception {
        FormRegistry forms = TestPacks.registry();
        FormReport expected = forms.validate(TestPacks.FORM, "{\"soBan\": 0}", Locale.ROOT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FormReport>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> forms.validate(TestPacks.FORM, "{\"soBan\": 0}", Locale.ROOT)));
            }
            for (Future<FormReport> f : futures) {
                assertEquals(expected.violations(), f.get().violations());
            }
            String html = forms.renderer().renderForm(TestPacks.FORM, expected.data(), expected, Locale.ROOT, "/nop");
            List<Future<String>> renders = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                renders.add(pool.submit(() -> forms.renderer().renderForm(TestPacks.FORM, expected.data(), expected, Locale.ROOT, "/nop")));
            }
            for (Future<String> f : renders) {
                assertEquals(html, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
