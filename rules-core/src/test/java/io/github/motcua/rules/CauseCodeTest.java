package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code Decision.Cause.code()} became an enum: {@code code().equals("X")} compiles and is always false.
 * The bridge: {@code is(String)} (loud on a name that is no code) and {@code codeName()}.
 */
class CauseCodeTest {
    private static final Decision.Cause CAUSE = new Decision.Cause(Decision.Cause.Code.DEADLINE_FAILED, null, null, 0,
            "Không tính được thời hạn", "the deadline cannot be computed");

    @Test
    @SuppressWarnings("unlikely-arg-type")
    void isAndCodeName_answerWhatTheOldStringComparisonMeant() {
        assertFalse(CAUSE.code().equals("DEADLINE_FAILED"), "the trap the bridge replaces");
        assertTrue(CAUSE.is("DEADLINE_FAILED"));
        assertFalse(CAUSE.is("FEES_FAILED"));
        assertEquals("DEADLINE_FAILED", CAUSE.codeName());
    }

    @Test
    void is_aMisspeltNameFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> CAUSE.is("DEADLINE_FAIL"));
    }
}
