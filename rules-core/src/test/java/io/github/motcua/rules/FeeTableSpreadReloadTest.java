package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine with many procedures, whose fee tables its load parses in pieces on the load's threads (issue 15, session
 * 23: more than 64 tables), loads, refuses and reloads one procedure's edited fees as before: all or nothing, the edit's
 * own problems and nothing else, the serving pack kept on a refusal, the new rate served after a good edit and every
 * other procedure's fees unchanged; a broken first load reports the same problems as a reload of the same files.
 */
class FeeTableSpreadReloadTest {
    private static final int PROCEDURES = 150;
    private static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,basis\n";

    @TempDir
    Path dir;

    private static String code(int i) {
        return String.format(Locale.ROOT, "9.%06d", i);
    }

    private static String fees(String rate, String basis) {
        return HEADER + "RATE,trich-luc,LE_PHI,Cấp bản sao trích lục,Extract copy,FLAT," + rate + ",,,,,," + basis + "\n";
    }

    /** The test pack and {@link #PROCEDURES} copies of its marriage registration, each charging 8,000 đ. */
    private Path catalogue(String name) throws Exception {
        Path p = TestPacks.copy("ho-tich", dir.resolve(name));
        String procedure = Files.readString(p.resolve("procedures/1.000894/procedure.yaml"), StandardCharsets.UTF_8);
        for (int i = 0; i < PROCEDURES; i++) {
            Path folder = Files.createDirectories(p.resolve("procedures/" + code(i)));
            Files.writeString(folder.resolve("procedure.yaml"), procedure.replace("code: \"1.000894\"", "code: \"" + code(i) + "\""),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("fees.csv"), fees("8000", "LHT-2014-D11"), StandardCharsets.UTF_8);
        }
        return p;
    }

    private static long fee(Engine e, int i) {
        Decision d = e.decide("{\"procedure\":\"" + code(i) + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                + "\"form\":{}}");
        return d.fees().total().dong();
    }

    @Test
    void reloadOfOneProceduresFees_refusedWithItsOwnProblems_thenServedWhenFixed() throws Exception {
        Path pack = catalogue("p");
        try (Engine e = TestPacks.engine()) {
            PackInfo first = e.load(pack).orThrow();
            assertEquals(8_000, fee(e, 42));
            assertEquals(8_000, fee(e, 149));

            Path table = pack.resolve("procedures/" + code(42) + "/fees.csv");
            Files.writeString(table, fees("tám nghìn", "KHONG-CO-CAN-CU"), StandardCharsets.UTF_8);
            ReloadResult refused = e.reload(pack).join();
            assertFalse(refused.swapped());
            List<PackProblem> problems = refused.problems();
            assertEquals(List.of("FEES_NOT_WHOLE_NUMBER", "FEES_UNKNOWN_BASIS"), problems.stream().map(PackProblem::code).toList());
            assertTrue(problems.stream().allMatch(p -> p.file().equals("procedures/" + code(42) + "/fees.csv")), problems::toString);
            assertEquals(first, e.pack().orElseThrow(), "the serving pack keeps serving");
            assertEquals(8_000, fee(e, 42));
            try (Engine fresh = TestPacks.engine()) {
                assertEquals(problems, fresh.load(pack).problems(), "a first load of the same files says the same");
            }

            Files.writeString(table, fees("12000", "LHT-2014-D11"), StandardCharsets.UTF_8);
            ReloadResult fixed = e.reload(pack).join();
            assertTrue(fixed.swapped(), fixed.problems()::toString);
            assertEquals(12_000, fee(e, 42));
            for (int i = 0; i < PROCEDURES; i += 7) {
                if (i != 42) {
                    assertEquals(8_000, fee(e, i), code(i));
                }
            }
        }
    }
}
