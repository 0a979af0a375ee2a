package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Messages#pairs}: what the modules' small message helpers pass to {@link Messages#render}. */
class MessagePairsTest {
    @Test
    void namesAndValues_inOrder_nullWrittenEmpty_trailingNameIgnored() {
        Map<String, String> args = Messages.pairs("b", "2", "a", null, "dangling");
        assertEquals(List.of("b", "a"), List.copyOf(args.keySet()));
        assertEquals("2", args.get("b"));
        assertEquals("", args.get("a"));
    }

    @Test
    void rendered_aNullValueLeavesItsPlaceholderEmpty() {
        assertEquals("hai ", Messages.render("io/github/motcua/kernel/bundlekeys/half", "T_TWO", Messages.pairs("x", null),
                java.util.Locale.forLanguageTag("vi")));
    }
}
