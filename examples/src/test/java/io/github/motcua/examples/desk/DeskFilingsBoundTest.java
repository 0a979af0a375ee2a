package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Tracking;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The desk kept up to 10,000 filings whatever their size (session 18, the audit's gap 4): at 1 MiB a body, 10 GiB. It
 * keeps at most 64 MiB besides the count, dropping the dossier filed or updated longest ago first, never the one just
 * filed or updated. Session 19: the bytes are what a dossier keeps in memory ({@link Filings#storedBytes}), no longer
 * the bytes its request carried.
 */
class DeskFilingsBoundTest {
    /** A filing whose form data is one string of {@code chars} characters: it keeps what {@code storedBytes} says. */
    static Filing filing(String id, int chars) {
        return new Filing(id, null, false, null, null, null, "Cán bộ A", Map.of("ghiChu", "a".repeat(chars)), "s",
                new Filing.Events());
    }

    static long size(String id, int chars) {
        return Filings.storedBytes(filing(id, chars));
    }

    static Tracking.StepEvent event(String by) {
        return new Tracking.StepEvent("tiep-nhan", Tracking.Event.values()[0], OffsetDateTime.parse("2027-03-09T09:00+07:00"), by);
    }

    @Test
    void bytes_pastTheBound_theOldestDroppedFirst_anUpdatedDossierCountsAsNew() {
        long one = size("a", 1000);
        Filings f = new Filings(100, 3 * one + 200); // room for one event (144 bytes), not for 200 more characters
        Filing a = filing("a", 1000);
        Filing b = filing("b", 1000);
        Filing c = filing("c", 1000);
        f.put(a);
        f.put(b);
        f.put(c);
        assertArrayEquals(new long[] {3, 3 * one}, f.kept());
        // an event recorded on a: it counts for more, and it is now the most recently updated
        assertEquals(Boolean.TRUE, f.addEvent(a, event("Cán bộ A")));
        long withEvent = 3 * one + Filings.eventBytes(event("Cán bộ A"));
        assertArrayEquals(new long[] {3, withEvent}, f.kept());
        assertEquals(List.of("b", "c", "a"), f.order());
        f.put(filing("d", 1000)); // past the bound: b goes (filed longest ago and not updated since), and that is enough
        assertEquals(List.of("c", "a", "d"), f.order());
        assertArrayEquals(new long[] {3, withEvent}, f.kept());
        f.put(filing("e", 1000 + 200)); // a little larger: c goes, then a (updated before d and e were filed)
        assertEquals(List.of("d", "e"), f.order(), "the ones filed last");
        assertArrayEquals(new long[] {2, one + size("e", 1200)}, f.kept());
        // an event on a dossier no longer kept is not recorded
        assertNull(f.addEvent(b, event(null)));
        assertTrue(b.events().list().isEmpty());
    }

    @Test
    void count_pastTheBound_theOldestDropped_andTheNewestNeverEvenIfAloneOverTheBytes() {
        Filings f = new Filings(3, 1_000_000);
        for (int i = 0; i < 10; i++) {
            f.put(filing("x" + i, 10));
        }
        assertEquals(List.of("x7", "x8", "x9"), f.order());
        f.put(filing("huge", 600_000)); // 1.2 MB as UTF-16, over the bound alone
        assertEquals(List.of("huge"), f.order(), "the one just filed stays");
        assertEquals(size("huge", 600_000), f.kept()[1]);
        assertEquals(64L * 1024 * 1024, Filings.MAX_BYTES);
        assertEquals(10_000, Filings.MAX);
    }

    /**
     * The bound counts what a dossier keeps: a string the form data holds twice (the dossier's copy and the filing's) is
     * counted twice, the same string object shared by both once, and a long text far more than a short one.
     */
    @Test
    void storedBytes_countsTheKeptDataOnce_perCopy() {
        String text = "Nguyễn Thị Ánh".repeat(1000); // 14,000 chars
        Filing shared = new Filing("a", null, false, null, null, null, "Cán bộ A", Map.of("hoTen", text, "hoTen2", text),
                "s", new Filing.Events());
        Filing copied = new Filing("a", null, false, null, null, null, "Cán bộ A",
                Map.of("hoTen", text, "hoTen2", new String(text.toCharArray())), "s", new Filing.Events());
        long small = Filings.storedBytes(filing("a", 0));
        assertTrue(Filings.storedBytes(shared) >= small + 2L * text.length(), "UTF-16: two bytes a character");
        assertTrue(Filings.storedBytes(shared) < small + 2L * 2 * text.length(), "the shared string counted once");
        assertTrue(Filings.storedBytes(copied) >= small + 2L * 2 * text.length(), "two copies counted twice");
    }

    /**
     * Two officers (two tabs of one session) record events on the same dossier at once while other dossiers are filed
     * and dropped: every event either counts or is refused with the dossier, and the bytes kept are exactly the sum of
     * what each kept dossier holds with its events.
     */
    @Test
    void concurrentEvents_onOneDossier_whileOthersAreFiled_theCountsStayExact() throws Exception {
        Filings f = new Filings(50, Long.MAX_VALUE);
        Filing shared = filing("shared", 100);
        f.put(shared);
        int perThread = 200;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(3);
        java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();
        Runnable officer = () -> {
            try {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    if (Boolean.TRUE.equals(f.addEvent(shared, event("Cán bộ " + i)))) {
                        recorded.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Runnable filer = () -> {
            try {
                start.await();
                for (int i = 0; i < 2000; i++) {
                    f.put(filing("other" + i, 50));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<Thread> threads = List.of(new Thread(officer), new Thread(officer), new Thread(filer));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(120_000);
        }
        // the shared dossier was updated often but may have been dropped once the filer passed 50 newer ones
        int events = shared.events().list().size();
        assertEquals(recorded.get(), events, "an event is on the dossier exactly when addEvent said so");
        assertTrue(events <= Filing.Events.MAX);
        long sum = 0;
        for (String id : f.order()) {
            sum += Filings.storedBytes(f.get(id).orElseThrow());
        }
        assertEquals(sum, f.kept()[1], "the bytes counted are the sum of what the kept dossiers hold");
        assertEquals(50, f.kept()[0]);
    }

    @Test
    void events_pastTheirMaximum_refused_andNotCounted() {
        Filings f = new Filings(10, Long.MAX_VALUE);
        Filing a = filing("a", 0);
        f.put(a);
        for (int i = 0; i < Filing.Events.MAX; i++) {
            assertEquals(Boolean.TRUE, f.addEvent(a, event("x")));
        }
        long before = f.kept()[1];
        assertEquals(Boolean.FALSE, f.addEvent(a, event("x")));
        assertEquals(before, f.kept()[1]);
        assertEquals(Filings.storedBytes(a), before);
    }

    /**
     * Through HTTP with the desk's own bounds: 70 filings, each posting a field of 1,000,000 characters the form does not
     * have (read and dropped), were counted as 70 MiB and the first dropped (session 18); what they keep is a few
     * kilobytes each, so now all 70 are kept and the first still serves.
     */
    @Test
    void http_bytesPostedAndNotKept_countForNothing_theFirstStillServes() throws Exception {
        DeskServer saved = DeskHttpTest.desk; // its helpers address DeskHttpTest.desk: this class's own desk meanwhile
        DeskHttpTest.desk = DeskServer.start(java.nio.file.Path.of("packs/gia-lai"), 0,
                java.time.Clock.fixed(DeskHttpTest.NOW, java.time.ZoneOffset.UTC));
        try {
            HttpClient c = DeskHttpTest.client();
            String padding = "a".repeat(1_000_000);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                Map<String, String> f = DeskHttpTest.validCopyRequest(c);
                f.put("_ghiChu", padding); // a field the form does not have: read and dropped, yet it was sent
                HttpResponse<String> r = DeskHttpTest.post(c, "thu-tuc/2.000815", DeskHttpTest.form(f));
                assertEquals(303, r.statusCode(), r.body());
                ids.add(r.headers().firstValue("Location").orElseThrow().substring(1));
            }
            HttpResponse<String> first = DeskHttpTest.get(c, ids.get(0));
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains("Trần Văn Bình"));
            long[] kept = DeskHttpTest.desk.filings().kept();
            assertEquals(70, kept[0]);
            assertTrue(kept[1] < 70L * 64 * 1024, "a few kilobytes a dossier, not the megabyte posted: " + kept[1]);
        } finally {
            DeskHttpTest.desk.close();
            DeskHttpTest.desk = saved;
        }
    }

    /**
     * Through HTTP, a dossier dropped for the byte bound answers 404 saying the desk keeps only the latest dossiers: a desk
     * whose store holds one filing's worth of bytes keeps only the last of two.
     */
    @Test
    void http_aDroppedDossier_answers404_sayingTheDeskKeepsOnlyTheLatest() throws Exception {
        DeskServer saved = DeskHttpTest.desk;
        DeskHttpTest.desk = DeskServer.start(java.nio.file.Path.of("packs/gia-lai"), 0,
                java.time.Clock.fixed(DeskHttpTest.NOW, java.time.ZoneOffset.UTC), new Filings(Filings.MAX, 1));
        try {
            HttpClient c = DeskHttpTest.client();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = DeskHttpTest.post(c, "thu-tuc/2.000815", DeskHttpTest.form(DeskHttpTest.validCopyRequest(c)));
                assertEquals(303, r.statusCode(), r.body());
                ids.add(r.headers().firstValue("Location").orElseThrow().substring(1));
            }
            HttpResponse<String> first = DeskHttpTest.get(c, ids.get(0));
            assertEquals(404, first.statusCode());
            assertTrue(first.body().contains("Bàn tiếp nhận chỉ giữ trong bộ nhớ các hồ sơ tiếp nhận hoặc cập nhật gần nhất"),
                    first.body());
            assertEquals(200, DeskHttpTest.get(c, ids.get(1)).statusCode());
        } finally {
            DeskHttpTest.desk.close();
            DeskHttpTest.desk = saved;
        }
    }
}
