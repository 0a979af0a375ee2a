package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.internal.DossierJson;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 item 5: a dossier is checked one way. Duplicate keys are refused with the key's pointer; a
 * dossier built from Java records gets exactly the refusals its JSON form gets; numbers no double
 * holds are a violation at their pointer, not a JSON library message.
 */
class DossierChecksTest {
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");
    static Engine engine;

    @BeforeAll
    static void load(@TempDir Path dir) {
        engine = Motcua.engine().build();
        engine.load(HardeningPacks.copy("ho-tich", dir)).orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Map<String, Object> goodForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("giayChungSinh", "CO");
        return form;
    }

    static Dossier dossier(OffsetDateTime receivedAt, LocalDate asOf, Dossier.Applicant applicant, Map<String, Object> form,
            List<Dossier.ExcludedPeriod> periods) {
        return new Dossier("1.001193", Channel.DESK, receivedAt, null, asOf, applicant, form, Set.of(), periods);
    }

    @Test
    void decide_duplicateKeyInForm_refusedWithItsPointer() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(
                HardeningPacks.birth("{\"giayChungSinh\":\"KHONG\",\"giayChungSinh\":\"CO\"}")));
        assertEquals(1, e.violations().size(), e.violations().toString());
        assertEquals("DOSSIER_DUPLICATE_KEY", e.problems().get(0).code().name());
        assertEquals(List.of("/form/giayChungSinh: duplicate key [giayChungSinh] (write it once)"),
                e.messages(java.util.Locale.ENGLISH));
        assertEquals(List.of("/form/giayChungSinh: khóa [giayChungSinh] xuất hiện hai lần (chỉ ghi một lần)"),
                e.messages(java.util.Locale.forLanguageTag("vi")));
    }

    @Test
    void decide_duplicateKeyAnywhere_refusedWithItsPointer() {
        String[][] cases = {
            {"{\"procedure\":\"1.001193\",\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\"}", "/procedure"},
            {HardeningPacks.birth("{\"treEm\":{\"soPhieu\":1,\"soPhieu\":9}}"), "/form/treEm/soPhieu"},
            {HardeningPacks.birth("{\"a\":[{},{\"x/y\":1,\"x/y\":2}]}"), "/form/a/1/x~1y"},
        };
        for (String[] c : cases) {
            InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(c[0]));
            assertTrue(e.violations().get(0).startsWith(c[1] + ": "), e.violations().toString());
        }
    }

    @Test
    void decide_numberNoDoubleHolds_violationAtItsPointer() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class,
                () -> engine.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"soBan\":[1,-1e309]}}")));
        assertEquals(List.of("/form/treEm/soBan/1: a number too large to process, or not a number: [-Infinity]"),
                e.messages(java.util.Locale.ENGLISH));
        InvalidDossierException longer = assertThrows(InvalidDossierException.class,
                () -> engine.decide(HardeningPacks.birth("{\"soBan\":1" + "0".repeat(1000) + "}")));
        assertTrue(longer.violations().get(0).contains("a number longer than 1000 digits"), longer.violations().toString());
        assertFalse(longer.violations().get(0).contains("StreamReadConstraints"), longer.violations().toString());
    }

    /** The cases: year 99999 no longer decides ELIGIBLE with a late fee; OffsetDateTime.MAX is no raw DateTimeException. */
    @Test
    void decide_javaDossierOutOfRange_refusedLikeJson() {
        InvalidDossierException asOf = assertThrows(InvalidDossierException.class,
                () -> engine.decide(dossier(RECEIVED, LocalDate.of(99999, 1, 1), null, goodForm(), List.of())));
        assertEquals(List.of("/asOf: ngày ngoài các năm 0000-9999: [+99999-01-01]"),
                asOf.messages(java.util.Locale.forLanguageTag("vi")));
        InvalidDossierException max = assertThrows(InvalidDossierException.class,
                () -> engine.decide(dossier(OffsetDateTime.MAX, null, null, goodForm(), List.of())));
        assertTrue(max.violations().get(0).startsWith("/receivedAt: "), max.violations().toString());
        Map<String, Object> nan = goodForm();
        nan.put("soBan", Double.NaN);
        InvalidDossierException n = assertThrows(InvalidDossierException.class,
                () -> engine.decide(dossier(RECEIVED, null, null, nan, List.of())));
        assertTrue(n.violations().get(0).startsWith("/form/soBan: "), n.violations().toString());
        // and the good Java dossier still decides
        assertEquals(Eligibility.ELIGIBLE, engine.decide(dossier(RECEIVED, null, null, goodForm(), List.of())).eligibility());
    }

    static Stream<Arguments> javaDossiers() {
        List<Arguments> c = new ArrayList<>();
        for (int year : new int[] {-1, 0, 1, 2026, 9999, 10000, 99999}) {
            c.add(Arguments.of("receivedAt year " + year,
                    dossier(OffsetDateTime.of(year, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7)), null, null, goodForm(), List.of())));
            c.add(Arguments.of("asOf year " + year, dossier(RECEIVED, LocalDate.of(year, 3, 2), null, goodForm(), List.of())));
            c.add(Arguments.of("birthDate year " + year, dossier(RECEIVED, null,
                    new Dossier.Applicant(null, null, LocalDate.of(year, 3, 2), null, Set.of(), null), goodForm(), List.of())));
            Instant t = OffsetDateTime.of(year, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC).toInstant();
            c.add(Arguments.of("excluded period year " + year, dossier(RECEIVED, null, null, goodForm(),
                    List.of(new Dossier.ExcludedPeriod("SUPPLEMENT", t, t, null)))));
        }
        c.add(Arguments.of("receivedAt MAX", dossier(OffsetDateTime.MAX, null, null, goodForm(), List.of())));
        c.add(Arguments.of("receivedAt MIN", dossier(OffsetDateTime.MIN, null, null, goodForm(), List.of())));
        c.add(Arguments.of("asOf MAX", dossier(RECEIVED, LocalDate.MAX, null, goodForm(), List.of())));
        c.add(Arguments.of("excluded period to Instant.MAX", dossier(RECEIVED, null, null, goodForm(),
                List.of(new Dossier.ExcludedPeriod("SUPPLEMENT", Instant.EPOCH, Instant.MAX, null)))));
        for (String id : new String[] {"064198001234", "06419800123", "0641980012345", "０６４１９８００１２３４", "abcdefghijkl", ""}) {
            c.add(Arguments.of("personalId [" + id + "]", dossier(RECEIVED, null,
                    new Dossier.Applicant(id, null, null, null, Set.of(), null), goodForm(), List.of())));
        }
        for (String cat : new String[] {"POOR_HOUSEHOLD", "CHILD", "poor_household", "VIP"}) {
            c.add(Arguments.of("category " + cat, dossier(RECEIVED, null,
                    new Dossier.Applicant(null, null, null, null, Set.of(cat), null), goodForm(), List.of())));
        }
        return c.stream();
    }

    /** For every Java-built dossier: refused by the Java-side check exactly when its JSON form breaks the dossier schema. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("javaDossiers")
    void check_javaDossier_sameVerdictAsItsJson(String name, Dossier d) {
        boolean javaRefuses = !DossierJson.check(d).isEmpty();
        boolean jsonRefuses;
        try {
            DossierJson.parse(json(d));
            jsonRefuses = false;
        } catch (InvalidDossierException e) {
            jsonRefuses = true;
        }
        assertEquals(jsonRefuses, javaRefuses, name + ": " + json(d) + " / " + DossierJson.check(d));
    }

    /** The dossier's JSON form, written as a portal would (RFC 3339 with seconds; years as java.time prints them). */
    static String json(Dossier d) {
        DateTimeFormatter dt = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        StringBuilder sb = new StringBuilder("{\"procedure\":\"" + d.procedure() + "\",\"channel\":\"" + d.channel()
                + "\",\"receivedAt\":\"" + dt.format(d.receivedAt()) + "\"");
        if (d.asOf() != null) {
            sb.append(",\"asOf\":\"").append(d.asOf()).append('"');
        }
        if (d.applicant() != null) {
            Dossier.Applicant a = d.applicant();
            List<String> parts = new ArrayList<>();
            if (a.personalId() != null) {
                parts.add("\"personalId\":\"" + a.personalId() + "\"");
            }
            if (a.birthDate() != null) {
                parts.add("\"birthDate\":\"" + a.birthDate() + "\"");
            }
            if (!a.categories().isEmpty()) {
                parts.add("\"categories\":[" + a.categories().stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(",")) + "]");
            }
            sb.append(",\"applicant\":{").append(String.join(",", parts)).append('}');
        }
        if (!d.excludedPeriods().isEmpty()) {
            sb.append(",\"excludedPeriods\":[").append(d.excludedPeriods().stream().map(p -> "{\"kind\":\"" + p.kind()
                    + "\",\"from\":\"" + p.from() + "\",\"to\":\"" + p.to() + "\"}").collect(Collectors.joining(","))).append(']');
        }
        return sb.append(",\"form\":{\"giayChungSinh\":\"CO\"}}").toString();
    }
}
