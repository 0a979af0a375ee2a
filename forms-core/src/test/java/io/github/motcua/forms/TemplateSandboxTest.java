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

        /** Each construct outside the allowlist, refused at build with the file and the line it is on. */
        @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "huge left pad              | ${\"\"?left_pad(2000000000)}                      | ?left_pad",
            "right pad                  | ${officer?right_pad(2000000000)}                  | ?right_pad",
            "catastrophic regex         | <#if officer?matches('^((a+)+)+b$')>x</#if>      | ?matches",
            "regex flag on replace      | ${officer?replace('(a+)+b', 'x', 'r')}          | ?replace",
            "replace growing the value  | ${officer?replace('a', 'aaaaaaaa')}             | ?replace",
            "replace with a variable    | ${officer?replace('a', officer)}                | ?replace",
            "indirect call of a search  | <#assign f = officer?keep_after>${f('a', 'r')}  | ?keep_after",
            "join of a huge range       | ${(1..2000000000)?join(',')}                     | ?join",
            "sort of a huge range       | ${(1..2000000000)?sort?size}                     | ?sort",
            "contains on a range        | ${(1..2000000000)?seq_contains(0)?c}             | ?seq_contains",
            "split                      | ${officer?split('')?size}                        | ?split",
            "camel case name            | ${officer?leftPad(20)}                           | ?leftPad",
            "eval json                  | ${officer?eval_json}                             | ?eval_json",
            "interpret                  | <@officer?interpret/>                            | ?interpret",
            "no escaping                | ${officer?no_esc}                                | ?no_esc",
            "inside a string literal    | ${'x${officer?left_pad(9)}'}                     | ?left_pad",
            "inside a macro default     | <#macro m a=officer?left_pad(9)>${a}</#macro><@m/> | ?left_pad",
            "doubling a value           | <#assign s = officer + officer>${s}              | +",
            "doubling in parentheses    | <#assign s = (officer) + (officer)>${s}          | +",
            "two interpolations         | <#assign s = '${officer}${officer}'>${s}         | a string literal",
            "capturing assignment       | <#assign s>${officer}${officer}</#assign>${s}    | <#assign",
            "optional template lookup   | ${.get_optional_template('x').exists?c}          | .get_optional_template",
            "setting                    | <#setting locale='en'>${officer}                 | <#setting>",
            "output format block        | <#outputformat 'plainText'>${officer}</#outputformat> | <#outputformat>",
            "no auto escaping block     | <#noautoesc>${officer}</#noautoesc>               | <#noautoesc>",
            "plain text header          | <#ftl output_format='plainText'>${officer}       | <#ftl output_format",
            "escaping off in the header | <#ftl auto_esc=false>${officer}                  | <#ftl auto_esc=false",
        })
        void build_constructOutsideAllowlist_refusedAtItsLine(String what, String body, String named) {
            TemplateRefusedException e = assertThrows(TemplateRefusedException.class,
                    () -> packWithTemplate("receipt.ftlh", "\n\n" + body).build());
            assertEquals("templates/receipt.ftlh", e.file());
            assertEquals(3, e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith("templates/receipt.ftlh:3:"), e.getMessage());
            assertTrue(e.getMessage().contains("[" + named), e.getMessage());
        }

        /** What the allowlist keeps: counters, string tests with literals, numbers, conditionals. */
        @Test
        void render_allowedConstructs_render() {
            FormRegistry forms = packWithTemplate("receipt.ftlh", String.join("",
                    "<#assign n = 0><#list 1..3 as i><#assign n = n + i?int></#list>${n}|",
                    "${officer?upper_case?length}|${officer?contains('Văn')?c}|${officer?replace('Văn', 'V.')}|",
                    "${officer?keep_after(' ')}|${(officer?index_of('n') >= 0)?then('có', 'không')}|",
                    "${'[' + officer + ']'}|${'x${officer}'?length}|${1234.5?string('0.0')}")).build();
            assertEquals("6|16|true|Trần V. Cán Bộ |Văn Cán Bộ |có|[Trần Văn Cán Bộ ]|17|1234.5", receipt(forms));
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
            // stopped by the clock (or, on a machine fast enough to allocate 1 GB of garbage first, the memory budget)
            assertTrue(e.reason() == RenderingFailedException.Reason.TIMEOUT
                    || e.reason() == RenderingFailedException.Reason.MEMORY_LIMIT, e.reason().toString());
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

        /**
         * A loop that doubles nothing but keeps allocating (a 1 MB value copied on every turn) is stopped
         * by the memory budget, not by the clock; its thread stops too.
         */
        @Test
        void render_loopAllocatingWithoutEnd_stopsWithMemoryLimitAndThreadStops() {
            FormRegistry forms = packWithTemplate("receipt.ftlh", String.join("",
                    "<#assign big = ''><#list 1..2000000000 as i><#assign big = big + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'></#list>"))
                    .renderTimeout(Duration.ofSeconds(50)).build();
            RenderingFailedException e = assertThrows(RenderingFailedException.class, () -> receipt(forms));
            assertEquals(RenderingFailedException.Reason.MEMORY_LIMIT, e.reason(), e.getMessage());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (renderThreadsAlive() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, renderThreadsAlive());
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
