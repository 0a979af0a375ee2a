package io.github.motcua.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Drools, KIE, networknt, fastexcel and Freemarker stay behind the internal package (STYLE habit 10). */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua.rules");

    @Test
    void apiPackages_doNotDependOnWrappedLibraries() {
        noClasses().that().resideInAnyPackage("io.github.motcua.rules", "io.github.motcua.rules.vocabulary",
                        "io.github.motcua.rules.spi", "io.github.motcua.rules.cases")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "com.networknt..",
                        "freemarker..", "org.dhatim..")
                .check(CLASSES);
    }
}
