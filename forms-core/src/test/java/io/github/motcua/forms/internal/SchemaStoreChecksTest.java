package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.SchemaReferenceRefusedException;
import io.github.motcua.forms.UnableToLoadFormsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The schema store's load-time checks across documents — the {@code $ref} / in-place cycle check, references
 * leaving the pack, duplicate ids — and the sharing of equal sub-trees, pinned to the exact problem (code, file,
 * the cycle's locations in the order they are reported) so that a cheaper implementation must give the same
 * answers. Documents are given in load order (path order, as {@code DefaultFormRegistry} sorts them).
 */
class SchemaStoreChecksTest {
    private static final String A = "urn:motcua:forms:procedure:A";
    private static final String B = "urn:motcua:forms:procedure:B";
    private static final String C = "urn:motcua:forms:procedure:C";

    /** Path, content, path, content… in load order. */
    private static Map<String, String> files(String... pathsAndTexts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            out.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return out;
    }

    private static String form(String code) {
        return "procedures/" + code + "/form.schema.json";
    }

    private static UnableToLoadFormsException refused(Map<String, String> files) {
        return assertThrows(UnableToLoadFormsException.class, () -> new SchemaStore(files));
    }

    /** The cycle's locations as the problem lists them (its English message's last bracketed list). */
    private static String cycleOf(UnableToLoadFormsException e) {
        String m = e.detail().messageEn();
        assertTrue(m.contains("refers back to itself without descending into the data"), m);
        return m.substring(m.indexOf(": [") + 2);
    }

    @Test
    void cycleAcrossTwoDocuments_refusedNamingEveryLocationInOrder() {
        UnableToLoadFormsException e = refused(files(
                form("A"), "{\"type\": \"object\", \"properties\": {\"x\": {\"allOf\": [{\"$ref\": \"" + B + "#/$defs/y\"}]}}}",
                form("B"), "{\"$defs\": {\"y\": {\"not\": {\"$ref\": \"" + A + "#/properties/x\"}}}}"));
        assertEquals(form("A"), e.file());
        assertEquals("[" + A + "#/properties/x, " + A + "#/properties/x/allOf/0, " + B + "#/$defs/y, " + B + "#/$defs/y/not, "
                + A + "#/properties/x]", cycleOf(e));
    }

    @Test
    void cycleAcrossThreeDocuments_refusedFromTheFirstDocumentsLocation() {
        UnableToLoadFormsException e = refused(files(
                form("A"), "{\"properties\": {\"p\": {\"$ref\": \"" + B + "\"}}}",
                form("B"), "{\"anyOf\": [{\"type\": \"string\"}, {\"$ref\": \"" + C + "#/$defs/c\"}]}",
                form("C"), "{\"$defs\": {\"c\": {\"if\": {\"type\": \"string\"}, \"then\": {\"$ref\": \"" + B + "\"}}}}"));
        // the search starts at A's property, enters the cycle at B's root and comes back to it
        assertEquals(form("B"), e.file());
        assertEquals("[" + B + "#, " + B + "#/anyOf/1, " + C + "#/$defs/c, " + C + "#/$defs/c/then, " + B + "#]", cycleOf(e));
    }

    @Test
    void cycleThroughLocalRefs_reportedWithTheDocumentsId() {
        UnableToLoadFormsException e = refused(files(form("A"),
                "{\"$defs\": {\"a\": {\"oneOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/b\"}]},"
                        + " \"b\": {\"dependentSchemas\": {\"x/y~z\": {\"$ref\": \"#/$defs/a\"}}}}}"));
        assertEquals(form("A"), e.file());
        assertEquals("[" + A + "#/$defs/a, " + A + "#/$defs/a/oneOf/1, " + A + "#/$defs/b, " + A + "#/$defs/b/dependentSchemas/x~1y~0z, "
                + A + "#/$defs/a]", cycleOf(e));
    }

    @Test
    void twoCycles_theFirstInLoadOrderIsReported() {
        UnableToLoadFormsException e = refused(files(
                form("A"), "{\"$defs\": {\"s\": {\"allOf\": [{\"$ref\": \"#/$defs/s\"}]}}}",
                form("B"), "{\"$defs\": {\"t\": {\"not\": {\"$ref\": \"#/$defs/t\"}}}}"));
        assertEquals(form("A"), e.file());
        assertEquals("[" + A + "#/$defs/s, " + A + "#/$defs/s/allOf/0, " + A + "#/$defs/s]", cycleOf(e));
    }

    @Test
    void aCycleAndAnUnknownFormatInALaterDocument_theFormatIsReported() {
        // every document's references and keywords are checked before any cycle is searched for
        UnableToLoadFormsException e = refused(files(
                form("A"), "{\"$defs\": {\"s\": {\"allOf\": [{\"$ref\": \"#/$defs/s\"}]}}}",
                form("B"), "{\"properties\": {\"d\": {\"type\": \"string\", \"format\": \"ngay\"}}}"));
        assertEquals(form("B"), e.file());
        assertTrue(e.detail().messageEn().contains("unknown format [ngay]"), e.detail().messageEn());
    }

    @Test
    void selfReferenceThroughAProperty_isNoCycle() {
        // A's person has a guardian who is B's person, whose guardian is A's: every step descends into the data
        SchemaStore store = new SchemaStore(files(
                form("A"), "{\"$defs\": {\"p\": {\"allOf\": [{\"type\": \"object\"}], \"properties\": {\"giamHo\": {\"$ref\": \"" + B
                        + "#/$defs/p\"}}}}, \"$ref\": \"#/$defs/p\"}",
                form("B"), "{\"$defs\": {\"p\": {\"anyOf\": [{\"properties\": {\"giamHo\": {\"$ref\": \"" + A + "#/$defs/p\"}}}]}}}"));
        assertEquals(List.of(A, B), List.copyOf(store.ids()));
        assertEquals(A + "#/$defs/p", store.at(A, "").get("$ref").asString()); // the local reference made absolute
        assertTrue(store.fieldAt(A, "/giamHo").has("anyOf"), "A's guardian is B's person");
    }

    @Test
    void refToADefsPathOfAnotherDocument_loadsAndResolves() {
        SchemaStore store = new SchemaStore(files(
                "forms/common.schema.json", "{\"$id\": \"urn:motcua:forms:common\", \"$defs\": {\"ngay\": {\"type\": \"string\","
                        + " \"title\": \"Ngày\", \"allOf\": [{\"minLength\": 10}]}}}",
                form("A"), "{\"properties\": {\"d\": {\"$ref\": \"urn:motcua:forms:common#/$defs/ngay\", \"allOf\": [{\"$ref\":"
                        + " \"urn:motcua:forms:common#/$defs/ngay/allOf/0\"}]}}}"));
        JsonNode d = store.fieldAt(A, "/d");
        assertEquals("Ngày", d.get("title").asString());
        assertEquals(10, store.at("urn:motcua:forms:common#/$defs/ngay/allOf/0").get("minLength").asInt());
    }

    @Test
    void refToAMissingPointer_isNoCycleHere() {
        // the validator's compiler refuses it later; the cycle check finds nothing to follow
        SchemaStore store = new SchemaStore(files(form("A"), "{\"properties\": {\"x\": {\"allOf\": [{\"$ref\": \"#/$defs/khongCo\"}]}}}"));
        assertEquals(List.of("urn:motcua:forms:procedure:A"), List.copyOf(store.ids()));
    }

    @Test
    void refToAnAnchor_refusedAsAPackProblemNamingTheFileAndTheReference() {
        // "#name" is not a JSON Pointer: it once escaped as an IllegalArgumentException from the cycle check
        SchemaReferenceRefusedException e = assertThrows(SchemaReferenceRefusedException.class, () -> new SchemaStore(files(form("A"),
                "{\"$defs\": {\"n\": {\"$anchor\": \"ten\", \"type\": \"string\"}}, \"properties\": {\"x\": {\"$ref\": \"#ten\"}}}")));
        assertEquals(form("A"), e.file());
        assertEquals("#ten", e.reference());
        assertTrue(e.detail().messageEn().contains("must be a JSON Pointer starting with \"/\""), e.detail().messageEn());
        assertTrue(e.detail().messageVi().contains("phải là JSON Pointer bắt đầu bằng \"/\""), e.detail().messageVi());
        // the same in another document's reference, and a pointer fragment beside it still loads
        SchemaReferenceRefusedException other = assertThrows(SchemaReferenceRefusedException.class, () -> new SchemaStore(files(
                form("A"), "{\"$defs\": {\"s\": {\"type\": \"string\"}}}",
                form("B"), "{\"properties\": {\"x\": {\"$ref\": \"" + A + "#/$defs/s\"}, \"y\": {\"$ref\": \"" + A + "#s\"}}}")));
        assertEquals(form("B"), other.file());
        assertEquals(A + "#s", other.reference());
    }

    @Test
    void refOutsideThePack_refusedNamingTheFirstFileInLoadOrder() {
        SchemaReferenceRefusedException e = assertThrows(SchemaReferenceRefusedException.class, () -> new SchemaStore(files(
                form("A"), "{\"$defs\": {\"s\": {\"allOf\": [{\"$ref\": \"#/$defs/s\"}]}}}",
                form("B"), "{\"properties\": {\"x\": {\"$ref\": \"https://example.com/x.json#/a\"}}}",
                form("C"), "{\"properties\": {\"x\": {\"$ref\": \"urn:motcua:forms:khac\"}}}")));
        assertEquals(form("B"), e.file());
        assertEquals("https://example.com/x.json#/a", e.reference());
        assertTrue(e.detail().messageEn().contains("[" + A + ", " + B + ", " + C + "]"), e.detail().messageEn());
    }

    @Test
    void duplicateId_refusedNamingBothFiles_beforeAnyReferenceIsChecked() {
        UnableToLoadFormsException e = refused(files(
                "forms/a.schema.json", "{\"$id\": \"urn:x\", \"properties\": {\"q\": {\"$ref\": \"urn:khongCo\"}}}",
                "forms/b.schema.json", "{\"$id\": \"urn:y\"}",
                form("A"), "{\"$id\": \"urn:x\"}"));
        assertEquals(form("A"), e.file());
        String m = e.detail().messageEn();
        assertTrue(m.contains("forms/a.schema.json") && m.contains("[urn:x]"), m);
    }

    /** {@code depth} nested properties, the innermost holding {@code inner}. */
    private static String nested(int depth, String inner) {
        return "{\"properties\": {\"p\": ".repeat(depth) + inner + "}}".repeat(depth);
    }

    @Test
    void deepButLegalNesting_loads_andACycleAtTheBottomIsFound() {
        // 240 levels of properties = 480 nested JSON objects, under the parser's nesting limit of 500
        String bottom = "{\"allOf\": [{\"$ref\": \"#" + "/properties/p".repeat(240) + "\"}]}";
        UnableToLoadFormsException e = refused(files(form("A"), nested(240, bottom)));
        String here = A + "#" + "/properties/p".repeat(240);
        assertEquals("[" + here + ", " + here + "/allOf/0, " + here + "]", cycleOf(e));

        String legal = "{\"allOf\": [{\"$ref\": \"#" + "/properties/p".repeat(239) + "/properties/q\"}], \"properties\": {\"q\": {}}}";
        SchemaStore store = new SchemaStore(files(form("A"), nested(240, "{\"properties\": {\"q\": {\"type\": \"string\"}}}")));
        assertEquals("string", store.at(A, "/properties/p".repeat(240) + "/properties/q").get("type").asString());
        SchemaStore store2 = new SchemaStore(files(form("A"), nested(239, legal)));
        assertEquals(1, store2.ids().size());
    }

    @Test
    void nestingBeyondTheParsersLimit_refusedAsNotJson() {
        UnableToLoadFormsException e = refused(files(form("A"), nested(260, "{}")));
        assertTrue(e.detail().messageEn().contains(form("A")), e.detail().messageEn());
        assertTrue(e.detail().messageEn().toLowerCase(Locale.ROOT).contains("nesting depth"), e.detail().messageEn());
    }

    @Test
    void equalSubTrees_sharedAcrossDocuments_unequalOnesNotShared() {
        String field = "{\"type\": \"string\", \"title\": \"Họ tên\", \"maxLength\": 100}";
        SchemaStore store = new SchemaStore(files(
                form("A"), "{\"properties\": {\"ten\": " + field + ", \"tuoi\": {\"type\": \"integer\", \"minimum\": 0}}}",
                form("B"), "{\"properties\": {\"hoTen\": " + field + ", \"tuoi\": {\"minimum\": 0, \"type\": \"integer\"}}}"));
        assertSame(store.at(A, "/properties/ten"), store.at(B, "/properties/hoTen"));
        // the same keywords in another order are another text: not shared
        assertNotSame(store.at(A, "/properties/tuoi"), store.at(B, "/properties/tuoi"));
        // their leaves are
        assertSame(store.at(A, "/properties/tuoi/minimum"), store.at(B, "/properties/tuoi/minimum"));
    }

    @Test
    void sharedSubTrees_validateEachFormAsItsOwnText() {
        String field = "{\"type\": \"string\", \"title\": \"Họ tên\", \"maxLength\": 5}";
        Map<String, String> pack = new LinkedHashMap<>();
        pack.put(form("A"), "{\"type\": \"object\", \"required\": [\"ten\"], \"properties\": {\"ten\": " + field + "}}");
        pack.put(form("B"), "{\"type\": \"object\", \"properties\": {\"ten\": " + field + ", \"so\": {\"type\": \"integer\"}}}");
        pack.put("units.yaml", "- code: \"52-xa-ia-o\"\n");
        FormRegistry forms = Forms.builder().packFiles(pack).build();
        FormReport a = forms.validate("A", "{\"ten\": \"Nguyễn Văn An\"}", Locale.ROOT);
        FormReport b = forms.validate("B", "{\"ten\": \"Nguyễn Văn An\", \"so\": \"x\"}", Locale.ROOT);
        assertEquals(List.of("/ten:maxLength"), a.violations().stream().map(v -> v.pointer() + ":" + v.keyword()).toList());
        assertEquals(List.of("/so:type", "/ten:maxLength"),
                b.violations().stream().map(v -> v.pointer() + ":" + v.keyword()).sorted().toList());
        FormReport missing = forms.validate("A", "{}", Locale.ROOT);
        assertEquals(List.of("required"), missing.violations().stream().map(v -> v.keyword()).toList());
        assertTrue(forms.validate("B", "{}", Locale.ROOT).violations().isEmpty());
    }

    /** A form whose $defs chain {@code length} references, the last a string. */
    private static String chain(int length) {
        StringBuilder b = new StringBuilder("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"" + A
                + "#/$defs/d0\"}}, \"$defs\": {");
        for (int i = 0; i < length; i++) {
            b.append(i == 0 ? "" : ", ").append("\"d").append(i).append("\": ");
            b.append(i + 1 < length ? "{\"$ref\": \"" + A + "#/$defs/d" + (i + 1) + "\"}" : "{\"type\": \"string\"}");
        }
        return b.append("}}").toString();
    }

    /**
     * A pack's form chaining 20,000 references was a StackOverflowError out of the load (the cycle search recursed once a
     * link); it is now refused as a problem, in Vietnamese and English, and a chain under the limit loads and validates.
     */
    @Test
    void aChainOfTwentyThousandReferences_isRefusedAsAProblem_notAStackOverflow() {
        UnableToLoadFormsException e = refused(files(form("A"), chain(20_000)));
        assertEquals("FORMS_REF_TOO_DEEP", e.detail().key());
        assertEquals(form("A"), e.file());
        assertTrue(e.detail().messageVi().contains("nối hơn 256 tham chiếu"), e.detail().messageVi());
        assertTrue(e.detail().messageEn().contains("chains more than 256 references"), e.detail().messageEn());

        FormRegistry forms = Forms.builder().packFiles(files(form("A"), chain(200))).build();
        assertTrue(forms.validate("A", "{\"a\": \"x\"}", Locale.ROOT).violations().isEmpty());
        assertEquals(List.of("type"), forms.validate("A", "{\"a\": 5}", Locale.ROOT).violations().stream()
                .map(v -> v.keyword()).toList());
    }
}
