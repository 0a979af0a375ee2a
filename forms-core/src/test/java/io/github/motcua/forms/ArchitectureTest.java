package io.github.motcua.forms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Third-party types stay behind our API (STYLE.md habit 10). */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua.forms");

    @Test
    void libraries_usedOnlyInInternalPackage() {
        noClasses().that().resideOutsideOfPackage("io.github.motcua.forms.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("com.networknt..", "freemarker..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void publicApi_doesNotExposeInternal() {
        noClasses().that().resideInAnyPackage("io.github.motcua.forms", "io.github.motcua.forms.spi", "io.github.motcua.forms.document")
                .and().haveNameNotMatching("io\\.github\\.motcua\\.forms\\.Forms(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("io.github.motcua.forms.internal..")
                .check(CLASSES);
    }
}
