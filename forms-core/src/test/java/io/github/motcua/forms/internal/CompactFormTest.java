package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.ValidationLimitExceededException;
import io.github.motcua.forms.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each keyword of the form check's fast path ({@link CompactForm}) at its edges, against networknt: every case states
 * the answer expected (VALID, INVALID or UNKNOWN) and, when the fast path decides, networknt must agree — VALID with no
 * error, INVALID with at least one. UNKNOWN where the fast path must not decide: keywords it does not implement, values
 * networknt handles otherwise (non-finite numbers), work past its budget.
 */
class CompactFormTest {
    private static final JsonNodeFactory NODES = PlainJson.NODES;
    private static final String V = "VALID";
    private static final String I = "INVALID";
    private static final String U = "UNKNOWN";

    /** A one-form pack around {@code body} (the schema's keywords after "type": "object"), plus a shared schema. */
    private static ValidationEngine engine(String schema) {
        return new ValidationEngine(store(schema), code -> code.startsWith("52-"), false);
    }

    private static SchemaStore store(String schema) {
        Map<String, String> files = new TreeMap<>();
        files.put("procedures/T.1/form.schema.json", "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
                + "\"$id\": \"urn:motcua:forms:procedure:T.1\", " + schema + "}");
        files.put("forms/shared.schema.json", """
                {"$id": "urn:motcua:forms:shared", "$defs": {
                  "mobile": {"type": "string", "format": "vn-mobile", "title": "Di động"},
                  "person": {"type": "object", "properties": {"ten": {"type": "string", "minLength": 1}},
                             "required": ["ten"], "additionalProperties": false}}}""");
        return new SchemaStore(files);
    }

    private static final String ID = "urn:motcua:forms:procedure:T.1";

    private static String name(int r) {
        return r == CompactForm.VALID ? V : r == CompactForm.INVALID ? I : U;
    }

    /** Checks {@code doc} (JSON text or a node) under the property "v" declared by {@code field}. */
    private static void field(String field, Object doc, String expected) {
        whole("\"type\": \"object\", \"properties\": {\"v\": " + field + "}", wrap(doc), expected);
    }

    private static JsonNode wrap(Object v) {
        ObjectNode o = NODES.objectNode();
        o.set("v", v instanceof JsonNode n ? n : PlainJson.readTree((String) v));
        return o;
    }

    private static void whole(String schema, Object doc, String expected) {
        SchemaStore store = store(schema);
        ValidationEngine engine = new ValidationEngine(store, code -> code.startsWith("52-"), false);
        JsonNode data = doc instanceof JsonNode n ? n : PlainJson.readTree((String) doc);
        ValidationEngine.Compiled c = engine.compiled(ID);
        String fast = name(c.fast().check(data));
        assertEquals(expected, fast, schema + " / " + data);
        if (!U.equals(fast)) {
            List<List<Error>> out = new ArrayList<>();
            BoundedRegex.withDocumentBudget(() -> out.add(c.schema().validate(data)));
            assertEquals(V.equals(fast), out.get(0).isEmpty(), "networknt disagrees: " + schema + " / " + data + " " + out);
        }
        // the engine answers as networknt alone does, fast path or not
        ValidationEngine reference = new ValidationEngine(store, code -> code.startsWith("52-"), false, true, false);
        assertEquals(reference.validate(ID, data), engine.validate(ID, data), schema + " / " + data);
    }

    @Test
    void type_integerIsIntegralValue_asIn2020_12() {
        String f = "{\"type\": \"integer\"}";
        field(f, "1", V);
        field(f, NODES.numberNode(1.0d), V);
        field(f, NODES.numberNode(new BigDecimal("1.0")), V);
        field(f, NODES.numberNode(new BigDecimal("1E+2")), V);
        field(f, NODES.numberNode(1e20), V);
        field(f, NODES.numberNode(new BigInteger("100000000000000000000")), V);
        field(f, "1.5", I);
        field(f, "\"1\"", I);
        field(f, "true", I);
        field(f, "null", I);
        field("{\"type\": \"number\"}", "1", V);
        field("{\"type\": \"number\"}", "1.25", V);
        field("{\"type\": \"number\"}", "\"1\"", I);
        field("{\"type\": \"string\"}", "\"\"", V);
        field("{\"type\": \"string\"}", "1", I);
        field("{\"type\": \"boolean\"}", "false", V);
        field("{\"type\": \"null\"}", "null", V);
        field("{\"type\": \"array\"}", "[]", V);
        field("{\"type\": \"object\"}", "[]", I);
    }

    @Test
    void const_stringsBooleansNull_byJacksonEquality_numbersAndContainersLeftToNetworknt() {
        field("{\"const\": \"CHA\"}", "\"CHA\"", V);
        field("{\"const\": \"CHA\"}", "\"CHA \"", I);
        field("{\"const\": \"CHA\"}", "\"cha\"", I);
        field("{\"const\": \"CHA\"}", "1", I);
        field("{\"const\": \"CHA\"}", "null", I);
        field("{\"const\": \"CHA\"}", "[\"CHA\"]", I);
        field("{\"const\": true}", "true", V);
        field("{\"const\": false}", "true", I);
        field("{\"const\": true}", "\"true\"", I);
        field("{\"const\": null}", "null", V);
        field("{\"const\": null}", "0", I);
        // a Vietnamese constant compared in the form the input tree keeps (NFC): an NFD text differs
        field("{\"const\": \"Hòa\"}", "\"Hòa\"", V);
        field("{\"const\": \"Hòa\"}", "\"" + Normalizer.normalize("Hòa", Normalizer.Form.NFD) + "\"", I);
        // networknt 3.0.9 compares numbers by value and containers deeply with its own rules ({"a": [1]} is
        // {"a": [1.0]}): not compiled, networknt decides
        field("{\"const\": 1}", NODES.numberNode(1.0d), U);
        field("{\"const\": {\"a\": [1]}}", "{\"a\": [1.0]}", U);
    }

    @Test
    void enum_ofStrings_byText_otherKindsNever() {
        String f = "{\"enum\": [\"NAM\", \"NU\", \"1\"]}";
        field(f, "\"NAM\"", V);
        field(f, "\"NU\"", V);
        field(f, "\"nam\"", I);
        field(f, "1", I);
        field(f, "null", I);
        field(f, "[\"NAM\"]", I);
        field(f, "{}", I);
        field("{\"enum\": [1, \"a\"]}", "\"a\"", U); // a number among the values: networknt decides
        field("{\"enum\": [[1]]}", "[1]", U);
    }

    @Test
    void lengths_inCodePoints() {
        String f = "{\"type\": \"string\", \"minLength\": 1, \"maxLength\": 2}";
        field(f, "\"\uD835\uDC9C\uD835\uDC9C\"", V); // two astral code points, four UTF-16 units
        field(f, "\"\uD835\uDC9C\uD835\uDC9Ca\"", I);
        field(f, "\"ab\"", V);
        field(f, "\"abc\"", I);
        field(f, "\"\"", I);
        field(f, "\"" + Normalizer.normalize("é", Normalizer.Form.NFD) + "\"", V); // e + combining accent: 2
        field(f, "\"" + Normalizer.normalize("éa", Normalizer.Form.NFD) + "\"", I);
        field("{\"minLength\": 1, \"maxLength\": 2}", "5", V); // lengths do not apply to numbers
        field("{\"maxLength\": 1.0}", "\"ab\"", I); // an integral-valued limit, as networknt reads it
    }

    @Test
    void bounds_networkntsIntegerAndDecimalPaths() {
        String i = "{\"type\": \"integer\", \"minimum\": 1, \"maximum\": 10}";
        field(i, "1", V);
        field(i, "10", V);
        field(i, "0", I);
        field(i, "11", I);
        field(i, NODES.numberNode(1.0d), V);
        field(i, NODES.numberNode(new BigInteger("100000000000000000000")), I);
        field(i, "\"5\"", I);
        String n = "{\"type\": \"number\", \"exclusiveMinimum\": 0, \"maximum\": 10.5}";
        field(n, "0", I);
        field(n, NODES.numberNode(0.0d), I);
        field(n, NODES.numberNode(new BigDecimal("0.0000000000000000000001")), V);
        field(n, "10.5", V);
        field(n, NODES.numberNode(new BigDecimal("10.50000000000000000001")), I);
        field(n, NODES.numberNode(1e-300), V);
        field("{\"exclusiveMaximum\": 5}", "5", I);
        field("{\"exclusiveMaximum\": 5}", NODES.numberNode(4.999999d), V);
        field("{\"minimum\": 5}", "\"text\"", V); // bounds apply to numbers only
    }

    @Test
    void formats_oursAndDate_exactlyTheDialectsObjects() {
        field("{\"format\": \"date\"}", "\"2024-02-29\"", V);
        field("{\"format\": \"date\"}", "\"2026-02-29\"", I);
        field("{\"format\": \"date\"}", "\"2026-13-01\"", I);
        field("{\"format\": \"date\"}", "\"15/01/2026\"", I);
        field("{\"format\": \"date\"}", "5", V); // formats apply to strings only
        field("{\"format\": \"vn-mobile\"}", "\"0912345678\"", V);
        field("{\"format\": \"vn-mobile\"}", "\"0112345678\"", I);
        field("{\"format\": \"vn-personal-id\"}", "\"079123456789\"", V);
        field("{\"format\": \"vn-personal-id\"}", "\"000123456789\"", I);
        field("{\"format\": \"vn-unit-code\"}", "\"52-xa-ia-o\"", V);
        field("{\"format\": \"vn-unit-code\"}", "\"53-xa\"", I);
        field("{\"format\": \"vn-tax-code\"}", "\"0100233488-001\"", V);
        field("{\"format\": \"vn-tax-code\"}", "\"079123456789\"", I);
        field("{\"format\": \"vn-tax-code\", \"x-vn-tax-code-accepts-personal-id\": true}", "\"079123456789\"", V);
        field("{\"format\": \"email\"}", "\"a@b.vn\"", U); // not ours: networknt decides
    }

    @Test
    void fieldReferences_personalIdAndDateBefore() {
        String s = """
                "type": "object", "properties": {
                  "ngaySinh": {"type": "string", "format": "date", "x-vn-date-before": {"field": "ngayNop"}},
                  "ngayNop": {"type": "string", "format": "date"},
                  "gioiTinh": {"type": "string"},
                  "so": {"type": "string", "x-vn-personal-id-matches": {"birthDate": "ngaySinh", "sex": "gioiTinh"}},
                  "con": {"type": "array", "items": {"type": "object", "properties": {
                     "ngay": {"type": "string", "x-vn-date-before": [{"field": "3/ngayNop"}, {"message": "no field"}]}}}}}""";
        whole(s, "{\"ngaySinh\": \"1990-05-01\", \"ngayNop\": \"2026-01-01\", \"so\": \"079090123456\", \"gioiTinh\": \"NAM\"}", V);
        whole(s, "{\"ngaySinh\": \"2026-01-01\", \"ngayNop\": \"2026-01-01\"}", I); // not before
        whole(s, "{\"ngaySinh\": \"1991-05-01\", \"so\": \"079090123456\"}", I); // birth year 1990 in the number
        whole(s, "{\"ngaySinh\": \"1990-05-01\", \"so\": \"079090123456\", \"gioiTinh\": \"Nữ\"}", I); // digit 4: male
        whole(s, "{\"ngaySinh\": \"1990-05-01\", \"so\": \"079190123456\", \"gioiTinh\": \"NỮ\"}", V);
        whole(s, "{\"ngayNop\": \"2026-01-01\", \"con\": [{\"ngay\": \"2025-01-01\"}, {\"ngay\": \"2026-02-01\"}]}", I);
        whole(s, "{\"ngayNop\": \"2026-01-01\", \"con\": [{\"ngay\": \"2025-01-01\"}]}", V);
    }

    /** A field's inclusive flags are bits for its first 64 date rules and an array beyond them (Session 21). */
    @Test
    void dateBefore_inclusiveFlags_beforeAndBeyondTheSixtyFourth() {
        StringBuilder rules = new StringBuilder();
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            rules.append(i == 0 ? "" : ", ").append("{\"field\": \"x").append(i).append('"')
                    .append(i == 3 || i == 63 || i == 66 ? ", \"inclusive\": true}" : "}");
            props.append(", \"x").append(i).append("\": {\"type\": \"string\"}");
        }
        String s = "\"type\": \"object\", \"properties\": {\"ngay\": {\"type\": \"string\", \"x-vn-date-before\": ["
                + rules + "]}" + props + "}";
        String day = "\"2026-01-01\"";
        whole(s, "{\"ngay\": " + day + ", \"x3\": " + day + ", \"x63\": " + day + ", \"x66\": " + day + "}", V);
        whole(s, "{\"ngay\": " + day + ", \"x5\": " + day + "}", I);
        whole(s, "{\"ngay\": " + day + ", \"x64\": " + day + "}", I);
        whole(s, "{\"ngay\": " + day + ", \"x67\": " + day + "}", I);
        whole(s, "{\"ngay\": " + day + ", \"x67\": \"2026-01-02\"}", V);
    }

    @Test
    void objects_requiredAdditionalAndNested() {
        String s = """
                "type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
                "required": ["a", "c"], "additionalProperties": false""";
        whole(s, "{\"a\": \"x\", \"c\": 1}", I); // c is required but not declared: refused as additional
        whole(s, "{\"a\": \"x\"}", I);
        String open = """
                "type": "object", "properties": {"a": {"type": "string"}},
                "required": ["a", "c"], "additionalProperties": {"type": "integer"}""";
        whole(open, "{\"a\": \"x\", \"c\": 1}", V);
        whole(open, "{\"a\": \"x\", \"c\": \"1\"}", I);
        whole(open, "{\"a\": null, \"c\": 1}", I); // present but not a string
        whole("\"required\": [\"a\"]", "{\"a\": null}", V); // null is present
        whole("\"required\": [\"a\"]", "[1]", V); // required applies to objects only
        whole("\"properties\": {\"x\": false}", "{\"x\": 1}", I);
        whole("\"properties\": {\"x\": true}", "{\"x\": 1}", V);
        whole("\"properties\": {\"m\": {\"$ref\": \"urn:motcua:forms:shared#/$defs/mobile\"},"
                + " \"p\": {\"$ref\": \"urn:motcua:forms:shared#/$defs/person\"}}", "{\"m\": \"0912345678\", \"p\": {\"ten\": \"A\"}}", V);
        whole("\"properties\": {\"p\": {\"$ref\": \"urn:motcua:forms:shared#/$defs/person\"}}", "{\"p\": {\"ten\": \"A\", \"x\": 1}}", I);
        StringBuilder many = new StringBuilder("\"type\": \"object\", \"properties\": {");
        StringBuilder doc = new StringBuilder("{");
        for (int i = 0; i < 70; i++) { // more than 64 properties: the presence bits of an array
            many.append(i == 0 ? "" : ", ").append("\"f").append(i).append("\": {\"type\": \"integer\"}");
            doc.append(i == 0 ? "" : ", ").append("\"f").append(i).append("\": ").append(i);
        }
        many.append("}, \"required\": [\"f69\", \"f3\"]");
        whole(many.toString(), doc + "}", V);
        whole(many.toString(), doc.toString().replace("\"f69\": 69", "\"g69\": 69") + "}", I);
    }

    @Test
    void choices_oneOfExactlyOne_anyOfAtLeastOne_allOfEvery() {
        String choice = "{\"type\": \"string\", \"oneOf\": [{\"const\": \"A\", \"title\": \"a\"}, {\"const\": \"B\"}]}";
        field(choice, "\"A\"", V);
        field(choice, "\"C\"", I);
        field(choice, "1", I);
        field("{\"oneOf\": [{\"const\": \"A\"}, {\"const\": \"A\"}]}", "\"A\"", I); // two branches hold
        field("{\"anyOf\": [{\"const\": \"A\"}, {\"const\": \"A\"}]}", "\"A\"", V);
        field("{\"anyOf\": [{\"const\": \"A\"}, {\"const\": true}]}", "true", V);
        field("{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}", "1", I); // ambiguous
        field("{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}", "1.5", V);
        field("{\"oneOf\": [{\"type\": \"integer\"}, {\"type\": \"number\"}]}", NODES.numberNode(2.0d), I);
        field("{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 1}]}", "\"ab\"", I);
        field("{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 1}]}", "\"a\"", V);
        String objects = """
                {"type": "object", "oneOf": [
                  {"properties": {"loai": {"const": "CA_NHAN"}, "so": {"type": "string"}}, "required": ["loai", "so"]},
                  {"properties": {"loai": {"const": "TO_CHUC"}, "mst": {"type": "string"}}, "required": ["loai", "mst"]}]}""";
        field(objects, "{\"loai\": \"CA_NHAN\", \"so\": \"1\"}", V);
        field(objects, "{\"loai\": \"TO_CHUC\", \"so\": \"1\"}", I);
        field(objects, "{\"loai\": \"X\", \"so\": \"1\", \"mst\": \"2\"}", I);
        field("{\"oneOf\": [{\"required\": [\"a\"]}, {\"required\": [\"b\"]}]}", "{\"a\": 1, \"b\": 2}", I);
    }

    @Test
    void pattern_findSemantics_theRegistrysFactory() {
        String f = "{\"type\": \"string\", \"pattern\": \"^[0-9]{3}-[a-z]+$\"}";
        field(f, "\"052-abc\"", V);
        field(f, "\"052-ABC\"", I);
        field(f, "\"52-abc\"", I);
        field(f, "5", I); // the type fails; the pattern applies to strings only
        field("{\"pattern\": \"b\"}", "\"abc\"", V); // find, not a whole match
        field("{\"pattern\": \"b\"}", "12", V);
        field("{\"pattern\": \"\\\\p{L}+$\"}", "\"Hòa\"", V); // networknt's long-form properties, as it compiles them
        // a slow pattern on a long value: past its budget the value is refused by networknt, and not known here
        String slow = "{\"pattern\": \"^\\\\d*\\\\d*\\\\d*\\\\d*x$\"}";
        field(slow, "\"" + "1".repeat(2000) + "\"", U);
    }

    @Test
    void arrays_itemsAndCounts() {
        String f = "{\"type\": \"array\", \"items\": {\"type\": \"string\", \"maxLength\": 2}, \"minItems\": 1, \"maxItems\": 2}";
        field(f, "[\"a\"]", V);
        field(f, "[]", I);
        field(f, "[\"a\", \"b\", \"c\"]", I);
        field(f, "[\"abc\"]", I);
        field(f, "[1]", I);
        field("{\"items\": false}", "[]", V);
        field("{\"items\": false}", "[1]", I);
        field("{\"prefixItems\": [{\"type\": \"string\"}]}", "[\"a\"]", U);
    }

    @Test
    void whatIsNotImplemented_isUnknown_neverGuessed() {
        field("{\"type\": [\"string\", \"null\"]}", "null", U);
        field("{\"not\": {\"type\": \"string\"}}", "1", U);
        field("{\"if\": {\"type\": \"string\"}, \"then\": {\"minLength\": 1}}", "\"a\"", U);
        field("{\"type\": \"object\", \"unevaluatedProperties\": false}", "{}", U);
        field("{\"type\": \"object\", \"patternProperties\": {\"^x\": {}}, \"additionalProperties\": false}", "{}", U);
        field("{\"x-unknown\": 1}", "1", U);
        // an unknown schema that the data never reaches does not matter
        whole("\"properties\": {\"a\": {\"not\": {}}, \"b\": {\"type\": \"string\"}}", "{\"b\": \"x\"}", V);
        // a value networknt treats otherwise: a non-finite double (a number out of range in JSON text)
        field("{\"type\": \"number\"}", "1e400", U);
        field("{}", "1e400", U);
    }

    @Test
    void workPastTheBudget_isUnknown_andNetworkntsLimitIsReported() {
        // each level tries both branches of the anyOf: 2^depth applications, past the fast path's budget long before
        // networknt's own limit
        String s = """
                "properties": {"deep": {"$ref": "#/$defs/node"}},
                "$defs": {"node": {"anyOf": [
                  {"type": "object", "properties": {"x": {"$ref": "#/$defs/node"}}, "required": ["y"]},
                  {"type": "object", "properties": {"x": {"$ref": "#/$defs/node"}}}]}}""";
        for (int depth : new int[] {3, 12, 26}) {
            ObjectNode deep = NODES.objectNode();
            ObjectNode at = deep;
            for (int d = 0; d < depth; d++) {
                at = at.putObject("x");
            }
            ObjectNode doc = NODES.objectNode();
            doc.set("deep", deep);
            ValidationEngine engine = engine(s);
            int fast = engine.compiled(ID).fast().check(doc);
            if (depth <= 12) {
                assertEquals(CompactForm.VALID, fast, "depth " + depth);
            } else {
                assertEquals(CompactForm.UNKNOWN, fast, "depth " + depth);
                List<Violation> v = engine.validate(ID, doc);
                assertEquals("limit", v.get(0).keyword(), "networknt's own limit, as before: " + v);
                assertThrowsLimit(engine, doc);
            }
        }
    }

    private static void assertThrowsLimit(ValidationEngine engine, JsonNode doc) {
        try {
            engine.compiled(ID).schema().validate(doc, ctx -> ctx.setExecutionConfig(com.networknt.schema.ExecutionConfig.builder()
                    .maxEvaluationSteps(ValidationEngine.MAX_EVALUATION_STEPS).build()));
            throw new AssertionError("networknt should reach its step limit");
        } catch (ValidationLimitExceededException expected) {
            assertTrue(expected.getAdmittedSteps() > CompactForm.MAX_STEPS);
        }
    }

    @Test
    void recursionDeeperThanTheFastPathsDepth_isUnknown() {
        String s = "\"$ref\": \"#/$defs/n\", \"$defs\": {\"n\": {\"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/$defs/n\"}}}}";
        ObjectNode doc = NODES.objectNode();
        ObjectNode at = doc;
        for (int d = 0; d < 600; d++) { // two schema applications a level: past 1,000
            at = at.putObject("x");
        }
        ValidationEngine engine = engine(s);
        assertEquals(CompactForm.UNKNOWN, engine.compiled(ID).fast().check(doc));
        ObjectNode shallow = NODES.objectNode();
        shallow.putObject("x").putObject("x");
        assertEquals(CompactForm.VALID, engine.compiled(ID).fast().check(shallow));
    }

    @Test
    void complete_onlyWhenNoUnknownSchemaIsReachable() {
        assertTrue(engine("\"properties\": {\"a\": {\"type\": \"string\", \"title\": \"A\", \"default\": \"x\"}}").compiled(ID).fast().complete());
        assertFalse(engine("\"properties\": {\"a\": {\"not\": {}}}").compiled(ID).fast().complete());
    }
}
