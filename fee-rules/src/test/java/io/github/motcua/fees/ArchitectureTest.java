package io.github.motcua.fees;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Third-party types stay behind our API (STYLE.md habit 10). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.github.motcua.fees");

    @Test
    void fastexcel_onlyInTheXlsxReader() {
        // the reader, and what it tells of the hidden sheet and rows (XlsxHidden): both package-private
        noClasses().that().haveNameNotMatching(".*\\.Xlsx(Records|Hidden)(\\$.*)?").should().dependOnClassesThat()
                .resideInAPackage("org.dhatim..").check(CLASSES);
    }

    @Test
    void coreFeePackage_doesNotDependOnJqwik() {
        noClasses().that().resideInAPackage("io.github.motcua.fees").should().dependOnClassesThat()
                .resideInAPackage("net.jqwik..").check(CLASSES);
    }

    @Test
    void noDroolsNetworkntOrFreemarker() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "com.networknt..",
                "freemarker..").check(CLASSES);
    }
}
