package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormRendererTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final FormRegistry FORMS = TestPacks.registry();
    static final FormRenderer RENDERER = FORMS.renderer();

    /** A payload in every field kind: text, textarea, number, date, radio, select, boolean, array item, nested, conditional. */
    static Map<String, Object> hostileData() {
        String p = Payloads.combined();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nguoiYeuCau", Map.of("hoTen", p, "ngaySinh", p, "gioiTinh", p, "soDinhDanh", p,
                "noiCuTru", Map.of("xaPhuong", p)));
        data.put("soDienThoai", p);
        data.put("treEm", Map.of("hoTen", p, "ghiChu", p, "ngaySinh", p, "gioiTinh", p));
        data.put("quanHe", p);
        data.put("soBan", p);
        data.put("dungHan", p);
        data.put("nguoiLamChung", List.of(Map.of("hoTen", p, "soDinhDanh", p)));
        data.put("coGiayChungSinh", false);
        data.put("giayCamDoan", p);
        data.put("maXa", p);
        data.put(p, p);
        return data;
    }

    @Nested
    class Escaping {
        @Test
        void renderForm_payloadInEveryFieldKind_inert() {
            Map<String, Object> data = hostileData();
            FormReport report = FORMS.validate(TestPacks.FORM, data, VI);
            assertFalse(report.valid());
            for (Locale locale : List.of(VI, Locale.ENGLISH)) {
                String html = RENDERER.renderForm(TestPacks.FORM, data, report, locale, "/nop-ho-so");
                Payloads.assertInert(html);
                assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "payload shown escaped");
            }
        }

        @Test
        void renderForm_javascriptActionUrl_refused() {
            assertThrows(IllegalArgumentException.class,
                    () -> RENDERER.renderForm(TestPacks.FORM, Map.of(), null, VI, "javascript:alert(1)"));
            assertThrows(IllegalArgumentException.class,
                    () -> RENDERER.renderForm(TestPacks.FORM, Map.of(), null, VI, "//evil.example/x"));
        }
    }

    @Nested
    class Structure {
        String html = RENDERER.renderForm(TestPacks.FORM, Map.of(), null, VI, "/nop");

        @Test
        void renderForm_labelsPointAtInputs() {
            assertTrue(html.matches("(?s).*<label for=\"(f-treEm-hoTen-[0-9a-f]+)\">Họ, chữ đệm và tên của trẻ <abbr class=\"req\""
                    + "[^>]*>\\*</abbr></label>.*<input id=\"\\1\" name=\"/treEm/hoTen\".*"), html);
        }

        @Test
        void renderForm_smallEnumAsRadio_largeEnumAsSelect_booleanAsYesNo() {
            assertTrue(html.contains("<input type=\"radio\" name=\"/treEm/gioiTinh\" value=\"FEMALE\"> Nữ</label>"));
            assertTrue(html.contains("<option value=\"ONG_BA\">Ông, bà</option>"));
            assertTrue(html.contains("<input type=\"radio\" name=\"/dungHan\" value=\"false\"> Không</label>"));
        }

        @Test
        void renderForm_nestedObjectAsFieldset_helpTextLinked() {
            assertTrue(html.contains("<legend>Thông tin trẻ em <abbr class=\"req\" title=\"bắt buộc\">*</abbr></legend>"), html);
            assertTrue(html.contains("<legend>Nơi cư trú</legend>"));
            assertTrue(html.matches("(?s).*<p class=\"help\" id=\"(f-soDienThoai-[0-9a-f]+-help)\">10 chữ số, ví dụ 0912345678.</p>\\s*"
                    + "<input [^>]*aria-describedby=\"\\1\".*"), html);
        }

        @Test
        void renderForm_conditionalSection_explainedInWords() {
            assertTrue(html.contains("Chỉ điền phần này khi Có Giấy chứng sinh là Không."), html);
            assertTrue(html.contains("name=\"/giayCamDoan\""));
        }

        @Test
        void renderForm_arrayWithoutJavascript_addButtonNamesAction() {
            assertTrue(html.contains("<button type=\"submit\" name=\"_action\" value=\"add:/nguoiLamChung\" formnovalidate>"
                    + "Thêm Người làm chứng</button>"));
            assertFalse(html.contains("<script"));
        }

        @Test
        void renderForm_english_labelsAndChromeInEnglish() {
            String en = RENDERER.renderForm(TestPacks.FORM, Map.of(), null, Locale.ENGLISH, "/nop");
            assertTrue(en.contains("lang=\"en\""));
            assertTrue(en.contains(">Child&#39;s full name <abbr"), en);
            assertTrue(en.contains("Submit the form"));
        }

        @Test
        void renderForm_reportErrors_inlineWithAriaDescribedby() {
            FormReport r = FORMS.validate(TestPacks.FORM, "{\"soBan\": 0}", VI);
            String withErrors = RENDERER.renderForm(TestPacks.FORM, r.data(), r, VI, "/nop");
            assertTrue(withErrors.matches("(?s).*<input id=\"(f-soBan-[0-9a-f]+)\" name=\"/soBan\" type=\"number\" value=\"0\"[^>]*"
                    + "aria-describedby=\"\\1-err\" aria-invalid=\"true\">\\s*<p class=\"error\" id=\"\\1-err\">"
                    + "Số bản sao trích lục phải lớn hơn hoặc bằng 1.</p>.*"), withErrors);
            assertTrue(withErrors.contains("Tờ khai còn"));
        }
    }

    @Nested
    class WholeFormProblems {
        @Test
        void renderForm_malformedInputReport_summaryWithoutBrokenLink() {
            FormReport r = FORMS.validate(TestPacks.FORM, "{", VI);
            String html = RENDERER.renderForm(TestPacks.FORM, r.data(), r, VI, "/nop");
            assertTrue(html.contains("<li>Dữ liệu tờ khai không đúng cú pháp JSON (dòng 1, cột 2).</li>"), html);
        }
    }

    @Nested
    class Unicode {
        @Test
        void renderForm_nfdData_renderedAsNfc() {
            String nfd = Normalizer.normalize("Lê Thị Ánh", Normalizer.Form.NFD);
            String html = RENDERER.renderForm(TestPacks.FORM, Map.of("treEm", Map.of("hoTen", nfd)), null, VI, "/nop");
            assertTrue(html.contains("value=\"Lê Thị Ánh\""));
            assertFalse(html.contains(nfd));
        }
    }

    @Nested
    class Posting {
        @Test
        void readPost_addAction_appendsEmptyItemAndIsNotASubmission() {
            PostedForm p = RENDERER.readPost(TestPacks.FORM, Map.of("/treEm/hoTen", List.of("An"), "/soBan", List.of("2"),
                    "_action", List.of("add:/nguoiLamChung")));
            assertFalse(p.submitted());
            assertEquals(List.of(Map.of()), p.data().get("nguoiLamChung"));
            assertEquals(2L, p.data().get("soBan"));
            String html = RENDERER.renderForm(TestPacks.FORM, p.data(), null, VI, "/nop");
            assertTrue(html.contains("name=\"/nguoiLamChung/0/hoTen\""));
            assertTrue(html.contains("value=\"remove:/nguoiLamChung/0\""));
        }

        @Test
        void readPost_removeAction_removesThatItem() {
            PostedForm p = RENDERER.readPost(TestPacks.FORM, Map.of("/nguoiLamChung/0/hoTen", List.of("A"),
                    "/nguoiLamChung/7/hoTen", List.of("B"), "_action", List.of("remove:/nguoiLamChung/0")));
            assertEquals(List.of(Map.of("hoTen", "B")), p.data().get("nguoiLamChung"));
        }

        @Test
        void readPost_submission_convertsTypesAndValidates() {
            PostedForm p = RENDERER.readPost(TestPacks.FORM, Map.of("/nguoiYeuCau/hoTen", List.of("Nguyễn Văn A"),
                    "/treEm/hoTen", List.of("An"), "/treEm/ngaySinh", List.of("2026-02-25"), "/soBan", List.of("1"),
                    "/dungHan", List.of("true"), "/maXa", List.of(""), "/khongCo", List.of("x")));
            assertTrue(p.submitted());
            assertNull(p.action());
            assertEquals(Boolean.TRUE, p.data().get("dungHan"));
            assertFalse(p.data().containsKey("khongCo"));
            assertTrue(FORMS.validate(TestPacks.FORM, p.data(), VI).valid(), () -> FORMS.validate(TestPacks.FORM, p.data(), VI).toString());
        }

        @Test
        void readPost_optionalGroupPostedBlank_leftOutSoItsRequiredFieldsAreNotAskedFor() {
            PostedForm p = RENDERER.readPost(TestPacks.FORM, Map.of("/nguoiYeuCau/hoTen", List.of("Nguyễn Văn A"),
                    "/nguoiYeuCau/noiCuTru/xaPhuong", List.of(""), "/treEm/hoTen", List.of("An"),
                    "/treEm/ngaySinh", List.of("2026-02-25"), "/soBan", List.of("1"),
                    "/me/hoTen", List.of(""), "/me/noiCuTru/chiTiet", List.of("")));
            assertFalse(p.data().containsKey("me"), p.data()::toString);
            assertEquals(Map.of("hoTen", "Nguyễn Văn A"), p.data().get("nguoiYeuCau"));
            assertTrue(FORMS.validate(TestPacks.FORM, p.data(), VI).valid(), () -> FORMS.validate(TestPacks.FORM, p.data(), VI).toString());
        }

        @Test
        void readPost_nonNumberInIntegerField_keptForValidationToReport() {
            PostedForm p = RENDERER.readPost(TestPacks.FORM, Map.of("/soBan", List.of("hai")));
            assertEquals("hai", p.data().get("soBan"));
        }
    }
}
