package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.RulesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7.4, dossier JSON and form data: every hostile dossier gets a typed result (a decision, or a
 * documented {@link RulesException}) within a bounded time, and the engine keeps serving the same
 * good answer afterwards.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard for the whole corpus, not a performance assertion
class DossierCorpusTest {
    /** What a case must produce. */
    enum Expect {
        /** {@link InvalidDossierException}. */
        REJECTED,
        /** {@link NoSuchProcedureException}. */
        NO_SUCH_PROCEDURE,
        /** A decision that is not INDETERMINATE. */
        DECIDED,
        /** A decision, INDETERMINATE allowed (a rule met a value it cannot use), naming its cause. */
        DECIDED_OR_INDETERMINATE,
        /** A decision or a documented rejection: the JSON is legal but unusual (the point is: no crash). */
        TYPED
    }

    static final String GOOD = HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}");
    static Engine engine;
    static Decision baseline;

    @BeforeAll
    static void load(@org.junit.jupiter.api.io.TempDir Path dir) {
        engine = Motcua.engine().firingLimit(200).build();
        engine.load(HardeningPacks.copy("ho-tich", dir)).orThrow();
        baseline = engine.decide(GOOD);
        assertEquals(Eligibility.ELIGIBLE, baseline.eligibility());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static String dossier(String procedureCode, String extra) {
        return "{\"procedure\":\"" + procedureCode + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\""
                + extra + "}";
    }

    static String birthWith(String extra) {
        return dossier("1.001193", extra);
    }

    static String form(String formJson) {
        return HardeningPacks.birth(formJson);
    }

    static String nested(int depth, char open, char close, String leaf) {
        StringBuilder sb = new StringBuilder(depth * 2 + leaf.length());
        for (int i = 0; i < depth; i++) {
            sb.append(open);
            if (open == '{') {
                sb.append("\"a\":");
            }
        }
        sb.append(leaf);
        for (int i = 0; i < depth; i++) {
            sb.append(close);
        }
        return sb.toString();
    }

    static Stream<Arguments> corpus() {
        List<Arguments> c = new ArrayList<>();
        // --- malformed JSON
        String[] malformed = {"", " ", "\n", "{", "}", "[", "]", "[]", "null", "true", "0", "-1", "\"x\"", "{,}",
            "{'procedure':'1.001193'}", "{procedure:\"1.001193\"}", "{\"procedure\":\"1.001193\",}", "{\"a\":NaN}",
            "{\"a\":Infinity}", "/* c */ {}", "{} {}", "{\"procedure\":\"1.001193\"", "\u0000", "{\"a\":\"\u0001\"}",
            "{\"procedure\":\"1.001193\" \"channel\":\"DESK\"}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":tru}",
            "{\"a\":\"\\u12\"}", "{\"a\":\"\\x41\"}", "{\"a\" 1}", "[1,2", "{\"a\":[1,2}", "{{}}"};
        for (String m : malformed) {
            c.add(Arguments.of("malformed " + printable(m), m, Expect.REJECTED));
        }
        // --- every 9th truncation of a good dossier
        for (int cut = 1; cut < GOOD.length() - 1; cut += 9) {
            c.add(Arguments.of("truncated at " + cut, GOOD.substring(0, cut), Expect.REJECTED));
        }
        // --- depth and size
        c.add(Arguments.of("100,000-deep arrays in form", form("{\"x\":" + nested(100_000, '[', ']', "1") + "}"), Expect.REJECTED));
        c.add(Arguments.of("100,000-deep objects in form", form(nested(100_000, '{', '}', "1")), Expect.REJECTED));
        c.add(Arguments.of("100,000-deep arrays as the dossier", nested(100_000, '[', ']', "1"), Expect.REJECTED));
        c.add(Arguments.of("10 MB string in form", form("{\"hoTen\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}"), Expect.REJECTED));
        c.add(Arguments.of("10 MB procedure code", dossier("x".repeat(10 * 1024 * 1024), ""), Expect.REJECTED));
        c.add(Arguments.of("1 MB string in form (under the limit)", form("{\"hoTen\":\"" + "ă".repeat(1024 * 1024) + "\"}"), Expect.DECIDED));
        c.add(Arguments.of("20,000 keys in form", form(manyKeys(20_000)), Expect.DECIDED));
        c.add(Arguments.of("200,000-element array in form", form("{\"x\":[" + "1,".repeat(199_999) + "1]}"), Expect.DECIDED));
        c.add(Arguments.of("40-deep nesting in form (legal)", form("{\"x\":" + nested(40, '[', ']', "1") + "}"), Expect.DECIDED));
        // --- encodings and Unicode
        c.add(Arguments.of("byte-order mark before the JSON", "\uFEFF" + GOOD, Expect.TYPED));
        c.add(Arguments.of("invalid UTF-8 decoded into form text", form("{\"hoTen\":\"" + new String(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_8) + "\"}"), Expect.DECIDED));
        c.add(Arguments.of("invalid UTF-8 decoded into the procedure code", dossier(new String(new byte[] {'1', '.', (byte) 0xC0, (byte) 0xAF}, StandardCharsets.UTF_8), ""), Expect.NO_SUCH_PROCEDURE));
        c.add(Arguments.of("lone surrogate escape in form", form("{\"hoTen\":\"\\uD800\"}"), Expect.DECIDED));
        c.add(Arguments.of("NUL escape in form", form("{\"hoTen\":\"a\\u0000b\"}"), Expect.DECIDED));
        c.add(Arguments.of("NFD Vietnamese name", form("{\"hoTen\":\"" + Normalizer.normalize("Nguyễn Thị Ánh Tuyết", Normalizer.Form.NFD) + "\"}"), Expect.DECIDED));
        c.add(Arguments.of("NFD Vietnamese applicant", birthWith(",\"applicant\":{\"fullName\":\"" + Normalizer.normalize("Trần Đức Hưởng", Normalizer.Form.NFD) + "\"}"), Expect.DECIDED));
        c.add(Arguments.of("NFD value of a coded field", form("{\"giayChungSinh\":\"" + Normalizer.normalize("KHÔNG_CÓ", Normalizer.Form.NFD) + "\"}"), Expect.DECIDED));
        c.add(Arguments.of("right-to-left override in name", form("{\"hoTen\":\"\u202Eabc\"}"), Expect.DECIDED));
        c.add(Arguments.of("emoji in name", form("{\"hoTen\":\"\uD83D\uDE00\"}"), Expect.DECIDED));
        c.add(Arguments.of("NFD procedure code", dossier(Normalizer.normalize("1.001193\u0301", Normalizer.Form.NFD), ""), Expect.NO_SUCH_PROCEDURE));
        // --- wrong types and values
        String[][] wrong = {
            {"procedure is a number", "{\"procedure\":1001193,\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}"},
            {"procedure is empty", dossier("", "")},
            {"procedure is null", "{\"procedure\":null,\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}"},
            {"procedure missing", "{\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}"},
            {"channel lower case", "{\"procedure\":\"1.001193\",\"channel\":\"desk\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}"},
            {"channel is a number", "{\"procedure\":\"1.001193\",\"channel\":5,\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}"},
            {"channel missing", "{\"procedure\":\"1.001193\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}"},
            {"receivedAt is words", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"hôm qua\"}"},
            {"receivedAt is a number", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":1700000000}"},
            {"receivedAt without offset online", "{\"procedure\":\"1.001193\",\"channel\":\"ONLINE\",\"receivedAt\":\"2026-03-02T09:00:00\"}"},
            {"receivedAt 30 February without offset at the desk", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-02-30T09:00\"}"},
            {"receivedAt 30 February", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-02-30T09:00:00+07:00\"}"},
            {"receivedAt hour 25", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T25:00:00+07:00\"}"},
            {"receivedAt offset +25:00", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+25:00\"}"},
            {"receivedAt year 10000", "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"+10000-01-01T00:00:00+07:00\"}"},
            {"asOf is a number", birthWith(",\"asOf\":20260302")},
            {"asOf 30 February", birthWith(",\"asOf\":\"2026-02-30\"")},
            {"asOf with time", birthWith(",\"asOf\":\"2026-03-02T00:00\"")},
            {"unknown top-level field", birthWith(",\"foo\":1")},
            {"applicant is a string", birthWith(",\"applicant\":\"Nguyễn Văn A\"")},
            {"personalId is a number", birthWith(",\"applicant\":{\"personalId\":123456789012}")},
            {"personalId 11 digits", birthWith(",\"applicant\":{\"personalId\":\"12345678901\"}")},
            {"personalId with letters", birthWith(",\"applicant\":{\"personalId\":\"12345678901a\"}")},
            {"sex M", birthWith(",\"applicant\":{\"sex\":\"M\"}")},
            {"categories a string", birthWith(",\"applicant\":{\"categories\":\"POOR_HOUSEHOLD\"}")},
            {"categories unknown", birthWith(",\"applicant\":{\"categories\":[\"RICH\"]}")},
            {"categories duplicated", birthWith(",\"applicant\":{\"categories\":[\"CHILD\",\"CHILD\"]}")},
            {"birthDate 31 April", birthWith(",\"applicant\":{\"birthDate\":\"2000-04-31\"}")},
            {"applicant unknown field", birthWith(",\"applicant\":{\"tuoi\":30}")},
            {"form is an array", birthWith(",\"form\":[]")},
            {"form is a string", birthWith(",\"form\":\"x\"")},
            {"form is a number", birthWith(",\"form\":1")},
            {"heldData a string", birthWith(",\"heldData\":\"CSDL_QG_DAN_CU\"")},
            {"heldData numbers", birthWith(",\"heldData\":[1]")},
            {"heldData duplicated", birthWith(",\"heldData\":[\"A\",\"A\"]")},
            {"excludedPeriods without to", birthWith(",\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\",\"from\":\"2026-03-02T09:00:00+07:00\"}]")},
            {"excludedPeriods from is words", birthWith(",\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\",\"from\":\"x\",\"to\":\"y\"}]")},
            {"unknown receiving unit", birthWith(",\"unit\":\"KHONG-CO\"")},
            {"unit is a number", birthWith(",\"unit\":7")},
        };
        for (String[] w : wrong) {
            c.add(Arguments.of("wrong type: " + w[0], w[1], Expect.REJECTED));
        }
        // --- unknown procedures and traversal in codes
        for (String code : new String[] {"0.000000", "../../etc/passwd", "procedures/1.001193", "1.001193/../1.000894",
            "..", ".", "/", "\\\\..\\\\", "1.001193 ", " 1.001193", "1.001193\\n", "%2e%2e%2f", "CON", "1.001193;rm -rf /"}) {
            c.add(Arguments.of("procedure code " + printable(code), dossier(code, ""), Expect.NO_SUCH_PROCEDURE));
        }
        // --- extreme numbers in form data (rules read them with integer()/decimal())
        String[] numbers = {"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "1e308", "4.9e-324", "1e-400", "-0", "0.1e1", "123456789012345678901234567890.5",
            "1" + "0".repeat(999)};
        for (String n : numbers) {
            c.add(Arguments.of("number " + printable(n) + " as a quantity", form("{\"soBan\":" + n + ",\"giayChungSinh\":\"CO\"}"), Expect.DECIDED_OR_INDETERMINATE));
            c.add(Arguments.of("number " + printable(n) + " as a coded field", form("{\"giayChungSinh\":" + n + "}"), Expect.DECIDED_OR_INDETERMINATE));
        }
        // numbers JSON allows but no Java number holds (infinite doubles), or longer than the parser accepts
        for (String n : new String[] {"1e309", "-1e309", "1" + "0".repeat(1000)}) {
            c.add(Arguments.of("number " + printable(n) + " as a quantity", form("{\"soBan\":" + n + "}"), Expect.REJECTED));
            c.add(Arguments.of("number " + printable(n) + " in a nested field", form("{\"treEm\":{\"soBan\":[" + n + "]}}"), Expect.REJECTED));
        }
        // --- year 0 and 9999
        String[] dates = {"0000-01-01", "0000-02-29", "0001-01-01", "9999-12-31", "1900-02-28", "2100-02-28"};
        for (String d : dates) {
            c.add(Arguments.of("asOf " + d, birthWith(",\"asOf\":\"" + d + "\""), Expect.TYPED));
            c.add(Arguments.of("birthDate " + d, birthWith(",\"applicant\":{\"birthDate\":\"" + d + "\"}"), Expect.TYPED));
            c.add(Arguments.of("receivedAt " + d, "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"" + d + "T09:00:00+07:00\"}", Expect.TYPED));
            c.add(Arguments.of("form date " + d, form("{\"ngaySinh\":\"" + d + "\",\"treEm\":{\"ngaySinh\":\"" + d + "\"}}"), Expect.DECIDED_OR_INDETERMINATE));
        }
        // --- wrong types inside the form, read by rules
        String[] formValues = {"null", "true", "[]", "{}", "\"\"", "[\"CO\"]", "{\"CO\":true}", "\"CO\\u0000\""};
        for (String v : formValues) {
            c.add(Arguments.of("form giayChungSinh = " + printable(v), form("{\"giayChungSinh\":" + v + "}"), Expect.DECIDED_OR_INDETERMINATE));
        }
        return c.stream();
    }

    static String manyKeys(int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return sb.append('}').toString();
    }

    static String printable(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
        StringBuilder sb = new StringBuilder("[");
        t.codePoints().forEach(cp -> sb.append(cp < 0x20 ? String.format(Locale.ROOT, "\\u%04x", cp) : Character.toString(cp)));
        return sb.append(']').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decide_hostileDossier_givesTypedResultAndKeepsServing(String name, String json, Expect expect) {
        Object outcome;
        try {
            outcome = engine.decide(json);
        } catch (RulesException e) {
            outcome = e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("untyped failure for [" + name + "]: " + e, e);
            return;
        }
        switch (expect) {
            case REJECTED -> {
                assertTrue(outcome instanceof InvalidDossierException, name + " -> " + outcome);
                assertFalse(((InvalidDossierException) outcome).getMessage().isBlank());
            }
            case NO_SUCH_PROCEDURE -> assertTrue(outcome instanceof NoSuchProcedureException, name + " -> " + outcome);
            case DECIDED -> {
                assertTrue(outcome instanceof Decision, name + " -> " + outcome);
                assertTrue(((Decision) outcome).eligibility() != Eligibility.INDETERMINATE, name + " -> " + outcome);
            }
            case DECIDED_OR_INDETERMINATE -> {
                assertTrue(outcome instanceof Decision, name + " -> " + outcome);
                Decision d = (Decision) outcome;
                if (d.eligibility() == Eligibility.INDETERMINATE) {
                    assertNotNull(d.cause(), "an indeterminate decision must say why");
                }
            }
            case TYPED -> assertTrue(outcome instanceof Decision || outcome instanceof InvalidDossierException,
                    name + " -> " + outcome);
        }
        Decision again = engine.decide(GOOD);
        assertEquals(baseline.eligibility(), again.eligibility());
        assertEquals(baseline.components(), again.components());
    }

    @Test
    void corpus_hasAtLeastOneHundredCases() {
        assertTrue(corpus().count() >= 100, "corpus shrank: " + corpus().count());
    }
}
