package io.github.motcua.examples.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.FormsException;
import io.github.motcua.forms.RenderingFailedException;
import io.github.motcua.forms.TemplateRefusedException;
import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.RefusalNotice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7.4, form data and templates, on the real Gia Lai pack: every form of the pack meets
 * every hostile payload and answers with a report listing at least one violation (never an
 * exception, a hang or an OOM); hostile pack templates are refused at build or stopped at render
 * with a typed reason, and the registry keeps serving.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // a hang guard for the whole corpus, not a performance assertion
class FormsCorpusTest {
    static final Path PACK = Path.of("packs/gia-lai");
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final FormRegistry FORMS = Forms.registry(PACK);

    static List<String> procedureForms() {
        return FORMS.formIds().stream().filter(id -> Files.isDirectory(PACK.resolve("procedures").resolve(id))).sorted().toList();
    }

    static String nested(int depth) {
        return "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** Payloads no form of the pack may accept. */
    static List<Object[]> hostile() {
        List<Object[]> p = new ArrayList<>();
        p.add(new Object[] {"empty", "".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"truncated object", "{\"hoTen\": \"Ngu".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"trailing garbage", "{} }".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"top-level array", "[]".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"top-level number 2^63", "9223372036854775808".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"100,000-deep nesting", nested(100_000).getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"10 MB string", ("{\"a\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}});
        p.add(new Object[] {"overlong UTF-8 slash", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}});
        p.add(new Object[] {"duplicate key", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"NaN", "{\"a\":NaN}".getBytes(StandardCharsets.UTF_8)});
        p.add(new Object[] {"single quotes", "{'a':1}".getBytes(StandardCharsets.UTF_8)});
        return p;
    }

    static Stream<Arguments> formCorpus() {
        List<Arguments> c = new ArrayList<>();
        for (String form : procedureForms()) {
            for (Object[] h : hostile()) {
                c.add(Arguments.of(form, h[0], h[1]));
            }
        }
        return c.stream();
    }

    @Test
    void pack_hasTheFourteenGiaLaiForms() {
        assertEquals(14, procedureForms().size(), procedureForms().toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formCorpus")
    void validate_hostilePayload_reportsViolationsAndKeepsServing(String form, String name, byte[] payload) {
        FormReport r;
        try {
            r = FORMS.validate(form, payload, VI);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("untyped failure for [" + form + ": " + name + "]: " + e, e);
            return;
        }
        assertFalse(r.valid(), name + " accepted by " + form);
        assertFalse(r.violations().isEmpty());
        r.violations().forEach(v -> assertFalse(v.messageVi().isBlank() || v.messageEn().isBlank(), v.toString()));
        assertTrue(r.data().isEmpty() || r.violations().stream().noneMatch(v -> v.keyword().equals("json")));
        // the same registry still answers a plain question
        assertFalse(FORMS.validate(form, "{}", VI).violations().stream().anyMatch(v -> v.keyword().equals("json")));
    }

    /** Typed values a form may or may not accept; the point is a report, not a crash. */
    static Stream<Arguments> oddValues() {
        String[] values = {"9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e309",
            "\"0000-01-01\"", "\"9999-12-31\"", "\"0000-02-29\"", "\"" + Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD) + "\"",
            "\"\\uFEFFNguyễn\"", "\"\\u0000\"", "[[[[[]]]]]", "true", "null"};
        List<Arguments> c = new ArrayList<>();
        for (String form : procedureForms()) {
            for (String v : values) {
                c.add(Arguments.of(form, v));
            }
        }
        return c.stream();
    }

    @ParameterizedTest(name = "{0}: every field = {1}")
    @MethodSource("oddValues")
    void validate_oddValueInEveryTopLevelField_givesAReport(String form, String value) {
        StringBuilder json = new StringBuilder("{");
        String[] fields = {"hoTen", "ngaySinh", "soBan", "soDienThoai", "nguoiYeuCau", "treEm", "chong", "vo", "diaChi"};
        for (int i = 0; i < fields.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(fields[i]).append("\":").append(value);
        }
        json.append('}');
        FormReport r;
        try {
            r = FORMS.validate(form, json.toString().getBytes(StandardCharsets.UTF_8), VI);
        } catch (FormsException e) {
            // 1e309 used to end here, inside the validator; it is now a violation like any other value
            fail("typed failure instead of a report for [" + form + ": " + value + "]: " + e, e);
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("untyped failure for [" + form + ": " + value + "]: " + e, e);
            return;
        }
        assertEquals(form, r.formId());
        r.violations().forEach(v -> assertFalse(v.messageVi().isBlank(), v.toString()));
    }

    @Test
    void validate_bomBeforeValidJson_isOneEncodingViolationSayingSo() {
        String form = procedureForms().get(0);
        FormReport r = FORMS.validate(form, "\uFEFF{}".getBytes(StandardCharsets.UTF_8), VI);
        assertFalse(r.valid());
        assertEquals(1, r.violations().size(), r.violations().toString());
        assertEquals("encoding", r.violations().get(0).keyword());
        assertTrue(r.violations().get(0).messageVi().contains("BOM"), r.violations().get(0).messageVi());
    }

    // ------------------------------------------------------------------ templates

    static Path packWithTemplate(Path dir, String name, String body) {
        try (Stream<Path> walk = Files.walk(PACK)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = dir.resolve(PACK.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
            Files.createDirectories(dir.resolve("templates"));
            Files.writeString(dir.resolve("templates").resolve(name), body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static RefusalNotice refusal() {
        DocumentHeader h = new DocumentHeader("UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", null, "Gia Lai",
                LocalDate.of(2026, 3, 2), "G52.001-260302-0001", "Đăng ký khai sinh",
                new Addressee("Nguyễn Thị Hoa", "064198001234", "Xã Ia O", null, null));
        return new RefusalNotice(h, List.of("Không thuộc thẩm quyền"), "Trần Văn Cán Bộ");
    }

    static Stream<Arguments> runawayTemplates() {
        return Stream.of(
                Arguments.of("loops forever without output", "<#list 1..2000000000 as i><#assign x = i></#list>",
                        RenderingFailedException.Reason.TIMEOUT),
                Arguments.of("loops forever writing output", "<#list 1..2000000000 as i>${i}</#list>",
                        RenderingFailedException.Reason.OUTPUT_TOO_LARGE),
                Arguments.of("recurses forever", "<#macro r n><@r n + 1/></#macro><@r 0/>",
                        RenderingFailedException.Reason.TEMPLATE_ERROR),
                Arguments.of("reads a missing value", "${khongCo}", RenderingFailedException.Reason.TEMPLATE_ERROR));
    }

    @ParameterizedTest(name = "refusal template that {0}")
    @MethodSource("runawayTemplates")
    void render_runawayTemplate_stopsWithTypedReasonAndRegistryServes(String name, String body,
            RenderingFailedException.Reason reason, @TempDir Path dir) {
        // only a case that expects TIMEOUT gets the short limit: on a loaded machine the others must not
        // be overtaken by it (their own limit — output size, recursion depth — is what is tested)
        Duration limit = reason == RenderingFailedException.Reason.TIMEOUT ? Duration.ofMillis(1500) : Duration.ofSeconds(20);
        FormRegistry forms = Forms.builder().packFolder(packWithTemplate(dir, "refusal.ftlh", body))
                .renderTimeout(limit).build();
        RenderingFailedException e = assertThrows(RenderingFailedException.class,
                () -> forms.documents().render(refusal(), VI));
        if (reason == RenderingFailedException.Reason.TIMEOUT) {
            // a loop that only spins may exhaust the allocation budget before the clock on a fast machine
            assertTrue(e.reason() == reason || e.reason() == RenderingFailedException.Reason.MEMORY_LIMIT, e.getMessage());
        } else {
            assertEquals(reason, e.reason(), e.getMessage());
        }
        assertEquals(14, forms.formIds().stream().filter(id -> Files.isDirectory(PACK.resolve("procedures").resolve(id))).count());
        assertFalse(forms.validate(procedureForms().get(0), "{}", VI).violations().stream()
                .anyMatch(v -> v.keyword().equals("json")));
    }

    static Stream<Arguments> refusedTemplates() {
        return Stream.of(
                Arguments.of("instantiates a class", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}"),
                Arguments.of("uses ?api", "${reasons?api.getClass()}"),
                Arguments.of("evaluates text", "${\"1+1\"?eval}"),
                Arguments.of("switches escaping off", "<#noautoesc>${officer}</#noautoesc>"),
                Arguments.of("includes a file outside the pack", "<#include \"../../../../etc/passwd\">"),
                Arguments.of("imports an absolute path", "<#import \"/etc/passwd\" as x>"),
                Arguments.of("does not parse", "<#list x as>"),
                Arguments.of("is truncated", "<#if true>"),
                Arguments.of("pads to 2,000,000,000 characters", "${\"\"?left_pad(2000000000)}"),
                Arguments.of("matches a catastrophic pattern", "<#if officer?matches(\"^((a+)+)+b$\")>x</#if>"),
                Arguments.of("declares plain-text output", "<#ftl output_format=\"plainText\">${officer}"),
                Arguments.of("turns escaping off in its header", "<#ftl auto_esc=false>${officer}"),
                Arguments.of("switches to plain text", "<#outputformat \"plainText\">${officer}</#outputformat>"),
                Arguments.of("prints unescaped", "${officer?no_esc}"));
    }

    @ParameterizedTest(name = "refusal template that {0}")
    @MethodSource("refusedTemplates")
    void buildOrRender_hostileTemplate_refusedWithTypedException(String name, String body, @TempDir Path dir) {
        Path pack = packWithTemplate(dir, "refusal.ftlh", body);
        FormsException e = assertThrows(FormsException.class, () -> {
            FormRegistry forms = Forms.builder().packFolder(pack).renderTimeout(Duration.ofMillis(1500)).build();
            forms.documents().render(refusal(), VI);
        });
        assertTrue(e instanceof TemplateRefusedException || e instanceof RenderingFailedException
                || e instanceof io.github.motcua.forms.UnableToLoadFormsException, e.getClass() + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "leaks a file's content: " + e.getMessage());
    }
}
