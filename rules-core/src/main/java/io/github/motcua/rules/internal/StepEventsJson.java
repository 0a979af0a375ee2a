package io.github.motcua.rules.internal;

import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Tracking;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Step events JSON in (validated against step-events.schema.json). Thread-safe (stateless). */
public final class StepEventsJson {
    private static final int MAX_CHARS = Tracking.MAX_EVENTS_JSON_CHARS;

    private StepEventsJson() {
    }

    public static List<Tracking.StepEvent> parse(String json) {
        if (json == null) {
            throw new InvalidDossierException(DossierJson.code("STEP_EVENTS_NULL"), List.of(": không có nhật ký (JSON null) / step events JSON is null"));
        }
        if (json.length() > MAX_CHARS) {
            throw new InvalidDossierException(DossierJson.code("STEP_EVENTS_TOO_LARGE"), List.of(String.format(Locale.ROOT,
                    ": nhật ký quá lớn (tối đa %d ký tự) / step events too large: [%d]", MAX_CHARS, json.length())));
        }
        JsonNode node;
        try {
            node = DossierJson.JSON.readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new InvalidDossierException(DossierJson.code("STEP_EVENTS_NOT_JSON"), List.of(String.format(Locale.ROOT,
                    "%d:%d: không phải JSON hợp lệ / not valid JSON: %s", loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), e.getOriginalMessage())));
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidDossierException(DossierJson.code("STEP_EVENTS_EMPTY"), List.of(": nhật ký trống / empty step events"));
        }
        List<String> violations = Schemas.validatePlain("step-events", node);
        if (!violations.isEmpty()) {
            throw new InvalidDossierException(DossierJson.code("STEP_EVENTS_SCHEMA"), violations);
        }
        List<Tracking.StepEvent> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : node) {
            OffsetDateTime at;
            try {
                at = OffsetDateTime.parse(e.get("at").asString());
            } catch (DateTimeParseException x) {
                throw new InvalidDossierException(DossierJson.code("STEP_EVENTS_INVALID_VALUE"), List.of(String.format(Locale.ROOT,
                        "/%d/at: thời điểm không hợp lệ / invalid instant: [%s]", i, e.get("at").asString())));
            }
            out.add(new Tracking.StepEvent(e.get("step").asString(), Tracking.Event.valueOf(e.get("event").asString()), at,
                    e.get("by") == null ? null : e.get("by").asString()));
            i++;
        }
        return List.copyOf(out);
    }
}
