package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes docs/forms.md ("Patterns") says are refused at load, and the separated or disjoint ones it says load;
 * each refused shape is also shown to be slow on the JDK's matcher, so the check refuses what costs, not what looks odd.
 */
class PatternRiskTest {

    static final String[] REFUSED = {"^((a+)+)+b$", "^((a|a)+)+$", "^(a+){1,30}$", "^(.*a){12}$", "^(a+)+\\1$",
        "^([a-z]+\\.?){1,20}$", "^(a|a){1,30}$", "^((?:\\w+\\s?)+)*$", "^(?<n>(a+)+)+$", "^(?i)(A+a){2,9}$"};

    static java.util.stream.Stream<String> refused() {
        return java.util.stream.Stream.of(REFUSED);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("refused")
    void find_shapeTheJdkCannotRemember_refused(String pattern) {
        PatternRisk.Risk risk = PatternRisk.find(BoundedRegex.javaRegex(pattern));
        assertNotNull(risk, pattern);
        assertTrue(pattern.substring(risk.at()).startsWith(risk.group()), risk.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"^(\\.[a-z]+)*$", "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$", "^(\\p{L}+ )*\\p{L}+$",
        "^(ab|cd)*$", "^([01][0-9]|2[0-3]):[0-5][0-9]$", "^(\\d{3}\\.)*\\d{3}$", "^(a{2})+$", "^(a+b)*$", "^((?:a++))+$",
        "^(?>(a+)+)+$", "^0[0-9]{9}$", "^[^/\\s]+/[a-z0-9][a-z0-9-]*$", "^(a+){1,3}$", "^\\d*\\d*\\d*x$", "(",
        "^(?:[A-Z]{2}|[0-9]{3})*$", "^(\\[[a-z]+\\])*$", "^(\\Q.\\E[a-z]+){1,20}$", "^(a+)+$", "^(\\w+\\s?)*$", "^(a|a)*$",
        "^([a-z]+\\.){1,20}$", "^(ab|cd){1,20}$"})
    void find_separatedOrRememberedOrNotRepeated_loads(String pattern) {
        assertNull(PatternRisk.find(BoundedRegex.javaRegex(pattern)), pattern);
    }

    /** The refused shapes cost on this JDK: each takes more than 2,000,000 reads on a 30-character text. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("refused")
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: each stops at the budget
    void refusedShape_exceedsTheMatchBudgetOnAShortText(String pattern) {
        String text = "a".repeat(30) + "!";
        try {
            // the matcher reads the text through the validator's own budgeted view, stopped after 2,000,000 reads
            Pattern.compile(pattern).matcher(new BoundedRegex.Budgeted(text, 2_000_000L, null)).find();
        } catch (BoundedRegex.OutOfBudget e) {
            return;
        }
        throw new AssertionError(pattern + " finished within 2,000,000 reads");
    }
}
