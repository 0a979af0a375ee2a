package io.github.motcua.rules.internal;

import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Tracking;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Step events JSON in (validated against step-events.schema.json). Thread-safe (stateless). */
public final class StepEventsJson {
    private static final int MAX_CHARS = Tracking.MAX_EVENTS_JSON_CHARS;

    private StepEventsJson() {
    }

    public static List<Tracking.StepEvent> parse(String json) {
        java.util.Objects.requireNonNull(json, "json"); // a programming error; the text "null" is input
        if (json.length() > MAX_CHARS) {
            throw refused("STEP_EVENTS_TOO_LARGE", "", DossierProblems.Positions.UNKNOWN, "STEP_EVENTS_TOO_LARGE",
                    "size", String.valueOf(json.length()), "max", String.valueOf(MAX_CHARS));
        }
        JsonNode node;
        try {
            node = DossierJson.json().readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            // what is wrong where, as for a dossier: Jackson's own words stay out of the message
            throw InvalidDossierException.of(List.of(DossierProblems.notJson("STEP_EVENTS_NOT_JSON", json,
                    loc == null ? 0 : Math.max(0, loc.getLineNr()), loc == null ? 0 : Math.max(0, loc.getColumnNr()),
                    e.getOriginalMessage())));
        }
        if (node == null || node.isMissingNode()) {
            throw refused("STEP_EVENTS_EMPTY", "", DossierProblems.Positions.UNKNOWN, "STEP_EVENTS_EMPTY");
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
                throw refused("STEP_EVENTS_INVALID_VALUE", "/" + i + "/at", DossierProblems.Positions.UNKNOWN,
                        "STEP_EVENTS_BAD_INSTANT", "value", e.get("at").asString());
            }
            out.add(new Tracking.StepEvent(e.get("step").asString(), Tracking.Event.valueOf(e.get("event").asString()), at,
                    e.get("by") == null ? null : e.get("by").asString()));
            i++;
        }
        return List.copyOf(out);
    }

    /** Step events refused for one problem: its code, where, and its message from the dossier bundle. */
    private static InvalidDossierException refused(String code, String pointer, int[] at, String key, String... args) {
        return InvalidDossierException.of(List.of(DossierProblems.coded(code, pointer, at, key, args)));
    }
}
