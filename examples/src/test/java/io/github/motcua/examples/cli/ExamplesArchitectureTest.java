package io.github.motcua.examples.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The examples are written against motcua's public API only (STYLE.md habits 1 and 10): no
 * {@code .internal} package, and no wrapped library (Drools, KIE, Freemarker, networknt) in the
 * examples' main code.
 */
class ExamplesArchitectureTest {
    static final JavaClasses EXAMPLES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua.examples");

    @Test
    void examples_useNoInternalPackage() {
        noClasses().that().resideInAPackage("io.github.motcua.examples..")
                .should().dependOnClassesThat().resideInAPackage("io.github.motcua..internal..")
                .check(EXAMPLES);
    }

    @Test
    void examples_useNoWrappedLibraryDirectly() {
        noClasses().that().resideInAPackage("io.github.motcua.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "freemarker..",
                        "com.networknt..")
                .check(EXAMPLES);
    }
}
