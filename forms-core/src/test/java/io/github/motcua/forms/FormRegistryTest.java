package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormRegistryTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final Locale EN = Locale.ENGLISH;
    static final FormRegistry FORMS = TestPacks.registry();

    static final String VALID = """
            {
              "nguoiYeuCau": {"hoTen": "Nguyễn Thị Hoa", "soDinhDanh": "064198001234", "ngaySinh": "1998-04-12", "gioiTinh": "FEMALE"},
              "soDienThoai": "0912345678",
              "maSoThue": "0100233488",
              "treEm": {"hoTen": "Trần Minh Khang", "gioiTinh": "MALE", "ngaySinh": "2026-02-25"},
              "me": {"hoTen": "Nguyễn Thị Hoa", "ngaySinh": "1998-04-12", "soDinhDanh": "064198001234", "gioiTinh": "FEMALE"},
              "soBan": 2, "dungHan": true, "coGiayChungSinh": true, "maXa": "52-xa-ia-o"
            }""";

    static String with(String from, String to) {
        String s = VALID.replace(from, to);
        if (s.equals(VALID)) {
            throw new IllegalArgumentException("test edit did not apply: " + from);
        }
        return s;
    }

    static Violation only(FormReport r) {
        assertEquals(1, r.violations().size(), () -> "violations: " + r.violations());
        return r.violations().get(0);
    }

    @Nested
    class Loading {
        @Test
        void formIds_procedureForm_listedByCode() {
            assertEquals(java.util.Set.of(TestPacks.FORM), FORMS.formIds());
            assertTrue(FORMS.hasForm("urn:motcua:forms:common"));
        }

        @Test
        void formVersion_changesWithSharedDefinitions_stableOtherwise() {
            String v1 = FORMS.formVersion(TestPacks.FORM);
            assertTrue(v1.matches("sha256:[0-9a-f]{64}"), v1);
            assertEquals(v1, TestPacks.registry().formVersion(TestPacks.FORM));
            Map<String, String> files = new java.util.HashMap<>(TestPacks.files());
            files.put("forms/common.schema.json", files.get("forms/common.schema.json").replace("\"maxLength\": 100,", "\"maxLength\": 120,"));
            assertFalse(v1.equals(Forms.builder().packFiles(files).build().formVersion(TestPacks.FORM)));
        }

        @Test
        void build_withoutPack_illegalState() {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Forms.builder().build());
            assertTrue(e.getMessage().contains("packFolder"), e.getMessage());
        }

        @Test
        void registry_missingFolder_unableToLoadNamingIt() {
            UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                    () -> Forms.registry(java.nio.file.Path.of("khong-co-thu-muc")));
            assertTrue(e.getMessage().contains("[khong-co-thu-muc]"), e.getMessage());
        }

        @Test
        void validate_unknownForm_throwsNoSuchForm() {
            NoSuchFormException e = assertThrows(NoSuchFormException.class, () -> FORMS.validate("9.999", "{}", VI));
            assertEquals("9.999", e.formId());
            assertTrue(e.getMessage().contains("[9.999]"));
        }

        @Test
        void build_unitCodeFormatWithoutUnits_refusedNamingUnitsFile() {
            Map<String, String> files = new java.util.HashMap<>(TestPacks.files());
            files.remove("units.yaml");
            UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                    () -> Forms.builder().packFiles(files).build());
            assertEquals("units.yaml", e.file());
        }
    }

    @Nested
    class Valid {
        @Test
        void validate_completeForm_noViolations() {
            FormReport r = FORMS.validate(TestPacks.FORM, VALID, VI);
            assertTrue(r.valid(), () -> r.violations().toString());
            assertEquals("Trần Minh Khang", ((Map<?, ?>) r.data().get("treEm")).get("hoTen"));
            assertEquals(2L, r.data().get("soBan"));
        }

        /**
         * A caller's map is validated through a tree built straight from it (one copy, not two): the report's
         * data hold the same values, types and order as the checked copy did — ints as Long, a small
         * BigInteger still a BigInteger, doubles as BigDecimal, a date as ISO text, NFC — and nothing the caller
         * does to its map afterwards reaches the report.
         */
        @Test
        void validate_callerMap_sameDataAsJsonText_detachedFromCaller() {
            FormReport fromText = FORMS.validate(TestPacks.FORM, VALID, VI);
            Map<String, Object> child = new java.util.LinkedHashMap<>();
            child.put("hoTen", Normalizer.normalize("Trần Minh Khang", Normalizer.Form.NFD));
            child.put("gioiTinh", "MALE");
            child.put("ngaySinh", java.time.LocalDate.of(2026, 2, 25));
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            fromText.data().forEach(data::put);
            data.put("treEm", child);
            data.put("soBan", 2);
            FormReport r = FORMS.validate(TestPacks.FORM, data, VI);
            assertTrue(r.valid(), () -> r.violations().toString());
            assertEquals(fromText.data(), r.data());
            assertEquals(List.copyOf(fromText.data().keySet()), List.copyOf(r.data().keySet()));
            assertEquals(Long.class, r.data().get("soBan").getClass());
            assertEquals("Trần Minh Khang", ((Map<?, ?>) r.data().get("treEm")).get("hoTen"));
            assertEquals("2026-02-25", ((Map<?, ?>) r.data().get("treEm")).get("ngaySinh"));

            child.put("hoTen", "Người Khác");
            data.put("soBan", 9);
            assertEquals("Trần Minh Khang", ((Map<?, ?>) r.data().get("treEm")).get("hoTen"));
            assertEquals(2L, r.data().get("soBan"));
            assertThrows(UnsupportedOperationException.class, () -> r.data().put("soBan", 3L));

            Map<String, Object> numbers = new java.util.LinkedHashMap<>(data);
            numbers.put("soBan", java.math.BigInteger.TWO);
            assertEquals(java.math.BigInteger.TWO, FORMS.validate(TestPacks.FORM, numbers, VI).data().get("soBan"));
            numbers.put("soBan", 2.5d);
            assertEquals(new java.math.BigDecimal("2.5"), FORMS.validate(TestPacks.FORM, numbers, VI).data().get("soBan"));
        }

        /** A report built by a caller copies the caller's map: changing the map later does not change the report. */
        @Test
        void formReport_callerMap_copied() {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("soBan", 2L);
            FormReport r = new FormReport("x", List.of(), data, VI);
            data.put("soBan", 3L);
            assertEquals(Map.of("soBan", 2L), r.data());
        }

        @Test
        void validate_conditionalBranchFilled_unevaluatedPropertyAccepted() {
            FormReport r = FORMS.validate(TestPacks.FORM,
                    with("\"coGiayChungSinh\": true", "\"coGiayChungSinh\": false, \"giayCamDoan\": \"Tôi cam đoan\""), VI);
            assertTrue(r.valid(), () -> r.violations().toString());
        }
    }

    @Nested
    class Messages {
        @Test
        void validate_missingRequired_vietnameseMessageWithLabelAtChildPointer() {
            FormReport r = FORMS.validate(TestPacks.FORM, with("\"soBan\": 2, ", ""), VI);
            Violation v = only(r);
            assertEquals("/soBan", v.pointer());
            assertEquals("required", v.keyword());
            assertEquals("Vui lòng nhập Số bản sao trích lục.", v.messageVi());
            assertEquals("Please enter Number of extract copies.", v.messageEn());
            assertEquals(List.of("Vui lòng nhập Số bản sao trích lục."), r.messages());
        }

        @Test
        void validate_missingGroup_askedToFillItIn() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("\"treEm\": {\"hoTen\": \"Trần Minh Khang\", \"gioiTinh\": \"MALE\", \"ngaySinh\": \"2026-02-25\"},", ""), VI));
            assertEquals("/treEm", v.pointer());
            assertEquals("Còn thiếu phần Thông tin trẻ em.", v.messageVi());
            assertEquals("The section The child is missing.", v.messageEn());
        }

        @Test
        void validate_englishLocale_messagesInEnglish() {
            FormReport r = FORMS.validate(TestPacks.FORM, with("\"soBan\": 2", "\"soBan\": 11"), EN);
            assertEquals(List.of("Number of extract copies must be at most 10."), r.messages());
            assertEquals("Số bản sao trích lục phải nhỏ hơn hoặc bằng 10.", only(r).messageVi());
        }

        @Test
        void validate_customMessageInSharedDefinition_usedForRequired() {
            FormReport r = FORMS.validate(TestPacks.FORM,
                    with("\"nguoiYeuCau\": {\"hoTen\": \"Nguyễn Thị Hoa\", ", "\"nguoiYeuCau\": {"), VI);
            Violation v = only(r);
            assertEquals("/nguoiYeuCau/hoTen", v.pointer());
            assertEquals("Vui lòng nhập họ, chữ đệm và tên.", v.messageVi());
            assertEquals("Please enter the full name.", v.messageEn());
        }

        @Test
        void validate_motherBornAfterChild_packMessage() {
            FormReport r = FORMS.validate(TestPacks.FORM,
                    with("\"me\": {\"hoTen\": \"Nguyễn Thị Hoa\", \"ngaySinh\": \"1998-04-12\", \"soDinhDanh\": \"064198001234\"",
                            "\"me\": {\"hoTen\": \"Nguyễn Thị Hoa\", \"ngaySinh\": \"2026-03-01\", \"soDinhDanh\": \"064326001234\""), VI);
            Violation v = only(r);
            assertEquals("/me/ngaySinh", v.pointer());
            assertEquals("x-vn-date-before", v.keyword());
            assertEquals("Ngày sinh của mẹ phải trước ngày sinh của trẻ", v.messageVi());
            assertEquals("The mother's date of birth must be before the child's", v.messageEn());
        }

        @Test
        void validate_wrongType_messageNamesExpectedKind() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("\"soBan\": 2", "\"soBan\": \"hai\""), VI));
            assertEquals("type", v.keyword());
            assertEquals("Số bản sao trích lục không đúng kiểu dữ liệu (cần số nguyên).", v.messageVi());
        }

        @Test
        void validate_valueOutsideLabelledChoice_oneViolationListingLabels() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("\"soBan\": 2", "\"soBan\": 2, \"quanHe\": \"CHU\""), VI));
            assertEquals("/quanHe", v.pointer());
            assertEquals("Quan hệ với trẻ phải là một trong các lựa chọn: Cha; Mẹ; Ông, bà; Người thân thích khác; Khác.", v.messageVi());
            Violation sex = only(FORMS.validate(TestPacks.FORM, with("\"gioiTinh\": \"MALE\"", "\"gioiTinh\": \"NAM\""), VI));
            assertEquals("Sex must be one of: Male; Female.", sex.messageEn());
        }

        @Test
        void validate_emptyTextWhereOneCharRequired_askedToEnterIt() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("\"hoTen\": \"Trần Minh Khang\"", "\"hoTen\": \"\""), VI));
            assertEquals("/treEm/hoTen", v.pointer());
            assertEquals("minLength", v.keyword());
            assertEquals("Vui lòng nhập Họ, chữ đệm và tên của trẻ.", v.messageVi());
        }

        @Test
        void validate_unknownField_namedInMessage() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("\"soBan\": 2", "\"soBan\": 2, \"la\": 1"), VI));
            assertEquals("/la", v.pointer());
            assertEquals("Trường la không thuộc tờ khai này.", v.messageVi());
        }

        @Test
        void validate_conditionalBranchMissing_requiredGiayCamDoan() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("\"coGiayChungSinh\": true", "\"coGiayChungSinh\": false"), VI));
            assertEquals("/giayCamDoan", v.pointer());
            assertEquals("Vui lòng nhập Nội dung giấy cam đoan về việc sinh.", v.messageVi());
        }
    }

    @Nested
    class VietnameseFormats {
        @Test
        void validate_personalIdBirthYearMismatch_violationAtPersonalId() {
            // 0641 98…: female born 1998; the form says 1999
            Violation v = only(FORMS.validate(TestPacks.FORM,
                    with("\"soDinhDanh\": \"064198001234\", \"ngaySinh\": \"1998-04-12\"",
                            "\"soDinhDanh\": \"064198001234\", \"ngaySinh\": \"1999-04-12\""), VI));
            assertEquals("/nguoiYeuCau/soDinhDanh", v.pointer());
            assertEquals("x-vn-personal-id-matches", v.keyword());
            assertEquals("Số định danh cá nhân không khớp với năm sinh (1999) đã khai tại Ngày, tháng, năm sinh.", v.messageVi());
        }

        @Test
        void validate_personalIdSexMismatch_violation() {
            // FACTS §6: 079205xxxxxx is a male born 2005 (digit 4 = 2: male, 2000-2099)
            String json = with("\"soDinhDanh\": \"064198001234\", \"ngaySinh\": \"1998-04-12\", \"gioiTinh\": \"FEMALE\"",
                    "\"soDinhDanh\": \"079205001234\", \"ngaySinh\": \"2005-04-12\", \"gioiTinh\": \"FEMALE\"");
            Violation v = only(FORMS.validate(TestPacks.FORM, json, VI));
            assertEquals("Số định danh cá nhân không khớp với giới tính đã khai tại Giới tính.", v.messageVi());
            assertTrue(FORMS.validate(TestPacks.FORM, json.replace("\"gioiTinh\": \"FEMALE\"}, \n  \"soDienThoai\"", "x")
                    .replace("2005-04-12\", \"gioiTinh\": \"FEMALE\"", "2005-04-12\", \"gioiTinh\": \"MALE\""), VI).valid());
        }

        @Test
        void validate_badMobile_vietnameseFormatMessage() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("0912345678", "0212345678"), VI));
            assertEquals("/soDienThoai", v.pointer());
            assertEquals("Số điện thoại di động phải là số điện thoại di động 10 chữ số của nhà mạng Việt Nam (ví dụ 0912345678).",
                    v.messageVi());
        }

        @Test
        void validate_taxCodeCheckDigitWrong_violation() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("0100233488", "0100233480"), VI));
            assertEquals("/maSoThue", v.pointer());
            assertEquals("format", v.keyword());
        }

        @Test
        void validate_taxCodeFieldAcceptingPersonalId_acceptsTwelveDigits() {
            assertTrue(FORMS.validate(TestPacks.FORM, with("\"maSoThue\": \"0100233488\"", "\"maSoThue\": \"064198001234\""), VI).valid());
        }

        @Test
        void validate_taxCodeFieldNotAcceptingPersonalId_refusesTwelveDigits() {
            FormReport r = FORMS.validate(TestPacks.FORM, with("\"maSoThue\"", "\"maSoDoanhNghiep\": \"064198001234\", \"maSoThue\""), VI);
            assertEquals("/maSoDoanhNghiep", only(r).pointer());
            assertTrue(FORMS.validate(TestPacks.FORM,
                    with("\"maSoThue\"", "\"maSoDoanhNghiep\": \"0100233488-001\", \"maSoThue\""), VI).valid());
        }

        @Test
        void validate_unitCodeNotInPack_violation() {
            Violation v = only(FORMS.validate(TestPacks.FORM, with("52-xa-ia-o", "52-xa-khong-co"), VI));
            assertEquals("Xã nơi đăng ký không phải là mã đơn vị hành chính của tỉnh.", v.messageVi());
        }

        @Test
        void build_unitCodesGivenByCaller_overrideUnitsYaml() {
            FormRegistry r = Forms.builder().packFiles(TestPacks.files()).unitCodes(java.util.Set.of("52-xa-khong-co")).build();
            assertTrue(r.validate(TestPacks.FORM, with("52-xa-ia-o", "52-xa-khong-co"), VI).valid());
            assertFalse(r.validate(TestPacks.FORM, VALID, VI).valid());
        }
    }

    @Nested
    class FieldReferences {
        final FormRegistry forms = Forms.builder().packFiles(Map.of("procedures/T.003/form.schema.json", """
                {"type": "object", "properties": {
                  "ngayKetHon": {"type": "string", "format": "date", "title": "Ngày kết hôn",
                    "x-vn-date-before": {"field": "1/ngayNop"}},
                  "con": {"type": "array", "items": {"type": "object", "properties": {
                    "ngaySinh": {"type": "string", "format": "date", "title": "Ngày sinh của con",
                      "x-vn-date-before": [{"field": "ngayKhaiSinh", "inclusive": true}]},
                    "ngayKhaiSinh": {"type": "string", "format": "date", "title": "Ngày khai sinh"}}}},
                  "ngayNop": {"type": "string", "format": "date", "title": "Ngày nộp",
                    "x-vn-date-before": {"field": "/ngayHen"}},
                  "ngayHen": {"type": "string", "format": "date", "title": "Ngày hẹn"}}}""")).build();

        @Test
        void dateBefore_siblingInArrayItem_checkedPerItemWithDefaultMessage() {
            FormReport r = forms.validate("T.003", "{\"con\": [{\"ngaySinh\": \"2020-01-01\", \"ngayKhaiSinh\": \"2020-01-01\"},"
                    + " {\"ngaySinh\": \"2021-01-02\", \"ngayKhaiSinh\": \"2021-01-01\"}]}", VI);
            Violation v = only(r);
            assertEquals("/con/1/ngaySinh", v.pointer());
            assertEquals("Ngày sinh của con không được sau Ngày khai sinh.", v.messageVi());
        }

        @Test
        void dateBefore_relativeAndAbsolutePointers_equalDatesViolate() {
            FormReport r = forms.validate("T.003",
                    "{\"ngayKetHon\": \"2026-01-01\", \"ngayNop\": \"2026-01-01\", \"ngayHen\": \"2025-12-31\"}", VI);
            assertEquals(List.of("Ngày kết hôn phải trước Ngày nộp.", "Ngày nộp phải trước Ngày hẹn."), r.messages());
            assertEquals("Ngày nộp must be before Ngày hẹn.", r.at("/ngayNop").get(0).messageEn());
            assertTrue(forms.validate("T.003",
                    "{\"ngayKetHon\": \"2025-12-01\", \"ngayNop\": \"2026-01-01\", \"ngayHen\": \"2026-01-05\"}", VI).valid());
        }
        /**
         * Several rules on one date, a rule without a field among them (skipped) and one naming no date: each rule is
         * checked by its own position, so the violation carries the message of the rule that failed, not a neighbour's.
         */
        @Test
        void dateBefore_severalRules_eachByItsOwnPositionAndMessage() {
            FormRegistry r = Forms.builder().packFiles(Map.of("procedures/T.004/form.schema.json", """
                    {"type": "object", "properties": {
                      "ngayCap": {"type": "string", "format": "date", "title": "Ngày cấp",
                        "x-vn-date-before": [{"inclusive": true, "message": "bỏ qua"}, {"field": 5, "message": "không có ngày"},
                          {"field": "ngayHetHan", "message": "Ngày cấp phải trước ngày hết hạn", "message-en": "Issue before expiry"},
                          {"field": "ngayKy", "inclusive": true, "message": "Ngày cấp không được sau ngày ký"}]},
                      "ngayHetHan": {"type": "string", "format": "date"},
                      "ngayKy": {"type": "string", "format": "date"}}}""")).build();
            assertEquals(List.of("Ngày cấp phải trước ngày hết hạn"), r.validate("T.004",
                    "{\"ngayCap\": \"2026-01-02\", \"ngayHetHan\": \"2026-01-02\", \"ngayKy\": \"2026-01-02\"}", VI).messages());
            assertEquals("Issue before expiry", r.validate("T.004",
                    "{\"ngayCap\": \"2026-01-02\", \"ngayHetHan\": \"2026-01-01\"}", VI).violations().get(0).messageEn());
            assertEquals(List.of("Ngày cấp không được sau ngày ký"), r.validate("T.004",
                    "{\"ngayCap\": \"2026-01-03\", \"ngayHetHan\": \"2027-01-01\", \"ngayKy\": \"2026-01-02\"}", VI).messages());
            assertTrue(r.validate("T.004",
                    "{\"ngayCap\": \"2026-01-02\", \"ngayHetHan\": \"2027-01-01\", \"ngayKy\": \"2026-01-02\"}", VI).valid());
        }
    }

    @Nested
    class Unicode {
        @Test
        void validate_nfdText_dataIsNfcAndValid() {
            String nfd = Normalizer.normalize("Trần Minh Khang", Normalizer.Form.NFD);
            String keyNfd = Normalizer.normalize("hoTen", Normalizer.Form.NFD);
            FormReport r = FORMS.validate(TestPacks.FORM, with("\"hoTen\": \"Trần Minh Khang\"", "\"" + keyNfd + "\": \"" + nfd + "\""), VI);
            assertTrue(r.valid(), () -> r.violations().toString());
            Object name = ((Map<?, ?>) r.data().get("treEm")).get("hoTen");
            assertEquals("Trần Minh Khang", name);
            assertTrue(Normalizer.isNormalized((String) name, Normalizer.Form.NFC));
            assertFalse(nfd.equals(name));
        }

        @Test
        void validate_nfdMaxLength_countsNormalisedCharacters() {
            // "ệ" is 3 chars in NFD and 1 in NFC: a 100-char NFC name must fit maxLength 100
            String name = "ệ".repeat(100);
            String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
            assertTrue(nfd.length() > 100);
            assertTrue(FORMS.validate(TestPacks.FORM, with("Trần Minh Khang", nfd), VI).valid());
        }
    }

    @Nested
    class JavaData {
        @Test
        void validate_map_sameAsJson() {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("nguoiYeuCau", Map.of("hoTen", "Nguyễn Thị Hoa"));
            data.put("treEm", Map.of("hoTen", "An", "ngaySinh", "2026-02-25"));
            data.put("soBan", 1);
            assertTrue(FORMS.validate(TestPacks.FORM, data, VI).valid(), () -> FORMS.validate(TestPacks.FORM, data, VI).toString());
        }

        @Test
        void validate_mapWithUnsupportedType_illegalArgumentNamingPointer() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FORMS.validate(TestPacks.FORM, Map.of("soBan", new Object()), VI));
            assertTrue(e.getMessage().contains("[/soBan]"), e.getMessage());
        }
    }
}
