package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An application's own templates render in the same sandbox as the pack's. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class TemplateRendererTest {
    static final String ROOT = "io/github/motcua/forms/apptemplates";
    static final ClassLoader CL = TemplateRendererTest.class.getClassLoader();

    @Test
    void render_plainModel_escapesHtml() {
        TemplateRenderer r = Forms.templates(CL, ROOT, "list.ftlh");
        String html = r.render("list.ftlh", Map.of("items",
                List.of(Map.of("name", "Đăng ký <khai sinh> & \"tử\"", "count", 3))));
        assertEquals("<ul><li>Đăng ký &lt;khai sinh&gt; &amp; &quot;tử&quot; – 3</li></ul>\n", html);
    }

    @Test
    void templates_forbiddenBuiltIn_refusedNamingFile() {
        TemplateRefusedException e = assertThrows(TemplateRefusedException.class,
                () -> Forms.templates(CL, ROOT, "evil.ftlh"));
        assertTrue(e.getMessage().contains("[?new]"), e.getMessage());
    }

    @Test
    void templates_missingTemplate_unableToLoadNamingIt() {
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.templates(CL, ROOT, "nope.ftlh"));
        assertTrue(e.getMessage().contains("[" + ROOT + "/nope.ftlh]"), e.getMessage());
    }

    @Test
    void templates_nameWithPathOrBuiltInName_refused() {
        assertThrows(IllegalArgumentException.class, () -> Forms.templates(CL, ROOT, "../list.ftlh"));
        assertThrows(TemplateRefusedException.class, () -> Forms.templates(CL, ROOT, "lib.ftlh"));
    }

    @Test
    void render_unknownName_renderingFailed() {
        TemplateRenderer r = Forms.templates(CL, ROOT, "list.ftlh");
        RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> r.render("receipt.ftlh", Map.of()));
        assertEquals(RenderingFailedException.Reason.TEMPLATE_ERROR, e.reason());
    }

    @Test
    void render_runawayLoop_stoppedByOutputLimitOrDeadline() {
        TemplateRenderer r = Forms.templates(CL, ROOT, "loop.ftlh");
        RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> r.render("loop.ftlh", Map.of()));
        assertTrue(e.reason() == RenderingFailedException.Reason.OUTPUT_TOO_LARGE
                || e.reason() == RenderingFailedException.Reason.TIMEOUT
                || e.reason() == RenderingFailedException.Reason.MEMORY_LIMIT, e.reason().toString());
    }
}
