package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What networknt does with the list of errors it is handed ({@code ExecutionContext.setErrors}), on which
 * {@link BoundedErrors} relies (issue 15 session 24): it appends, asks whether the list is empty and reads its size —
 * never an element, never removes one. Checked on a schema using every keyword that swaps, reads or compares the list in
 * networknt 3.0.9's sources ({@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else},
 * {@code contains}, {@code propertyNames}, a union type, {@code patternProperties}, {@code unevaluatedProperties},
 * {@code unevaluatedItems}, {@code prefixItems}, {@code items}, {@code dependentSchemas}, {@code $ref}), over a document
 * breaking each many times. Fails, naming the call, if an upgrade of networknt uses the list otherwise: then
 * {@link BoundedErrors}' liberty (past its bound, {@code add} keeps nothing) must be looked at again.
 */
class BoundedErrorsUseTest {
    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": { "code": { "type": "string", "pattern": "^[A-Z]{2}$" } },
              "type": "object",
              "properties": {
                "items": { "type": "array", "items": {
                  "type": "object",
                  "properties": {
                    "code": { "$ref": "#/$defs/code" },
                    "kind": { "anyOf": [ { "const": "A" }, { "const": "B" } ] },
                    "size": { "oneOf": [ { "type": "integer", "minimum": 10 }, { "type": "string", "maxLength": 2 } ] },
                    "when": { "type": ["string", "null"], "format": "date" },
                    "tags": { "type": "array", "contains": { "const": "x" }, "prefixItems": [ { "type": "string" } ],
                              "unevaluatedItems": { "type": "integer" } }
                  },
                  "patternProperties": { "^n_": { "type": "number" } },
                  "propertyNames": { "maxLength": 6 },
                  "not": { "required": ["forbidden"] },
                  "if": { "properties": { "kind": { "const": "A" } } },
                  "then": { "required": ["code"] },
                  "else": { "required": ["size"] },
                  "dependentSchemas": { "size": { "required": ["when"] } },
                  "unevaluatedProperties": false
                } }
              }
            }
            """;

    private static JsonNode json(String text) {
        return PlainJson.readTreeRefusingDuplicates(new java.io.ByteArrayInputStream(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** {@code n} items, each breaking most keywords of the schema. */
    private static JsonNode badItems(int n) {
        StringBuilder sb = new StringBuilder("{\"items\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"code\": \"x").append(i).append("\", \"kind\": \"C\", \"size\": 3,")
                    .append(" \"when\": \"13/01/2026\", \"tags\": [1, \"y\", \"z\"], \"n_a\": \"one\", \"forbidden\": 1,")
                    .append(" \"unknownKey\": true}");
        }
        return json(sb.append("]}").toString());
    }

    private static Schema schema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json(SCHEMA));
    }

    @SuppressWarnings("unchecked")
    @Test
    void networknt_onlyAppendsAndReadsTheSize_ofTheListItIsHanded() {
        Set<String> calls = new TreeSet<>();
        List<Error> backing = new ArrayList<>();
        List<Error> spy = (List<Error>) Proxy.newProxyInstance(List.class.getClassLoader(), new Class<?>[] {List.class},
                (proxy, method, args) -> {
                    StackWalker.StackFrame caller = StackWalker.getInstance().walk(s -> s
                            .filter(f -> !f.getClassName().startsWith("jdk.proxy") && !f.getClassName().startsWith("java.")
                                    && !f.getClassName().equals(BoundedErrorsUseTest.class.getName())
                                    && !f.getClassName().startsWith(BoundedErrorsUseTest.class.getName() + "$"))
                            .findFirst().orElse(null));
                    calls.add(method.getName() + (caller == null || !caller.getClassName().startsWith("com.networknt") ? ""
                            : " by " + caller.getClassName().replace("com.networknt.schema.", "") + "." + caller.getMethodName()));
                    try {
                        return method.invoke(backing, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<Error> returned = schema().validate(badItems(200), ctx -> {
            ctx.executionConfig(b -> b.formatAssertionsEnabled(true));
            ctx.setErrors(spy);
        });
        assertSame(spy, returned, "networknt returns the list it was handed");
        assertTrue(backing.size() >= 200 * 8, "the document breaks the schema many times: " + backing.size());
        Set<String> methods = new TreeSet<>();
        calls.forEach(c -> methods.add(c.split(" ")[0]));
        assertTrue(Set.of("add", "addAll", "size", "isEmpty").containsAll(methods),
                "networknt called more than add, addAll, size and isEmpty on its list: " + calls);
        assertTrue(methods.contains("add") && methods.contains("size"), "what is relied on is still used: " + calls);
        System.out.println("BoundedErrorsUseTest: networknt's calls on its list: " + calls);
    }

    @Test
    void bounded_keepsWhatAnUnboundedRunFindsFirst_andCountsTheRest() {
        Schema s = schema();
        JsonNode doc = badItems(300);
        List<Error> all = s.validate(doc, ctx -> ctx.executionConfig(b -> b.formatAssertionsEnabled(true)));
        BoundedErrors bounded = new BoundedErrors(500);
        List<Error> returned = s.validate(doc, ctx -> {
            ctx.executionConfig(b -> b.formatAssertionsEnabled(true));
            ctx.setErrors(bounded);
        });
        assertSame(bounded, returned);
        assertTrue(all.size() > 1_000, "unbounded: " + all.size());
        assertEquals(500, bounded.size());
        List<String> first = all.subList(0, 500).stream().map(Error::toString).toList();
        assertEquals(first, bounded.stream().map(Error::toString).toList(), "the same first 500, in order");
        assertEquals(all.get(500).toString(), bounded.firstDropped().toString());
        // a correct list of what it keeps: every index below size() reads, and the iterator and subList agree
        assertEquals(bounded.get(bounded.size() - 1), bounded.subList(0, bounded.size()).get(499));
        assertThrows(IndexOutOfBoundsException.class, () -> bounded.get(500));
        // the count past the bound: this schema has unevaluatedProperties, whose annotations a full list may leave marked
        // valid (see the class): 5,128 counted here where an unbounded run finds 5,400 (networknt 3.0.9)
        System.out.println("BoundedErrorsUseTest: unbounded " + all.size() + ", bounded found " + bounded.found());
        assertTrue(bounded.found() > 500 && bounded.dropped() == bounded.found() - 500, "found " + bounded.found());
    }

    @Test
    void aListThatKeepsNothing_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedErrors(0));
    }
}
