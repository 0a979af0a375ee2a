package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.testkit.DossierArbitraries;
import io.github.motcua.fees.testkit.FeeInvariants;
import io.github.motcua.fees.testkit.FeeOracle;
import io.github.motcua.fees.testkit.FormArbitraries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fee invariants of the property-test kit, run over every Gia Lai fee table in the repository. */
class GiaLaiFeeTableProperties {

    static final Map<String, FeeTable> TABLES = new HashMap<>();
    static final Function<String, Set<String>> UNIT_FLAGS = code -> switch (code) {
        case "52-xa-ia-o" -> Set.of("BORDER", "MOUNTAINOUS");
        case "52-xa-dac-biet-kho-khan" -> Set.of("DISADVANTAGED", "REMOTE");
        default -> Set.of();
    };

    static {
        for (String code : GiaLaiFees.CODES) {
            TABLES.put(code, GiaLaiFees.table(code));
        }
    }

    /** One oracle for the whole pack: the table of the dossier's procedure. */
    static final FeeOracle ORACLE = dossier -> FeeOracle.of(TABLES.get((String) dossier.get("procedure")), UNIT_FLAGS)
            .assess(dossier);

    static String resource(String name) {
        try (InputStream in = GiaLaiFees.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> dossiers() {
        Arbitrary<Map<String, Object>> form = FormArbitraries.builder(resource("/forms/fees-test.schema.json"))
                .shared(resource("/forms/common.schema.json")).build();
        return Arbitraries.of(GiaLaiFees.CODES).flatMap(code -> DossierArbitraries.forProcedure(code)
                .units(List.of("52-xa-ia-o", "52-xa-dac-biet-kho-khan", "52-phuong-quy-nhon"))
                .receivedBetween(LocalDateTime.of(2025, 1, 1, 7, 0), LocalDateTime.of(2027, 12, 31, 17, 0))
                .form(form)
                .build());
    }

    @Property(tries = 400)
    void everyTable_obeysTheSingleDossierInvariants(@ForAll("dossiers") Map<String, Object> dossier) {
        FeeInvariants.checkAll(ORACLE, dossier);
    }

    @Property(tries = 300)
    void everyTable_neverFallsWhenAQuantityRises(@ForAll("dossiers") Map<String, Object> dossier) {
        for (String path : TABLES.get((String) dossier.get("procedure")).quantityPaths()) {
            FeeInvariants.quantityMonotonic(ORACLE, dossier, path);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> births() {
        Arbitrary<Map<String, Object>> form = Arbitraries.integers().between(0, 120)
                .map(daysBefore -> Map.<String, Object>of("treEm",
                        Map.of("ngaySinh", LocalDate.of(2026, 6, 30).minusDays(daysBefore).toString())));
        return DossierArbitraries.forProcedure("1.001193")
                .receivedBetween(LocalDateTime.of(2026, 6, 30, 7, 0), LocalDateTime.of(2026, 6, 30, 17, 0))
                .form(form).build();
    }

    /** Luật Hộ tịch Art. 11(1) with Art. 15: free iff registered within 60 days of birth or in an Art. 11(1)(a) group. */
    @Property(tries = 300)
    @SuppressWarnings("unchecked")
    void birthRegistration_isFreeExactlyWhenOnTimeOrInAnExemptGroup(@ForAll("births") Map<String, Object> dossier) {
        FeeInvariants.checkAll(ORACLE, dossier);
        LocalDate born = LocalDate.parse((String) ((Map<String, Object>) ((Map<String, Object>) dossier.get("form"))
                .get("treEm")).get("ngaySinh"));
        boolean onTime = !LocalDate.of(2026, 6, 30).isAfter(born.plusDays(60));
        List<String> cats = (List<String>) ((Map<String, Object>) dossier.get("applicant")).get("categories");
        boolean group = cats.stream().anyMatch(Set.of("POOR_HOUSEHOLD", "MERITORIOUS", "DISABLED", "MARTYR_RELATIVE")::contains);
        long total = ORACLE.assess(dossier).total().dong();
        if (onTime || group) {
            assertEquals(0, total, dossier.toString());
        } else {
            assertTrue(total > 0, dossier.toString());
        }
    }

    @Property(tries = 300)
    void everyTable_ignoresFieldsItDoesNotRead(@ForAll("dossiers") Map<String, Object> dossier) {
        FeeInvariants.unreadFieldsIrrelevant(ORACLE, dossier, TABLES.get((String) dossier.get("procedure")).formPaths());
    }
}
