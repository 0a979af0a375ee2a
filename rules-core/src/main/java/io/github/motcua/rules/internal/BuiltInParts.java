package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.rules.Decision;
import java.util.List;

/**
 * The built-in parts of a decision made outside an engine (through {@code Decision}'s part-by-part
 * constructors): form, deadline, commitment, routing and fees, in the JSON's key order, written by
 * the built-in sections. Not API.
 */
public final class BuiltInParts {
    private BuiltInParts() {
    }

    public static List<Decision.Part<?>> of(Decision.FormCheck form, DeadlineResult deadline, FeeAssessment fees,
            Decision.Commitment commitment, Decision.Routing routing) {
        return List.of(new Decision.Part<>(Decision.Key.FORM, form, BuiltInSections.FORM_PART),
                new Decision.Part<>(Decision.Key.DEADLINE, deadline, BuiltInSections.DEADLINE_PART),
                new Decision.Part<>(Decision.Key.COMMITMENT, commitment, BuiltInSections.COMMITMENT_PART),
                new Decision.Part<>(Decision.Key.ROUTING, routing, Routing.PART),
                new Decision.Part<>(Decision.Key.FEES, fees, BuiltInSections.FEES_PART));
    }
}
