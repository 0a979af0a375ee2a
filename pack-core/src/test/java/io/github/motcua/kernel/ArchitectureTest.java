package io.github.motcua.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The kernel: no third-party type outside its YAML adapter, nothing above it, no package cycle. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua.kernel", "io.github.motcua.law", "io.github.motcua.dossier");

    @Test
    void jackson_onlyInTheYamlAdapter() {
        noClasses().that().haveNameNotMatching("io\\.github\\.motcua\\.kernel\\.YamlTrees(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void kernel_usesNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.motcua.rules..",
                "io.github.motcua.forms..", "io.github.motcua.fees..", "io.github.motcua.calendar..")
                .check(CLASSES);
    }

    @Test
    void packages_haveNoCycle() {
        slices().matching("io.github.motcua.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
