package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.Violation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A form is citizen input: networknt's list of errors for one form is bounded while networknt adds to it (issue 15
 * session 24; {@link BoundedErrors}, {@link ValidationEngine#MAX_KEPT_ERRORS}): a form of 10,000 wrong items (the input
 * limit's longest list) made 10,000 errors before the first 200 violations were worded. The violations are capped as
 * before (200, then the one closing note, Vietnamese first).
 */
class FormErrorsBoundTest {
    private static final String ID = "urn:motcua:forms:procedure:T.1";

    private static ValidationEngine engine() {
        Map<String, String> files = new TreeMap<>();
        files.put("procedures/T.1/form.schema.json", """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:motcua:forms:procedure:T.1",
                 "type": "object", "properties": {"nguoi": {"type": "array", "items": {
                   "type": "object", "title": "Người làm chứng", "required": ["hoTen"],
                   "properties": {"hoTen": {"type": "string", "minLength": 1, "title": "Họ tên"}}}}}}""");
        return new ValidationEngine(new SchemaStore(files), code -> false, false);
    }

    private static JsonNode items(int n) {
        StringBuilder sb = new StringBuilder("{\"nguoi\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"hoTen\": \"\"}");
        }
        return PlainJson.readTree(sb.append("]}").toString());
    }

    @Test
    void tenThousandWrongItems_networkntsListHoldsTheBound_theViolationsCapped() {
        BoundedErrors errors = new BoundedErrors(ValidationEngine.MAX_KEPT_ERRORS);
        List<Violation> vs = engine().validate(ID, items(10_000), null, errors);
        assertEquals(ValidationEngine.MAX_KEPT_ERRORS, errors.size(), "networknt's list holds the bound");
        assertEquals(10_000, errors.found(), "one error an item, every one counted");
        assertEquals(ValidationEngine.MAX_VIOLATIONS + 1, vs.size());
        assertEquals("/nguoi/0/hoTen", vs.get(0).pointer());
        Violation last = vs.get(ValidationEngine.MAX_VIOLATIONS);
        assertEquals("limit", last.keyword());
        assertEquals("Tờ khai có quá nhiều lỗi; chỉ hiển thị 200 lỗi đầu tiên.", last.messageVi());
        // the public entry point answers the same
        assertEquals(vs, engine().validate(ID, items(10_000)));
    }

    @Test
    void wrongItemsPastTheListsBound_butFewViolationsWorded_stillSaySoOnce() {
        // a list smaller than the violations' cap: its cut is still said (networknt found more than it kept)
        BoundedErrors errors = new BoundedErrors(50);
        List<Violation> vs = engine().validate(ID, items(120), null, errors);
        assertEquals(51, vs.size(), vs::toString);
        assertEquals("limit", vs.get(50).keyword());
        assertTrue(errors.dropped() == 70, "dropped " + errors.dropped());
        List<Violation> under = engine().validate(ID, items(40), null, new BoundedErrors(50));
        assertEquals(40, under.size());
        assertTrue(under.stream().noneMatch(v -> v.keyword().equals("limit")));
    }
}
