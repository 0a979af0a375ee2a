package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Session 17: a {@code null} given to a fee-rules entry point is a programming error and fails at once with a
 * {@code NullPointerException} naming the argument, as forms-core's and rules-core's do — never the JDK's words from
 * deep inside (absent on a warm JVM), and never a problem that reads as if the file were at fault (a missing file's
 * {@code FEES_UNREADABLE} used to hide a {@code null} legal-basis resolver).
 */
class NullArgumentsTest {
    private static final byte[] CSV = LightTablesTest.LIGHT_FEES.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    static void namesTheArgument(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(argument, e.getMessage());
    }

    @Test
    void feeTablesFromFiles_nullArguments_namedBeforeAnyFileIsRead() {
        Path missing = Path.of("khong-co", "fees.csv");
        namesTheArgument("path", () -> FeeTables.parse((Path) null, FeeTablesTest.BASES, GiaLaiFees.catalog()));
        namesTheArgument("bases", () -> FeeTables.parse(missing, null, GiaLaiFees.catalog()));
        namesTheArgument("catalog", () -> FeeTables.parse(missing, FeeTablesTest.BASES, null));
        namesTheArgument("fees", () -> FeeTables.parse(null, missing, FeeTablesTest.BASES, GiaLaiFees.catalog()));
        namesTheArgument("exemptions", () -> FeeTables.parse(missing, null, FeeTablesTest.BASES, GiaLaiFees.catalog()));
        namesTheArgument("bases", () -> FeeTables.parse(missing, missing, null, GiaLaiFees.catalog()));
        // with every argument given, the missing file is the file's problem, as before
        assertEquals("FEES_UNREADABLE", FeeTables.parse(missing, FeeTablesTest.BASES, GiaLaiFees.catalog())
                .problems().get(0).code());
    }

    @Test
    void streams_catalogueAndAssessment_nullArguments_named() {
        namesTheArgument("in", () -> FeeTables.parseCsv("fees.csv", null, FeeTablesTest.BASES, GiaLaiFees.catalog()));
        namesTheArgument("in", () -> ExemptionCatalog.parse("exemptions.yaml", null, FeeTablesTest.BASES));
        namesTheArgument("bases", () -> ExemptionCatalog.parse("exemptions.yaml", new ByteArrayInputStream(new byte[0]), null));
        namesTheArgument("categories", () -> ExemptionCatalog.of(null));
        namesTheArgument("code", () -> GiaLaiFees.catalog().find(null));
        assertTrue(GiaLaiFees.catalog().find("KHONG_CO").isEmpty());
        FeeTable table = FeeTables.parseCsv("fees.csv", new ByteArrayInputStream(CSV), FeeTablesTest.BASES,
                GiaLaiFees.catalog()).orThrow();
        namesTheArgument("request", () -> table.assess(null));
        namesTheArgument("other", () -> Money.of(1).plus(null));
        namesTheArgument("other", () -> Money.of(1).minus(null));
        namesTheArgument("other", () -> Money.of(1).min(null));
        assertEquals(List.of(), List.copyOf(ExemptionCatalog.of(List.of()).categories()));
    }
}
