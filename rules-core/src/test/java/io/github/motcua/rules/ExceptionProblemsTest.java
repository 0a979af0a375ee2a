package io.github.motcua.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.motcua.calendar.DateOutOfRangeException;
import io.github.motcua.calendar.InvalidDeadlineException;
import io.github.motcua.fees.FeeException;
import io.github.motcua.forms.NoSuchFormException;
import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 5: every exception a caller can meet carries the kernel's problem data — a stable
 * code, the JSON pointer or pack position at fault, messages in Vietnamese and English — so a portal
 * answers a localised 400 with the field at fault without parsing a message.
 */
class ExceptionProblemsTest {
    private static Engine engine;

    @BeforeAll
    static void load() {
        engine = TestPacks.engine();
        engine.load(ExceptionProblemsTest.class.getClassLoader(), "packs/ho-tich").orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void everyPublicExceptionOfTheLibraryCarriesProblems() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.motcua");
        classes().that().areAssignableTo(RuntimeException.class).and().haveModifier(JavaModifier.PUBLIC)
                .should().implement(ProblemCarrier.class)
                .because("a caller renders the problem data (code, pointer, vi, en), never a flat string")
                .check(all);
    }

    @Test
    void schemaViolation_namesThePointerInBothLanguages() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class,
                () -> engine.decide(TestPacks.birth("{}").replace("\"DESK\"", "\"FAX\"")));
        Problem p = e.toProblems().stream().filter(x -> x.pointer().equals("/channel")).findFirst().orElseThrow();
        assertEquals("DOSSIER_SCHEMA", p.code().name());
        bothLanguages(p);
    }

    @Test
    void emptyAndMalformedDossiers_areBilingualWithTheirPosition() {
        Problem empty = assertThrows(InvalidDossierException.class, () -> engine.decide("")).toProblem();
        assertTrue(List.of("DOSSIER_EMPTY", "DOSSIER_NOT_JSON").contains(empty.code().name()), empty.toString());
        bothLanguages(empty);
        Problem syntax = assertThrows(InvalidDossierException.class, () -> engine.decide("{\"procedure\": ")).toProblem();
        assertEquals("DOSSIER_NOT_JSON", syntax.code().name());
        assertEquals(1, syntax.line());
        assertTrue(syntax.column() > 0, syntax.toString());
        bothLanguages(syntax);
    }

    @Test
    void unknownProcedure_pointsAtProcedure() {
        NoSuchProcedureException e = assertThrows(NoSuchProcedureException.class,
                () -> engine.decide(TestPacks.birth("{}").replace("1.001193", "9.999999")));
        Problem p = e.toProblem();
        assertEquals("UNKNOWN_PROCEDURE", p.code().name());
        assertEquals("/procedure", p.pointer());
        assertTrue(p.messageVi().contains("không có thủ tục [9.999999]"), p.messageVi());
        assertTrue(p.messageEn().contains("no procedure [9.999999]"), p.messageEn());
        assertEquals("9.999999", e.code());
    }

    @Test
    void unknownReceivingUnit_pointsAtUnit() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide(
                TestPacks.birth("{\"giayChungSinh\":\"CO\"}").replace("\"channel\"", "\"unit\":\"khong-co\",\"channel\"")));
        Problem p = e.toProblem();
        assertEquals("UNKNOWN_UNIT", p.code().name());
        assertEquals("/unit", p.pointer());
        bothLanguages(p);
    }

    @Test
    void noPackLoaded_isBilingual() {
        try (Engine empty = TestPacks.engine()) {
            Problem p = assertThrows(NoPackLoadedException.class, () -> empty.decide(TestPacks.birth("{}"))).toProblem();
            assertEquals("NO_PACK_LOADED", p.code().name());
            bothLanguages(p);
        }
    }

    @Test
    void unableToLoadPack_carriesEachPackProblemWithItsFileAndLine(@TempDir Path dir) {
        Path pack = TestPacks.copy("ho-tich", dir.resolve("pack"));
        TestPacks.edit(pack.resolve("procedures/1.001193/rules.drl"), s -> s + "\nrule \"gãy\" when then\n");
        try (Engine e = TestPacks.engine()) {
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class, () -> e.load(pack).orThrow());
            assertEquals(x.problems().size(), x.toProblems().size());
            for (int i = 0; i < x.problems().size(); i++) {
                PackProblem pp = x.problems().get(i);
                Problem p = x.toProblems().get(i);
                assertEquals(pp.code(), p.code().name());
                assertEquals(pp.file(), p.file());
                assertEquals(pp.line(), p.line());
                assertEquals(pp.messageVi(), p.messageVi());
                assertEquals(pp.messageEn(), p.messageEn());
            }
            assertTrue(x.toProblems().stream().anyMatch(p -> p.file().endsWith("rules.drl") && p.line() > 0),
                    x.toProblems().toString());
                // Vietnamese first, then English, then the problems one a line with their codes (session 19)
            String n = Integer.toString(x.problems().size());
            String[] lines = x.getMessage().split(System.lineSeparator());
            assertEquals("Không nạp được bộ quy tắc [" + pack + "]: " + n + " lỗi / unable to load pack [" + pack + "]: "
                    + n + " problem(s)", lines[0]);
            assertEquals(x.problems().size() + 1, lines.length, x.getMessage());
            assertEquals(x.problems().get(0).toString(), lines[1]);
            assertTrue(lines[1].contains("rules.drl:") && lines[1].contains(": [" + x.problems().get(0).code() + "] "), lines[1]);
        }
    }

    @Test
    void otherModulesExceptions_carryACodeAndAVietnameseMessage() {
        assertKind(new InvalidDeadlineException("a negative amount: [-1]"), "INVALID_DEADLINE", "Thời hạn không hợp lệ");
        assertKind(new DateOutOfRangeException("outside the lunar table: [1800-01-01]"), "DATE_OUT_OF_RANGE", "Ngày nằm ngoài");
        assertKind(new NoSuchFormException("x", "no form [x]"), "NO_SUCH_FORM", "Không có tờ khai");
        assertKind(new FeeException("no rate in force for [le-phi] on [2020-01-01]"), "FEE", "Lỗi tính phí");
    }

    @Test
    void rulesBundle_hasEveryKeyInBothLanguages() {
        assertEquals(List.of(), Messages.check(RulesMessages.BUNDLE));
    }

    private static void assertKind(ProblemCarrier e, String code, String viStart) {
        Problem p = e.toProblem();
        assertEquals(code, p.code().name());
        assertTrue(p.messageVi().startsWith(viStart), p.messageVi());
        assertFalse(p.messageEn().isBlank());
    }

    private static void bothLanguages(Problem p) {
        String vi = p.message(Locale.forLanguageTag("vi-VN"));
        String en = p.message(Locale.ENGLISH);
        assertFalse(vi.isBlank(), p.toString());
        assertFalse(en.isBlank(), p.toString());
        assertNotEquals(vi, en, "one language only: " + p);
    }
}
