package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * now keeps at most 64 MiB of what its dossiers were made from — request bodies and step events — besides the count,
 * dropping the dossier filed or updated longest ago first, never the one just filed or updated.
 */
class DeskFilingsBoundTest {
    static DeskApp.Filing filing(String id) {
        return new DeskApp.Filing(id, null, false, null, null, null, "Cán bộ A", Map.of(), "s", new DeskApp.Events());
    }

    static Tracking.StepEvent event(String by) {
        return new Tracking.StepEvent("tiep-nhan", Tracking.Event.values()[0], OffsetDateTime.parse("2027-03-09T09:00+07:00"), by);
    }

    @Test
    void bytes_pastTheBound_theOldestDroppedFirst_anUpdatedDossierCountsAsNew() {
        DeskApp.Filings f = new DeskApp.Filings(100, 3100);
        DeskApp.Filing a = filing("a");
        DeskApp.Filing b = filing("b");
        DeskApp.Filing c = filing("c");
        f.put(a, 1000);
        f.put(b, 1000);
        f.put(c, 900);
        assertArrayEquals(new long[] {3, 2900}, f.kept());
        // an event recorded on a: it counts for more, and it is now the most recently updated
        assertEquals(Boolean.TRUE, f.addEvent(a, event("Cán bộ A")));
        long withEvent = 2900 + DeskApp.Filings.eventBytes(event("Cán bộ A"));
        assertArrayEquals(new long[] {3, withEvent}, f.kept());
        f.put(filing("d"), 1000); // past 3100: b goes (filed longest ago and not updated since), and that is enough
        assertTrue(f.get("b").isEmpty());
        assertTrue(f.get("c").isPresent() && f.get("a").isPresent() && f.get("d").isPresent());
        assertArrayEquals(new long[] {3, withEvent + 1000 - 1000}, f.kept());
        f.put(filing("e"), 1000); // c goes, then a (updated before d and e were filed)
        assertTrue(f.get("c").isEmpty() && f.get("a").isEmpty());
        assertTrue(f.get("d").isPresent() && f.get("e").isPresent(), "the ones filed last");
        assertArrayEquals(new long[] {2, 2000}, f.kept());
        // an event on a dossier no longer kept is not recorded
        assertNull(f.addEvent(b, event(null)));
    }

    @Test
    void count_pastTheBound_theOldestDropped_andTheNewestNeverEvenIfAloneOverTheBytes() {
        DeskApp.Filings f = new DeskApp.Filings(3, 1_000_000);
        for (int i = 0; i < 10; i++) {
            f.put(filing("x" + i), 10);
        }
        assertArrayEquals(new long[] {3, 30}, f.kept());
        assertTrue(f.get("x9").isPresent() && f.get("x7").isPresent() && f.get("x6").isEmpty());
        f.put(filing("huge"), 5_000_000);
        assertArrayEquals(new long[] {1, 5_000_000}, f.kept(), "the one just filed stays");
        assertEquals(64L * 1024 * 1024, DeskApp.Filings.MAX_BYTES);
        assertEquals(10_000, DeskApp.Filings.MAX);
    }

    /**
     * Through HTTP with the desk's own bounds: 70 filings of almost 1 MiB each (the body limit) are more than 64 MiB, so
     * the first is dropped — its page answers 404 saying the desk keeps only the latest dossiers — and the last serves.
     */
    @Test
    void http_filingsPastTheBytes_theFirstAnswers404_theLastServes() throws Exception {
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
            assertEquals(404, first.statusCode());
            assertTrue(first.body().contains("Bàn tiếp nhận chỉ giữ trong bộ nhớ các hồ sơ tiếp nhận hoặc cập nhật gần nhất"),
                    first.body());
            HttpResponse<String> last = DeskHttpTest.get(c, ids.get(69));
            assertEquals(200, last.statusCode());
            assertTrue(last.body().contains("Trần Văn Bình"));
        } finally {
            DeskHttpTest.desk.close();
            DeskHttpTest.desk = saved;
        }
    }
}
