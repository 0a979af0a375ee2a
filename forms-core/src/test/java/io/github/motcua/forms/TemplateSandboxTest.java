package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pack templates run in the sandbox: refused constructs, and bounded time and output. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class TemplateSandboxTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");

    /**
     * A pack with one overridden template. The render limit is generous so that on a loaded machine a
     * test expecting another outcome (output limit, recursion, a normal page) never sees TIMEOUT
     * instead; the tests about the time limit itself set a short one with {@link #SHORT}.
     */
    static Forms.Builder packWithTemplate(String name, String body) {
        Map<String, String> files = new HashMap<>(TestPacks.files());
        files.put("templates/" + name, body);
        return Forms.builder().packFiles(files).renderTimeout(Duration.ofSeconds(20));
    }

    /** The time limit of the tests that expect a runaway template to be stopped by it. */
    static final Duration SHORT = Duration.ofMillis(1500);

    static String receipt(FormRegistry forms) {
        return forms.documents().render(DocumentsTest.all("").get(0), VI);
    }

    @Nested
    class Refused {
        @Test
        void build_templateUsingNew_refusedNamingFile() {
            TemplateRefusedException e = assertThrows(TemplateRefusedException.class, () -> packWithTemplate("receipt.ftlh",
                    "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}").build());
            assertEquals("templates/receipt.ftlh", e.file());
            assertTrue(e.getMessage().contains("[?new]"), e.getMessage());
        }

        @Test
        void build_templateUsingApi_refused() {
            assertThrows(TemplateRefusedException.class,
                    () -> packWithTemplate("receipt.ftlh", "${officer?api.getClass()}").build());
        }

        @Test
        void build_templateUsingEvalOrNoEscape_refused() {
            assertThrows(TemplateRefusedException.class, () -> packWithTemplate("receipt.ftlh", "${officer?eval}").build());
            assertThrows(TemplateRefusedException.class, () -> packWithTemplate("receipt.ftlh", "${officer?no_esc}").build());
            assertThrows(TemplateRefusedException.class,
                    () -> packWithTemplate("receipt.ftlh", "<#noautoesc>${officer}</#noautoesc>").build());
        }

        @Test
        void build_templateThatDoesNotParse_refused() {
            assertThrows(TemplateRefusedException.class, () -> packWithTemplate("receipt.ftlh", "<#list x as>").build());
        }
    }

    @Nested
    class Overrides {
        @Test
        void render_packOverride_usedAndStillEscaped() {
            FormRegistry forms = packWithTemplate("refusal.ftlh",
                    "<#import \"document.ftlh\" as d><@d.page><p class=\"gia-lai\">${reasons[0]}</p></@d.page>").build();
            String html = forms.documents().render(DocumentsTest.all(Payloads.combined()).get(2), VI);
            assertTrue(html.contains("<p class=\"gia-lai\">Không thuộc thẩm quyền &lt;script&gt;"));
            Payloads.assertInert(html);
        }
    }

    @Nested
    class Bounded {
        @Test
        void render_endlessListWritingOutput_stopsWithOutputTooLarge() {
            FormRegistry forms = packWithTemplate("receipt.ftlh", "<#list 1..2000000000 as i>${i} </#list>").build();
            RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> receipt(forms));
            assertEquals(RenderingFailedException.Reason.OUTPUT_TOO_LARGE, e.reason());
            assertEquals("receipt.ftlh", e.template());
        }

        @Test
        void render_endlessListWithoutOutput_stopsWithTimeout() {
            FormRegistry forms = packWithTemplate("receipt.ftlh",
                    "<#assign n = 0><#list 1..2000000000 as i><#assign n = n + 1></#list>${n}").renderTimeout(SHORT).build();
            RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> receipt(forms));
            assertEquals(RenderingFailedException.Reason.TIMEOUT, e.reason());
            // the worker was interrupted, not merely abandoned: Freemarker's loop checks end it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (renderThreadsAlive() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, renderThreadsAlive());
        }

        /** Render workers still inside the template engine (idle pooled workers do not count). */
        static long renderThreadsAlive() {
            return Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith("motcua-render-"))
                    .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("freemarker.")))
                    .count();
        }

        @Test
        void render_recursiveMacro_stopsWithTemplateError() {
            FormRegistry forms = packWithTemplate("receipt.ftlh", "<#macro r n><@r n + 1/></#macro><@r 0/>").build();
            RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> receipt(forms));
            assertEquals(RenderingFailedException.Reason.TEMPLATE_ERROR, e.reason());
            assertEquals("template [receipt.ftlh] recursed too deeply", e.getMessage());
        }

        @Test
        void render_missingValue_templateErrorWithoutEngineTypes() {
            FormRegistry forms = packWithTemplate("receipt.ftlh", "${khongCo}").build();
            RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> receipt(forms));
            assertEquals(RenderingFailedException.Reason.TEMPLATE_ERROR, e.reason());
            assertEquals(null, e.getCause());
        }

        @Test
        void render_afterRunawayTemplate_registryStillServes() {
            FormRegistry forms = packWithTemplate("receipt.ftlh", "<#list 1..2000000000 as i><#assign x = i></#list>")
                    .renderTimeout(SHORT).build();
            assertThrows(RenderingFailedException.class, () -> receipt(forms));
            assertTrue(forms.documents().render(DocumentsTest.all("").get(2), VI).contains("Phiếu từ chối"));
        }
    }
}
