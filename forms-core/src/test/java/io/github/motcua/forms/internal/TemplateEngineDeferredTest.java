package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import io.github.motcua.forms.RenderingFailedException;
import io.github.motcua.forms.TemplateRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Freemarker is configured and the built-in templates parsed at the first render, not when a pack without templates
 * of its own is loaded (issue 15, a fresh JVM's start); a pack's own templates are still parsed and scanned, and
 * refused, when the engine is made.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class TemplateEngineDeferredTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Uses a built-in template (lib.ftlh) from a pack's own one: the import happens during the render. */
    private static final String USES_LIB = "<#import \"lib.ftlh\" as l><@l.errors f={\"errors\": [\"a<b\", \"c\"], \"errorId\": \"e1\"}/>";

    @Test
    void new_packWithoutTemplates_freemarkerConfiguredAtTheFirstRenderOnly() {
        TemplateEngine engine = new TemplateEngine(Map.of(), TIMEOUT, 100_000);
        assertFalse(engine.configured());
        String lazy = engine.render("lib.ftlh", Map.of());
        assertTrue(engine.configured());
        // the same text as an engine whose Freemarker was configured when it was made (a pack template of its own)
        TemplateEngine eager = new TemplateEngine(Map.of("templates/other.ftlh", "x"), TIMEOUT, 100_000);
        assertTrue(eager.configured());
        assertEquals(eager.render("lib.ftlh", Map.of()), lazy);
        assertEquals(lazy, engine.render("lib.ftlh", Map.of()));
    }

    @Test
    void render_packTemplateImportingADeferredBuiltIn_findsItPreparedAndEscaped() {
        TemplateEngine engine = new TemplateEngine(Map.of("templates/page.ftlh", USES_LIB), TIMEOUT, 100_000);
        String out = engine.render("page.ftlh", Map.of());
        assertTrue(out.contains("<p class=\"error\" id=\"e1\">a&lt;b c</p>"), out);
    }

    @Test
    void render_unknownTemplate_stillNotFound() {
        TemplateEngine engine = new TemplateEngine(Map.of(), TIMEOUT, 100_000);
        RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> engine.render("nope.ftlh", Map.of()));
        assertEquals(RenderingFailedException.Reason.TEMPLATE_ERROR, e.reason());
    }

    @Test
    void new_brokenOrRefusedPackTemplate_stillRefusedWhenTheEngineIsMade() {
        TemplateRefusedException syntax = assertThrows(TemplateRefusedException.class,
                () -> new TemplateEngine(Map.of("templates/x.ftlh", "<#list x as>"), TIMEOUT, 100_000));
        assertEquals("templates/x.ftlh", syntax.file());
        TemplateRefusedException sandbox = assertThrows(TemplateRefusedException.class,
                () -> new TemplateEngine(Map.of("templates/receipt.ftlh", "${officer?eval}"), TIMEOUT, 100_000));
        assertEquals("templates/receipt.ftlh", sandbox.file());
        assertTrue(sandbox.getMessage().contains("?eval"), sandbox.getMessage());
    }

    @Test
    void ready_firstCallsFromManyThreadsAtOnce_oneConfigurationEveryTemplatePrepared() throws Exception {
        for (int round = 0; round < 20; round++) {
            TemplateEngine engine = new TemplateEngine(round % 2 == 0 ? Map.of() : Map.of("templates/page.ftlh", USES_LIB),
                    TIMEOUT, 100_000);
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Configuration>> configs = new ArrayList<>();
                List<Future<String>> renders = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    if (i % 2 == 0) {
                        configs.add(pool.submit(awaiting(start, engine::ready)));
                    } else {
                        String name = round % 2 == 0 ? "lib.ftlh" : "page.ftlh";
                        renders.add(pool.submit(awaiting(start, () -> engine.render(name, Map.of()))));
                    }
                }
                start.countDown();
                Configuration first = configs.get(0).get();
                for (Future<Configuration> c : configs) {
                    assertSame(first, c.get());
                }
                assertSame(first, engine.ready());
                String text = renders.get(0).get();
                for (Future<String> r : renders) {
                    assertEquals(text, r.get());
                }
                // every built-in is in the configuration's cache once ready answered
                for (String name : TemplateEngine.BUILT_IN) {
                    assertEquals(name, first.getTemplate(name).getName());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static <T> Callable<T> awaiting(CountDownLatch start, Callable<T> task) {
        return () -> {
            start.await();
            return task.call();
        };
    }
}
