package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.RenderingFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The render pool is bounded: when its threads and its waiting line are full, a render is refused at once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class RenderPoolTest {
    @Test
    void render_poolAndQueueFull_refusedAsBusyAndThreadsBounded() throws Exception {
        ThreadPoolExecutor pool = TemplateEngine.pool(2, 1);
        try {
            TemplateEngine engine = new TemplateEngine(Map.of("templates/spin.ftlh",
                    "<#list 1..2000000000 as i><#assign x = i></#list>", "templates/ok.ftlh", "ok"),
                    Duration.ofSeconds(4), 100_000, true, pool);
            ConcurrentLinkedQueue<RenderingFailedException.Reason> reasons = new ConcurrentLinkedQueue<>();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // two run, one waits
                Thread t = new Thread(() -> {
                    try {
                        engine.render("spin.ftlh", Map.of());
                    } catch (RenderingFailedException e) {
                        reasons.add(e.reason());
                    }
                });
                t.start();
                callers.add(t);
            }
            for (int i = 0; i < 2000 && !(pool.getActiveCount() == 2 && pool.getQueue().size() == 1); i++) {
                Thread.sleep(5);
            }
            assertEquals(2, pool.getActiveCount());
            assertEquals(1, pool.getQueue().size());
            RenderingFailedException busy = org.junit.jupiter.api.Assertions.assertThrows(RenderingFailedException.class,
                    () -> engine.render("ok.ftlh", Map.of()));
            assertEquals(RenderingFailedException.Reason.BUSY, busy.reason());
            assertTrue(busy.getMessage().contains("[ok.ftlh] refused"), busy.getMessage());
            for (Thread t : callers) {
                t.join();
            }
            assertEquals(3, reasons.size(), reasons.toString());
            // each was stopped by the clock or, spinning fast enough, by the allocation budget
            assertTrue(reasons.stream().allMatch(r -> r == RenderingFailedException.Reason.TIMEOUT
                    || r == RenderingFailedException.Reason.MEMORY_LIMIT), reasons.toString());
            assertTrue(pool.getLargestPoolSize() <= 2, "threads: " + pool.getLargestPoolSize());
            // the spinning renders were interrupted and stopped, so the pool serves again
            for (int i = 0; i < 2000 && pool.getActiveCount() > 0; i++) {
                Thread.sleep(5);
            }
            assertEquals("ok", engine.render("ok.ftlh", Map.of()));
        } finally {
            pool.shutdownNow();
        }
    }
}
