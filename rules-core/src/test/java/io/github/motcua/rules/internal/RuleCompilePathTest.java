package io.github.motcua.rules.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * One way from rule text to something that runs: only {@link RuleClasses} builds a KieBase or
 * defines classes from bytes, so no load, reload, case run or lazy compile can skip the descriptor
 * restriction and the bytecode verifier.
 */
class RuleCompilePathTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua");

    @Test
    void onlyRuleClasses_buildsAKieBase() {
        noClasses().that().doNotHaveFullyQualifiedName(RuleClasses.class.getName())
                .and().doNotHaveFullyQualifiedName(RuleClasses.RuleClassLoader.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.builder.KnowledgeBuilderFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.builder.KnowledgeBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.api.builder.KieBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.utils.KieHelper")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.drools.modelcompiler.KieBaseBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.drools.model.codegen.execmodel.ModelBuilderImpl")
                .orShould().callMethod(ClassLoader.class, "defineClass", String.class, byte[].class, int.class, int.class)
                .check(CLASSES);
    }
}
