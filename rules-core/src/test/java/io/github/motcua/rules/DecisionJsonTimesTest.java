package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.spi.PartJson;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every date-time the decision JSON writes is an RFC 3339 {@code date-time}, which requires the
 * seconds ({@code 2026-03-02T17:00:00+07:00}, never {@code 2026-03-02T17:00+07:00} as
 * {@code OffsetDateTime.toString()} writes a time with zero seconds).
 */
class DecisionJsonTimesTest {
    /** A date and a time in the JSON: what follows "T" must be HH:mm:ss, an optional fraction, then the offset. */
    private static final Pattern DATE_TIME = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T[^\"]*)\"");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    @Test
    void decide_everyDateTimeInTheJson_hasSeconds() {
        try (Engine e = TestPacks.loaded(TestPacks.source("ho-tich"))) {
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2026-02-20\"}}"));
            String json = d.toJson();
            List<String> times = new ArrayList<>();
            Matcher m = DATE_TIME.matcher(json);
            while (m.find()) {
                times.add(m.group(1));
            }
            assertTrue(times.size() >= 3, json); // deadline due, effectiveStart, provenance evaluatedAt at least
            for (String t : times) {
                assertTrue(RFC3339.matcher(t).matches(), t + " in " + json);
            }
            assertTrue(times.contains(d.deadline().due().toOffsetDateTime().toLocalDateTime() + ":00+07:00"), times.toString());
        }
    }

    @Test
    void partJsonInstant_writesZeroSecondsAndKeepsAFraction() {
        ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
        assertEquals("2026-02-13T15:30:00+07:00", PartJson.instant(ZonedDateTime.of(2026, 2, 13, 15, 30, 0, 0, vn)));
        assertEquals("2026-02-13T15:30:05.25+07:00",
                PartJson.instant(ZonedDateTime.of(2026, 2, 13, 15, 30, 5, 250_000_000, vn)));
    }
}
