package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile input: each case must become one clear violation, never a library stack trace, a hang or an OOM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class BadInputTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final FormRegistry FORMS = TestPacks.registry();

    static Violation single(FormReport r) {
        return single(r, true);
    }

    static Violation single(FormReport r, boolean noData) {
        assertFalse(r.valid());
        assertEquals(1, r.violations().size(), () -> r.violations().toString());
        if (noData) {
            assertTrue(r.data().isEmpty());
        }
        return r.violations().get(0);
    }

    @Nested
    class Syntax {
        @Test
        void validate_malformedJson_syntaxViolationWithLineAndColumn() {
            Violation v = single(FORMS.validate(TestPacks.FORM, "{\"soBan\": 2,\n \"treEm\": }", VI));
            assertEquals("json", v.keyword());
            assertEquals("", v.pointer());
            assertEquals("Dữ liệu tờ khai không đúng cú pháp JSON (dòng 2, cột 11).", v.messageVi());
        }

        @Test
        void validate_numberBeyondDoubleRange_rangeViolationNotAValidatorFailure() {
            for (String n : new String[] {"1e309", "-1e309", "1" + "0".repeat(400)}) {
                Violation v = single(FORMS.validate(TestPacks.FORM, "{\"soBan\": " + n + "}", VI));
                assertEquals("json", v.keyword());
                assertEquals("/soBan", v.pointer());
                assertEquals("Có số quá lớn, không xử lý được (vượt quá khoảng 1,8 × 10^308).", v.messageVi());
            }
            Violation fromMap = single(FORMS.validate(TestPacks.FORM,
                    java.util.Map.of("soBan", new java.math.BigDecimal("1e309")), VI));
            assertEquals("/soBan", fromMap.pointer());
        }

        @Test
        void validate_trailingGarbage_syntaxViolation() {
            assertEquals("json", single(FORMS.validate(TestPacks.FORM, "{} {}", VI)).keyword());
        }

        @Test
        void validate_emptyInput_violation() {
            assertEquals("Dữ liệu tờ khai trống.", single(FORMS.validate(TestPacks.FORM, "  ", VI)).messageVi());
        }

        @Test
        void validate_duplicateKey_violationNamingKey() {
            Violation v = single(FORMS.validate(TestPacks.FORM, "{\"soBan\": 1, \"soBan\": 2}", VI));
            assertEquals("/soBan", v.pointer());
            assertEquals("Trường soBan xuất hiện hai lần.", v.messageVi());
        }

        @Test
        void validate_topLevelArrayInsteadOfObject_typeViolation() {
            FormReport r = FORMS.validate(TestPacks.FORM, "[1, 2]", VI);
            assertFalse(r.valid());
            assertEquals("type", r.violations().get(0).keyword());
        }
    }

    @Nested
    class Encoding {
        @Test
        void validate_invalidUtf8Bytes_encodingViolation() {
            byte[] bytes = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            Violation v = single(FORMS.validate(TestPacks.FORM, bytes, VI));
            assertEquals("encoding", v.keyword());
            assertEquals("The form data is not valid UTF-8 text.", v.messageEn());
        }

        @Test
        void validate_byteOrderMark_encodingViolation() {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
            assertEquals("encoding", single(FORMS.validate(TestPacks.FORM, bytes, VI)).keyword());
            assertEquals("encoding", single(FORMS.validate(TestPacks.FORM, "\uFEFF{}", VI)).keyword());
        }

        @Test
        void validate_validUtf8Bytes_parsedAsVietnamese() {
            byte[] bytes = "{\"treEm\": {\"hoTen\": \"Lê Thị Ánh\"}}".getBytes(StandardCharsets.UTF_8);
            FormReport r = FORMS.validate(TestPacks.FORM, bytes, VI);
            assertEquals("Lê Thị Ánh", ((Map<?, ?>) r.data().get("treEm")).get("hoTen"));
        }
    }

    @Nested
    class Limits {
        @Test
        void validate_tenMegabyteString_sizeViolation() {
            String json = "{\"treEm\": {\"hoTen\": \"" + "a".repeat(10 * 1024 * 1024) + "\"}}";
            Violation v = single(FORMS.validate(TestPacks.FORM, json, VI));
            assertEquals("limit", v.keyword());
            assertEquals("Dữ liệu tờ khai quá lớn (tối đa 2097152 byte).", v.messageVi());
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM, json.getBytes(StandardCharsets.UTF_8), VI)).keyword());
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM,
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), VI)).keyword());
        }

        @Test
        void validate_stringOverLimitWithinDocumentSize_stringViolation() {
            String json = "{\"treEm\": {\"hoTen\": \"" + "a".repeat(100_001) + "\"}}";
            Violation v = single(FORMS.validate(TestPacks.FORM, json, VI));
            assertEquals("Có nội dung quá dài (tối đa 100000 ký tự).", v.messageVi());
        }

        @Test
        void validate_nesting100000Deep_depthViolation() {
            String json = "[".repeat(100_000) + "]".repeat(100_000);
            Violation v = single(FORMS.validate(TestPacks.FORM, json, VI));
            assertEquals("limit", v.keyword());
            assertEquals("Dữ liệu tờ khai lồng nhau quá sâu (tối đa 64 cấp).", v.messageVi());
            String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM, objects, VI)).keyword());
        }

        @Test
        void validate_unclosedDeepNesting_depthViolationNotSyntax() {
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM, "[".repeat(100_000), VI)).keyword());
        }

        @Test
        void validate_arrayOverLimit_arrayViolation() {
            FormRegistry small = Forms.builder().packFiles(TestPacks.files()).limits(new InputLimits(1 << 20, 64, 1000, 3, 100)).build();
            Violation v = single(small.validate(TestPacks.FORM, "{\"nguoiLamChung\": [1,2,3,4]}", VI));
            assertEquals("/nguoiLamChung", v.pointer());
            assertEquals("Có danh sách quá dài (tối đa 3 mục).", v.messageVi());
        }

        @Test
        void validate_objectWithTooManyProperties_propertiesViolation() {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < 150_000; i++) {
                sb.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
            }
            Violation v = single(FORMS.validate(TestPacks.FORM, sb.append('}').toString(), VI));
            assertEquals("Có nhóm thông tin quá nhiều trường (tối đa 1000 trường).", v.messageVi());
        }

        @Test
        void validate_manyViolations_cappedWithAClosingNote() {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < 900; i++) {
                sb.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
            }
            FormReport r = FORMS.validate(TestPacks.FORM, sb.append('}').toString(), VI);
            assertEquals(201, r.violations().size());
            assertEquals("Tờ khai có quá nhiều lỗi; chỉ hiển thị 200 lỗi đầu tiên.", r.violations().get(200).messageVi());
        }

        @Test
        void validate_selfReferencingMap_depthViolationNotStackOverflow() {
            Map<String, Object> cyclic = new HashMap<>();
            cyclic.put("self", cyclic);
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM, cyclic, VI)).keyword());
            List<Object> deep = new ArrayList<>();
            List<Object> cur = deep;
            for (int i = 0; i < 100_000; i++) {
                List<Object> next = new ArrayList<>();
                cur.add(next);
                cur = next;
            }
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM, Map.of("a", deep), VI)).keyword());
        }

        @Test
        void validate_hugeNumber_violation() {
            assertEquals("limit", single(FORMS.validate(TestPacks.FORM, "{\"soBan\": " + "9".repeat(5000) + "}", VI)).keyword());
        }

        @Test
        void inputLimits_nonPositive_failFastNamingParameter() {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new InputLimits(0, 1, 1, 1, 1));
            assertEquals("maxBytes must be positive: [0]", e.getMessage());
        }
    }

    @Nested
    class Patterns {
        /**
         * A slow pattern the load lets through (polynomial: the exponential shapes are refused at load, below): on a
         * crafted value its match runs out of the value's budget; the value is refused and the report leads with the
         * typed limit (until session 16 it read as a plain mismatch).
         */
        @Test
        void validate_slowPatternOnCraftedValue_refusedWithATypedLimitNotHung() {
            Map<String, String> files = new HashMap<>(TestPacks.files());
            files.put("procedures/T.004/form.schema.json",
                    "{\"properties\": {\"ma\": {\"type\": \"string\", \"title\": \"Mã\", \"pattern\": \"^a*a*a*a*a*$\"}}}");
            FormRegistry forms = Forms.builder().packFiles(files).build();
            FormReport r = forms.validate("T.004", "{\"ma\": \"" + "a".repeat(5000) + "!\"}", VI);
            assertFalse(r.valid());
            assertEquals(List.of("limit", "pattern"), r.violations().stream().map(Violation::keyword).toList(), r.violations()::toString);
            assertEquals(List.of("", "/ma"), r.violations().stream().map(Violation::pointer).toList());
            assertTrue(forms.validate("T.004", "{\"ma\": \"" + "a".repeat(5000) + "\"}", VI).valid());
        }

        /**
         * Issue 11: array items carrying a slow pattern, 10,000 crafted values in one 430 KB
         * submission (~160 s with a per-value budget only, with {@code ^((a+)+)+b$}, which the load now refuses). The document's total pattern work is
         * bounded: a typed whole-form limit violation, and the values are refused, not accepted.
         */
        @Test
        @org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS) // a hang guard
        void validate_catastrophicPatternOnManyArrayItems_documentLimitViolation() {
            Map<String, String> files = new HashMap<>(TestPacks.files());
            files.put("procedures/T.005/form.schema.json", "{\"properties\": {\"ma\": {\"type\": \"array\", \"title\": \"Mã\","
                    + " \"items\": {\"type\": \"string\", \"pattern\": \"^a*a*a*a*a*a*b$\"}}}}");
            FormRegistry forms = Forms.builder().packFiles(files).build();
            String value = "\"" + "a".repeat(40) + "!\"";
            String json = "{\"ma\": [" + String.join(",", java.util.Collections.nCopies(10_000, value)) + "]}";
            assertTrue(json.length() > 420_000, "size " + json.length());
            FormReport r = forms.validate("T.005", json, VI);
            assertFalse(r.valid());
            Violation limit = r.violations().get(0);
            assertEquals("limit", limit.keyword());
            assertEquals("", limit.pointer());
            assertTrue(limit.messageVi().startsWith("Tờ khai cần kiểm tra mẫu (pattern) quá nhiều"), limit.messageVi());
            assertTrue(r.violations().stream().anyMatch(v -> v.keyword().equals("pattern")));
            // the budget is per document: the next submission is checked afresh
            assertTrue(forms.validate("T.005", "{\"ma\": [\"aab\"]}", VI).valid());
        }

        /**
         * Session 16: the JDK's matcher recurses once per repetition of a group, so an ordinary pattern
         * ({@code ^(\\.[a-z]+)*$}, a dotted code) on a long text overflowed the stack of the thread
         * validating it within the work budget, and the {@link StackOverflowError} came back as "data nested
         * too deeply", alone. Now the value is refused with the pattern-work limit, and the rest is checked.
         */
        @Test
        void validate_groupRepeatedOverALongText_typedLimitNotStackOverflow() throws Exception {
            Map<String, String> files = new HashMap<>(TestPacks.files());
            files.put("procedures/T.006/form.schema.json", "{\"properties\": {\"ma\": {\"type\": \"string\", \"title\": \"Mã\","
                    + " \"pattern\": \"^(\\\\.[a-z]+)*$\"}}}");
            FormRegistry forms = Forms.builder().packFiles(files).build();
            String json = "{\"ma\": \"" + ".a".repeat(50_000) + "\"}";
            FormReport[] out = new FormReport[1];
            Throwable[] thrown = new Throwable[1];
            // a server worker's stack (the JDK's default for new threads on 64-bit Linux is 1 MiB)
            Thread worker = new Thread(null, () -> {
                try {
                    out[0] = forms.validate("T.006", json, VI);
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }, "desk-worker", 512 * 1024);
            worker.start();
            worker.join();
            assertEquals(null, thrown[0], () -> "thrown: " + thrown[0]);
            FormReport r = out[0];
            assertFalse(r.valid());
            Violation limit = r.violations().get(0);
            assertEquals("limit", limit.keyword(), r.violations()::toString);
            assertTrue(limit.messageVi().startsWith("Tờ khai cần kiểm tra mẫu (pattern) quá nhiều"), limit.messageVi());
            assertTrue(limit.messageEn().startsWith("Checking the patterns of the form took too much work"), limit.messageEn());
            assertTrue(r.violations().stream().anyMatch(v -> v.keyword().equals("pattern") && v.pointer().equals("/ma")),
                    r.violations()::toString);
            // a short dotted code is still checked as written
            assertTrue(forms.validate("T.006", "{\"ma\": \".ab.cd\"}", VI).valid());
            assertFalse(forms.validate("T.006", "{\"ma\": \".ab.CD\"}", VI).valid());
        }

        /**
         * Session 16: a pattern on which the JDK's matcher backtracks exponentially (a counted repetition over an
         * inner one, a repeated group inside a repeated group, a back-reference) is refused when the forms are built,
         * naming the schema and the pattern's place, before any citizen's text reaches it. Patterns with a
         * separator between repetitions, and the unbounded shapes the JDK remembers, load.
         */
        @Test
        void build_patternWithNestedRepetition_refusedNamingItsPlace() {
            for (String pattern : new String[] {"^((a+)+)+b$", "^((a|a)+)+$", "^(a+){1,30}$", "^(.*a){12}$", "^(a+)+\\\\1$",
                    "^([a-z]+\\\\.?){1,20}$", "^(a|a){1,30}$"}) {
                Map<String, String> files = new HashMap<>(TestPacks.files());
                files.put("procedures/T.007/form.schema.json", "{\"properties\": {\"ma\": {\"type\": \"string\","
                        + " \"pattern\": \"" + pattern + "\"}}}");
                UnableToLoadFormsException e = org.junit.jupiter.api.Assertions.assertThrows(UnableToLoadFormsException.class,
                        () -> Forms.builder().packFiles(files).build(), pattern);
                assertEquals("procedures/T.007/form.schema.json", e.file(), pattern);
                assertTrue(e.getMessage().contains("/properties/ma/pattern"), e.getMessage());
            }
            // the JDK remembers failed repetitions of an unbounded greedy loop: the textbook shapes are linear here
            for (String pattern : new String[] {"^[a-z0-9][a-z0-9-]*$", "^[A-Za-z_][A-Za-z0-9_]*(\\\\.[A-Za-z0-9_]+)*$",
                    "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$", "^(\\\\d{3}\\\\.)*\\\\d{3}$", "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                    "^0[0-9]{9}$", "^[^/\\\\s]+/[a-z0-9-]*$", "^(ab|cd)*$", "^(a{2})+$", "^(a+)+$", "^(\\\\w+\\\\s?)*$",
                    "^([a-z]+\\\\.){1,20}$"}) {
                Map<String, String> files = new HashMap<>(TestPacks.files());
                files.put("procedures/T.007/form.schema.json", "{\"properties\": {\"ma\": {\"type\": \"string\","
                        + " \"pattern\": \"" + pattern + "\"}}}");
                Forms.builder().packFiles(files).build();
            }
        }

        /**
         * Session 16: networknt's own work was unbounded: a schema whose {@code anyOf} branches both descend
         * into the next level evaluates 2^depth branches on a nested document that fails at its leaf (2^40
         * here). Its evaluation-step limit is now set: a typed whole-form limit violation in bounded time.
         */
        @Test
        void validate_branchingRecursiveSchemaOnDeepDocument_typedLimitInBoundedWork() {
            Map<String, String> files = new HashMap<>(TestPacks.files());
            String branch = "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"a\": {\"$ref\": \"#/$defs/n\"}}}";
            files.put("procedures/T.008/form.schema.json", "{\"$defs\": {\"n\": {\"anyOf\": [" + branch + ", " + branch + "]}},"
                    + " \"$ref\": \"#/$defs/n\"}");
            FormRegistry forms = Forms.builder().packFiles(files).build();
            String json = "{\"a\": ".repeat(40) + "{}" + "}".repeat(40);
            FormReport r = forms.validate("T.008", json, VI);
            assertFalse(r.valid());
            Violation limit = r.violations().get(0);
            assertEquals("limit", limit.keyword(), r.violations()::toString);
            assertEquals("", limit.pointer());
            assertTrue(limit.messageEn().startsWith("Checking the form took too many steps"), limit.messageEn());
            assertTrue(limit.messageVi().startsWith("Kiểm tra tờ khai cần quá nhiều bước"), limit.messageVi());
            // a shallow document is checked in full
            assertTrue(forms.validate("T.008", "{\"a\": {\"a\": {\"a\": {}}}}", VI).violations().stream()
                    .noneMatch(v -> v.keyword().equals("limit")));
        }
    }

    @Nested
    class WrongTypes {
        @Test
        void validate_wrongTypesEverywhere_oneViolationPerField() {
            FormReport r = FORMS.validate(TestPacks.FORM,
                    "{\"nguoiYeuCau\": \"x\", \"treEm\": [], \"soBan\": 1.5, \"dungHan\": \"có\", \"nguoiLamChung\": {}}", VI);
            assertEquals(List.of("/dungHan", "/nguoiLamChung", "/nguoiYeuCau", "/soBan", "/treEm"),
                    r.violations().stream().filter(v -> v.keyword().equals("type")).map(Violation::pointer).sorted().toList());
        }
    }
}
