package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Session 17: the decoder's reused buffers are a bounded set for the whole process, not one a thread. Until then every
 * thread that ever decoded pack text (a service's request threads, a pool's threads) kept up to 128 KB for as long as
 * it lived. Threads that decode at once still never share a buffer: each gets exactly its own text.
 */
class PackReaderBuffersTest {
    /** About 96 KB of Vietnamese YAML (non-ASCII, so it is decoded through a buffer, which grows to the kept limit). */
    static final byte[] TEXT;
    static {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() < 48 * 1024) {
            sb.append("- tên: Đăng ký khai sinh lưu động số ").append(i++).append('\n');
        }
        TEXT = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Many threads decoding at once, each a text of its own: every result is its own text, as the JDK decodes it. */
    @Test
    void decode_manyThreadsAtOnce_eachGetsItsOwnText() throws Exception {
        int threads = 48;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String own = "# luồng " + t + " — tờ khai của luồng này\n" + "Người yêu cầu: Nguyễn Văn Ạ " + t + "\n";
            byte[] mine = (own + own.repeat(t * 7)).getBytes(StandardCharsets.UTF_8);
            String expected = Normalizer.normalize(new String(mine, StandardCharsets.UTF_8), Normalizer.Form.NFC);
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int k = 0; k < 200; k++) {
                        String got = PackReader.decode("f.yaml", mine);
                        if (!got.equals(expected)) {
                            wrong.add(Thread.currentThread().getName() + " at " + k);
                            return;
                        }
                    }
                } catch (Exception e) {
                    wrong.add(e.toString());
                }
            }, "decoder-" + t);
            all.add(th);
            th.start();
        }
        for (Thread th : all) {
            th.join();
        }
        assertEquals(List.of(), List.copyOf(wrong));
    }

    /**
     * 256 threads, alive and idle after each decoded a large text once (a service's pool after a reload): the buffers
     * kept are at most the shared set's, and the heap they hold is that bound — not 256 × 128 KB (32 MB), as when each
     * thread kept its own.
     */
    @Test
    void decode_manyLiveThreads_keepABoundedSetOfBuffers() throws Exception {
        int threads = 256;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        CountDownLatch decoded = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ready = new CountDownLatch(threads);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    ready.countDown();
                    ready.await();
                    PackReader.decode("f.yaml", TEXT);
                    decoded.countDown();
                    release.await(); // alive and idle, as a pool's thread between requests
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "idle-" + t);
            all.add(th);
        }
        long before;
        try {
            before = usedAfterGc(memory); // the threads' own cost (stacks are not heap) is out of the comparison
            for (Thread th : all) {
                th.start();
            }
            decoded.await();
            long kept = PackReader.keptDecodingChars();
            assertTrue(kept <= 32L * 64 * 1024, "kept " + kept + " characters");
            long grown = usedAfterGc(memory) - before;
            // the shared set: at most 32 buffers of 128 KB (4 MB); each thread its own would be 32 MB
            assertTrue(grown < 12L * 1024 * 1024, "the heap grew by " + grown / 1024 + " KB with " + threads
                    + " idle threads that decoded pack text");
        } finally {
            release.countDown();
            for (Thread th : all) {
                th.join();
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
