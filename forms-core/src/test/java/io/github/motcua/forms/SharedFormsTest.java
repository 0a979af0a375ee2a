package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Procedures whose forms are the same text (but for their own {@code $id}) share one compiled schema,
 * and equal parts of all the pack's schemas are kept once: each procedure still reports its own form
 * id, version, labels and violations, exactly as when its form is loaded alone.
 */
class SharedFormsTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final String BAD = "{\"treEm\": {\"hoTen\": \"\", \"gioiTinh\": \"X\", \"ngaySinh\": \"13/02/2026\"},"
            + " \"soDienThoai\": \"123\", \"thuaDat\": 5}";

    /** A form with its own $id, local definitions and a choice, as a procedure folder would hold it. */
    static String ownForm(String code, String title) {
        return "{\"$id\": \"urn:motcua:forms:procedure:" + code + "\", \"type\": \"object\", \"title\": \"" + title + "\","
                + " \"$defs\": {\"ma\": {\"type\": \"string\", \"pattern\": \"^[0-9]{4}$\", \"title\": \"Mã\"}},"
                + " \"properties\": {\"maHoSo\": {\"$ref\": \"#/$defs/ma\", \"title\": \"Mã hồ sơ\"},"
                + " \"loai\": {\"oneOf\": [{\"const\": \"A\", \"title\": \"Loại A\"}, {\"const\": \"B\", \"title\": \"Loại B\"}]},"
                + " \"ngay\": {\"type\": \"string\", \"format\": \"date\", \"title\": \"Ngày\"}},"
                + " \"required\": [\"maHoSo\", \"ngay\"], \"additionalProperties\": false}";
    }

    static Map<String, String> pack(Map<String, String> forms) {
        Map<String, String> files = new HashMap<>(TestPacks.files());
        forms.forEach((code, text) -> files.put("procedures/" + code + "/form.schema.json", text));
        return files;
    }

    @Test
    void validate_twoProceduresWithTheSameForm_eachReportsAsIfLoadedAlone() {
        String form = TestPacks.resource("form.schema.json");
        FormRegistry both = Forms.builder().packFiles(pack(Map.of("T.009", form))).build();
        Map<String, String> alone = new HashMap<>(TestPacks.files());
        alone.remove("procedures/" + TestPacks.FORM + "/form.schema.json");
        alone.put("procedures/T.009/form.schema.json", form);
        FormRegistry only = Forms.builder().packFiles(alone).build();

        FormReport first = both.validate(TestPacks.FORM, BAD, VI);
        FormReport second = both.validate("T.009", BAD, VI);
        FormReport reference = only.validate("T.009", BAD, VI);
        assertEquals(TestPacks.FORM, first.formId());
        assertEquals("T.009", second.formId());
        assertFalse(second.valid());
        assertEquals(reference.violations(), second.violations());
        assertEquals(reference.violations(), first.violations());
        assertEquals(only.formVersion("T.009"), both.formVersion("T.009"));
        assertNotEquals(both.formVersion(TestPacks.FORM), both.formVersion("T.009"));
        assertEquals(only.bundledSchema("T.009"), both.bundledSchema("T.009"));
        assertEquals(only.starterData("T.009"), both.starterData("T.009"));
    }

    @Test
    void validate_sameFormUnderOwnIds_localReferencesAndLabelsStayPerProcedure() {
        FormRegistry forms = Forms.builder().packFiles(pack(Map.of("P.001", ownForm("P.001", "Tờ khai"),
                "P.002", ownForm("P.002", "Tờ khai")))).lazyCompile(true).build();
        FormRegistry alone = Forms.builder().packFiles(pack(Map.of("P.002", ownForm("P.002", "Tờ khai")))).build();
        String bad = "{\"maHoSo\": \"12\", \"loai\": \"C\", \"thua\": 1}";
        FormReport second = forms.validate("P.002", bad, VI); // compiled first: P.001 is compiled for it
        FormReport first = forms.validate("P.001", bad, VI);
        assertEquals(alone.validate("P.002", bad, VI).violations(), second.violations());
        assertEquals(second.violations(), first.violations());
        List<String> pointers = second.violations().stream().map(Violation::pointer).toList();
        assertTrue(pointers.containsAll(List.of("/maHoSo", "/loai", "/ngay", "/thua")), pointers.toString());
        assertEquals("Mã hồ sơ", second.at("/maHoSo").get(0).labelVi());
        assertTrue(forms.validate("P.002", "{\"maHoSo\": \"1234\", \"loai\": \"B\", \"ngay\": \"2026-02-13\"}", VI).valid());
        assertTrue(forms.bundledSchema("P.002").contains("urn:motcua:forms:procedure:P.002#/$defs/ma"));
        assertFalse(forms.bundledSchema("P.002").contains("P.001"));
    }

    @Test
    void validate_formsDifferingOnlyWhereTheyNameTheirOwnId_areNotShared() {
        // without $id, each form's id is implicit; the text differs only where it names that id
        String p1 = "{\"type\": \"object\", \"properties\": {\"x\": {\"const\": \"urn:motcua:forms:procedure:Q.001\"}}}";
        String p2 = "{\"type\": \"object\", \"properties\": {\"x\": {\"const\": \"urn:motcua:forms:procedure:Q.002\"}}}";
        FormRegistry forms = Forms.builder().packFiles(pack(Map.of("Q.001", p1, "Q.002", p2))).build();
        assertTrue(forms.validate("Q.002", "{\"x\": \"urn:motcua:forms:procedure:Q.002\"}", VI).valid());
        assertFalse(forms.validate("Q.002", "{\"x\": \"urn:motcua:forms:procedure:Q.001\"}", VI).valid());
        assertTrue(forms.validate("Q.001", "{\"x\": \"urn:motcua:forms:procedure:Q.001\"}", VI).valid());
    }

    @Test
    void validate_sameFieldSchemasInDifferentOrder_eachFormKeepsItsOwnOrder() {
        String a = "{\"type\": \"object\", \"properties\": {\"ho\": {\"type\": \"string\", \"title\": \"Họ\"},"
                + " \"ten\": {\"type\": \"string\", \"title\": \"Tên\"}}, \"required\": [\"ho\", \"ten\"]}";
        String b = "{\"type\": \"object\", \"properties\": {\"ten\": {\"type\": \"string\", \"title\": \"Tên\"},"
                + " \"ho\": {\"type\": \"string\", \"title\": \"Họ\"}}, \"required\": [\"ten\", \"ho\"]}";
        FormRegistry forms = Forms.builder().packFiles(pack(Map.of("R.001", a, "R.002", b))).build();
        assertEquals(List.of("ho", "ten"), List.copyOf(forms.starterData("R.001").keySet()));
        assertEquals(List.of("ten", "ho"), List.copyOf(forms.starterData("R.002").keySet()));
        assertEquals(List.of("/ho", "/ten"), forms.validate("R.001", "{}", VI).violations().stream().map(Violation::pointer).toList());
        assertEquals(List.of("/ten", "/ho"), forms.validate("R.002", "{}", VI).violations().stream().map(Violation::pointer).toList());
    }

    @Test
    void compile_sameFormThatDoesNotCompile_eachFailureNamesItsOwnFile() {
        FormRegistry forms = Forms.builder().packFiles(pack(Map.of("S.001", LazyCompileTest.COMPILE_ONLY_ERROR,
                "S.002", LazyCompileTest.COMPILE_ONLY_ERROR))).lazyCompile(true).build();
        UnableToLoadFormsException second = assertThrows(UnableToLoadFormsException.class, () -> forms.compile("S.002"));
        UnableToLoadFormsException first = assertThrows(UnableToLoadFormsException.class, () -> forms.compile("S.001"));
        assertEquals("procedures/S.002/form.schema.json", second.file());
        assertEquals("procedures/S.001/form.schema.json", first.file());
        assertTrue(second.getMessage().contains("S.002") && !second.getMessage().contains("S.001"), second.getMessage());
    }
}
