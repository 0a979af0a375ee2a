package io.github.motcua.examples.desk;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.Tracking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One received dossier (hồ sơ đã tiếp nhận) with its decision, as the desk keeps it in memory ({@link Filings}).
 * Immutable but for its {@link Events}, which are thread-safe.
 *
 * @param id        mã hồ sơ
 * @param procedure the procedure
 * @param portal    filed on the portal
 * @param dossier   what was decided
 * @param decision  the decision
 * @param unit      the receiving unit
 * @param officer   who received it (the portal for online filings)
 * @param data      the NFC form data
 * @param session   the session cookie of whoever filed it: only that session sees the dossier
 * @param events    the step events recorded at the desk (tiến độ), in the order they were recorded
 */
record Filing(String id, Procedure procedure, boolean portal, Dossier dossier, Decision decision, ReceivingUnit unit,
        String officer, Map<String, Object> data, String session, Events events) {
    /** Whether {@code session} (the request's session cookie) is the one that filed this dossier. */
    boolean filedBy(String session) {
        return session != null && java.security.MessageDigest.isEqual(this.session.getBytes(StandardCharsets.US_ASCII),
                session.getBytes(StandardCharsets.UTF_8));
    }

    /** A dossier's recorded step events (sự kiện xử lý), at most {@link #MAX}; thread-safe. */
    static final class Events {
        static final int MAX = 500;
        private final List<Tracking.StepEvent> list = new ArrayList<>();

        synchronized boolean add(Tracking.StepEvent e) {
            if (list.size() >= MAX) {
                return false;
            }
            list.add(e);
            return true;
        }

        synchronized List<Tracking.StepEvent> list() {
            return List.copyOf(list);
        }
    }
}
