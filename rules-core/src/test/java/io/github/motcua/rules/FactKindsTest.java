package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision inserts only the facts (dossier, applicant, receiving unit, form) some pattern of the procedure's
 * rules can match (docs/performance.md, "Session 8"): rules on each kind of fact, and rules that test that a
 * fact is absent ({@code not}) or present ({@code exists}), still see exactly the dossier's facts.
 */
class FactKindsTest {
    @TempDir
    Path dir;

    private static final String RULES = """
            rule "Nữ"
              @basis("LHT-2014-D16")
            when
              Applicant( sex == "FEMALE" )
            then
              decision.note("#female", "#female");
            end

            rule "Không có người nộp nam"
              @basis("LHT-2014-D16")
            when
              not Applicant( sex == "MALE" )
            then
              decision.note("#no-male", "#no-male");
            end

            rule "Nộp trực tuyến"
              @basis("LHT-2014-D16")
            when
              Dossier( channel == "ONLINE" )
            then
              decision.note("#online", "#online");
            end

            rule "Không nêu đơn vị"
              @basis("LHT-2014-D16")
            when
              not Unit()
            then
              decision.note("#no-unit", "#no-unit");
            end

            rule "Xã biên giới"
              @basis("LHT-2014-D16")
            when
              exists Unit( hasFlag("BORDER") )
            then
              decision.note("#border", "#border");
            end
            """;

    /** Only form rules: the other three facts are not inserted, and the form rules decide as before. */
    private static final String FORM_ONLY = """
            rule "Có giấy chứng sinh"
              @basis("LHT-2014-D16")
            when
              Form( text("giayChungSinh") == "CO" )
            then
              decision.note("#form-co", "#form-co");
            end
            """;

    /** The notes of this test's rules (they start with '#'), sorted. */
    private static List<String> notes(Decision d) {
        return d.notes().stream().map(Decision.Note::messageEn).filter(m -> m.startsWith("#")).sorted().toList();
    }

    private static String dossier(String channel, String unit, String applicant) {
        return "{\"procedure\":\"1.001193\",\"channel\":\"" + channel + "\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\""
                + (unit == null ? "" : ",\"unit\":\"" + unit + "\"") + (applicant == null ? "" : ",\"applicant\":" + applicant)
                + ",\"form\":{\"giayChungSinh\":\"CO\"}}";
    }

    @Test
    void rulesOnEachKindOfFact_seeExactlyTheDossiersFacts() {
        Path pack = TestPacks.copy("ho-tich", dir);
        TestPacks.write(pack.resolve("procedures/1.001193/rules.drl"), RULES);
        try (Engine e = TestPacks.loaded(pack)) {
            assertIterableEquals(List.of("#border", "#female", "#no-male", "#online"),
                    notes(e.decide(dossier("ONLINE", "52-xa-ia-o", "{\"sex\":\"FEMALE\"}"))));
            assertIterableEquals(List.of("#no-unit"),
                    notes(e.decide(dossier("DESK", null, "{\"sex\":\"MALE\"}"))));
            assertIterableEquals(List.of("#no-male"),
                    notes(e.decide(dossier("DESK", "52-phuong-pleiku", null))));
        }
    }

    @Test
    void procedureWithOnlyFormRules_decidesOnTheForm() {
        Path pack = TestPacks.copy("ho-tich", dir);
        TestPacks.write(pack.resolve("procedures/1.001193/rules.drl"), FORM_ONLY);
        try (Engine e = TestPacks.loaded(pack)) {
            Decision d = e.decide(dossier("ONLINE", "52-xa-ia-o", "{\"sex\":\"FEMALE\"}"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility(), String.valueOf(d.cause()));
            assertIterableEquals(List.of("#form-co"), notes(d));
        }
    }
}
