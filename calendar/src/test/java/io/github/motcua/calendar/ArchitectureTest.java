package io.github.motcua.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The calendar is pure Java on the kernel: no third-party type, no other module, no package cycle. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua.calendar");

    @Test
    void calendar_usesOnlyTheJdkAndTheKernel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml..",
                "org.drools..", "org.kie..", "com.networknt..", "freemarker..", "org.dhatim..", "org.snakeyaml..",
                "io.github.motcua.rules..", "io.github.motcua.forms..", "io.github.motcua.fees..")
                .check(CLASSES);
    }

    /** One package today: the rule holds as soon as the calendar grows sub-packages (issue 12 item 9). */
    @Test
    void packages_haveNoCycle() {
        slices().matching("io.github.motcua.calendar.(**)").should().beFreeOfCycles().allowEmptyShould(true)
                .check(CLASSES);
    }
}
