package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.RenderingFailedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Freemarker settings hold even if a forbidden built-in slipped past the load-time scan. */
class TemplateEngineLockdownTest {
    static TemplateEngine unscanned(String body) {
        return new TemplateEngine(Map.of("templates/t.ftlh", body), Duration.ofSeconds(5), 100_000, false);
    }

    @Test
    void render_newBuiltIn_resolvesNothing() {
        RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> unscanned(
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}").render("t.ftlh", Map.of()));
        assertEquals(RenderingFailedException.Reason.TEMPLATE_ERROR, e.reason());
    }

    @Test
    void render_apiBuiltIn_disabled() {
        assertThrows(RenderingFailedException.class,
                () -> unscanned("${m?api.size()}").render("t.ftlh", Map.of("m", Map.of("a", "b"))));
    }

    @Test
    void render_escapingForcedEvenForNonHtmlNames() {
        String out = unscanned("${x}").render("t.ftlh", Map.of("x", "<b>\"'&"));
        assertEquals("&lt;b&gt;&quot;&#39;&amp;", out);
    }

    @Test
    void render_javaObjectInModel_notExposed() {
        RenderingFailedException e = assertThrows(RenderingFailedException.class,
                () -> unscanned("${x.class}").render("t.ftlh", Map.of("x", new Object())));
        assertFalse(e.getMessage().contains("java.lang.Class"), e.getMessage());
        assertTrue(e.getMessage().contains("[t.ftlh]"));
    }
}
