package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.internal.FormLayout;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Form;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;

/**
 * A data-path procedure's form reads of top-level fields go through the form data's own keys, bound to the property
 * indices forms-core keeps for a document its fast path found valid (docs/performance.md, "Session 24"): the same rules
 * fire with the same actions as with the same data in a plain map (no keys kept), for fields present, absent, of the
 * wrong type, outside the schema, nested, and a property whose name has a dot (a dotted path still reads the nested
 * field); and an evaluator bound to one form's
 * layout that then meets another's (the forms reloaded, the properties in another order) binds again and reads right.
 */
class FormKeyReadsTest {
    private static final String HEADER = "package motcua.pK; import io.github.motcua.rules.vocabulary.Form; "
            + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Dossier; "
            + "import io.github.motcua.rules.vocabulary.Unit; global io.github.motcua.rules.vocabulary.Actions decision;\n";

    private static final String[] PROPERTIES = {
        "\"a\":{\"type\":\"string\"}",
        "\"n\":{\"type\":\"integer\"}",
        "\"x.y\":{\"type\":\"string\"}",
        "\"o\":{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"string\"}}}",
        "\"flag\":{\"type\":\"boolean\"}",
        "\"list\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",
        "\"loose\":{}"
    };

    private static String rule(String name, String when, String then) {
        return "rule \"" + name + "\" when " + when + " then " + then + "\nend\n";
    }

    private static final String RULES = rule("a", "Form( text(\"a\") == \"CO\" )", "decision.note(\"a\");")
            + rule("n", "Form( integer(\"n\") > 3 )", "decision.note(\"n\");")
            + rule("dotted property", "Form( text(\"x.y\") == \"Z\" )", "decision.note(\"x.y\");")
            + rule("nested", "Form( text(\"o.p\") == \"Q\" )", "decision.note(\"o.p\");")
            + rule("flag", "Form( bool(\"flag\") == true )", "decision.note(\"flag\");")
            + rule("list", "Form( count(\"list\") >= 2 )", "decision.note(\"list\");")
            + rule("absent", "Form( !has(\"a\"), !has(\"loose\") )", "decision.note(\"absent\");")
            + rule("outside", "Form( has(\"extra\") )", "decision.note(\"extra\");")
            + rule("loose text", "Form( text(\"loose\") == \"L\" )", "decision.note(\"loose\");");

    private static final List<String> DOCUMENTS = List.of(
            "{\"a\":\"CO\",\"n\":5,\"x.y\":\"Z\",\"o\":{\"p\":\"Q\"},\"flag\":true,\"list\":[\"u\",\"v\"],\"loose\":\"L\"}",
            "{\"n\":2}",
            "{}",
            "{\"list\":[\"u\"],\"flag\":false,\"a\":\"KHONG\",\"x.y\":\"Z\"}",
            "{\"o\":{\"p\":\"Q\"},\"a\":\"CO\",\"extra\":\"not in the schema\"}",
            // a dotted path reads the nested field, never the top-level property named with the dot: "x.y" fires here
            // only, and not on the first document, whose property "x.y" is "Z"
            "{\"x.y\":\"W\",\"x\":{\"y\":\"Z\"}}",
            "{\"loose\":7}", // the wrong type for text("loose"): the evaluator hands the dossier to the session
            "{\"n\":\"5\"}"); // not valid: networknt's report, no keys kept

    private static FormRegistry registry(String... properties) {
        String schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{"
                + String.join(",", properties) + "}}";
        return Forms.builder().packFiles(Map.of("procedures/K.1/form.schema.json", schema)).build();
    }

    private static DataEvaluator evaluator() throws Exception {
        PackageDescr pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                .parse(false, HEADER + RULES);
        assertNotNull(pd);
        DataRules.Translated t = DataRules.translate("motcua.pK", List.of(pd));
        assertNotNull(t, () -> DataRules.outside("motcua.pK", List.of(pd)));
        DataEvaluator e = DataEvaluator.of(t);
        assertNotNull(e);
        return e.bind(Map.of());
    }

    /** The run's actions and firings, then "fired" or "session" (a read threw), as DataEvaluatorTest words them. */
    private static List<String> evaluate(DataEvaluator e, Map<String, Object> formData) {
        List<String> out = new ArrayList<>();
        Actions decision = (Actions) java.lang.reflect.Proxy.newProxyInstance(FormKeyReadsTest.class.getClassLoader(),
                new Class<?>[] {Actions.class}, (proxy, m, args) -> {
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    out.add(m.getName() + Arrays.toString(args));
                    return null;
                });
        Object[] facts = {null, null, null, new Form(formData, DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
        String[] current = {null};
        int fired = e.fire(facts, formData, decision, new DataEvaluator.Firing() {
            @Override
            public boolean before(String rule, CompiledProcedure.RuleInfo info) {
                current[0] = rule;
                return false;
            }

            @Override
            public void after() {
                out.add("rule " + current[0]);
            }
        }, null, Integer.MAX_VALUE);
        out.add(fired == DataEvaluator.DROOLS ? "session" : "fired");
        return out;
    }

    private static Object layoutBound(DataEvaluator e) throws Exception {
        java.lang.reflect.Field f = DataEvaluator.class.getDeclaredField("formBinding");
        f.setAccessible(true);
        Object b = f.get(e);
        return b == null ? null : b.getClass().getMethod("layout").invoke(b);
    }

    /**
     * A bound read of a field the data lacks does not call {@link Form}: it answers {@link DataConditions.Read#missing}.
     * That answer is Form's own for every form read, as a value and standing alone as a condition (where a null
     * {@code bool} throws as the unboxing does).
     */
    @Test
    void aMissingFieldsAnswerIsFormsOwnForEveryFormRead() {
        int forms = 0;
        for (DataConditions.Read read : DataConditions.Read.values()) {
            if (read.fact != DataConditions.Fact.FORM) {
                continue;
            }
            forms++;
            for (Map<String, Object> data : List.<Map<String, Object>>of(Map.of(), Map.of("other", "x", "q", 5L))) {
                Form form = new Form(data, DataRulesTest.AS_OF, DataRulesTest.UNITS::get);
                assertEquals(read.read(form, "p", "FLAG"), read.missing(), read.name());
                if (read.type == DataConditions.Type.BOOLEAN || read.type == DataConditions.Type.BOOLEAN_OBJECT) {
                    Class<?> thrown = null;
                    Boolean answer = null;
                    try {
                        answer = read.test(form, "p", "FLAG");
                    } catch (RuntimeException e) {
                        thrown = e.getClass();
                    }
                    Class<?> thrownMissing = null;
                    Boolean answerMissing = null;
                    try {
                        answerMissing = read.testMissing();
                    } catch (RuntimeException e) {
                        thrownMissing = e.getClass();
                    }
                    assertEquals(thrown, thrownMissing, read.name());
                    assertEquals(answer, answerMissing, read.name());
                }
            }
        }
        assertEquals(9, forms);
    }

    @Test
    void readsThroughTheDataKeysGiveWhatThePathsGive_andAnotherLayoutBindsAgain() throws Exception {
        FormRegistry first = registry(PROPERTIES);
        String[] reversed = PROPERTIES.clone();
        java.util.Collections.reverse(Arrays.asList(reversed));
        FormRegistry reloaded = registry(reversed); // the same form, its properties in the other order
        DataEvaluator e = evaluator();
        List<List<String>> seen = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (FormRegistry forms : List.of(first, reloaded, first)) {
                for (String json : DOCUMENTS) {
                    FormReport r = forms.validate("K.1", json, Locale.ROOT);
                    Map<String, Object> data = r.data();
                    Object layout = FormLayout.layout(data);
                    assertEquals(r.valid(), layout != null, json + ": keys kept exactly for a document found valid");
                    if (layout != null) {
                        String[] keys = FormLayout.keys(data);
                        for (String k : data.keySet()) {
                            int i = FormLayout.indexOf(layout, k);
                            if (k.equals("extra") || k.equals("x")) {
                                assertEquals(-1, i, "a key outside the schema has no index");
                            } else {
                                assertSame(k, keys[i], json + ": the document's own key object");
                            }
                        }
                        assertEquals(-1, FormLayout.indexOf(layout, "missing"));
                    }
                    Map<String, Object> plain = new LinkedHashMap<>(data);
                    assertNull(FormLayout.layout(plain));
                    List<String> byPath = evaluate(e, plain);
                    List<String> byKey = evaluate(e, data);
                    assertEquals(byPath, byKey, json);
                    if (layout != null) {
                        assertSame(layout, layoutBound(e), "the evaluator is bound to the data's layout");
                    }
                    seen.add(byKey);
                }
            }
        }
        // the documents exercise what they are meant to: every rule fires somewhere, a read throws, and the two
        // registries' layouts differ
        String all = seen.toString();
        for (String note : List.of("note[a]", "note[n]", "note[x.y]", "note[o.p]", "note[flag]", "note[list]", "note[absent]",
                "note[extra]", "note[loose]")) {
            assertTrue(all.contains(note), note + " in " + all);
        }
        assertTrue(seen.stream().anyMatch(l -> l.contains("session")), all);
        assertEquals(6, seen.stream().filter(l -> l.contains("note[x.y]")).count(), all);
        Object l1 = FormLayout.layout(first.validate("K.1", "{}", Locale.ROOT).data());
        Object l2 = FormLayout.layout(reloaded.validate("K.1", "{}", Locale.ROOT).data());
        assertNotSame(l1, l2);
        assertTrue(FormLayout.indexOf(l1, "a") != FormLayout.indexOf(l2, "a"));
    }
}
