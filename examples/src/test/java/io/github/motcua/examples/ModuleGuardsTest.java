package io.github.motcua.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Guards over every library module (pack-core, calendar, forms-core, fee-rules, fee-testkit,
 * rules-core, rules-testing, catalogue-import, service), checked here because only this module sees
 * them all — {@link #everyLibraryModule_isImported()} fails when a module or package of the reactor
 * is left out:
 * <ul>
 * <li>no third-party type (Drools, KIE, networknt, Jackson, Freemarker, POI, fastexcel, picocli,
 * snakeyaml) in a public signature of a public type outside an {@code internal} package;</li>
 * <li>no cycle between modules, and none between the packages of a module except the two kinds
 * every module with an SPI and a hidden implementation has, named in {@link #ALLOWED};</li>
 * <li>no two public types of the public API share a simple name ({@link #SAME_NAME_ALLOWED} lists the
 * exceptions, each with its reason).</li>
 * </ul>
 */
class ModuleGuardsTest {
    static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/examples/") && !location.contains("/benchmarks/"))
            .importPackages("io.github.motcua.kernel", "io.github.motcua.law", "io.github.motcua.dossier",
                    "io.github.motcua.calendar", "io.github.motcua.forms", "io.github.motcua.fees", "io.github.motcua.rules",
                    "io.github.motcua.catalogue", "io.github.motcua.service");

    /** Reactor modules that are not libraries: the BOM, the examples themselves, the benchmarks, the consumer checks. */
    static final Set<String> NOT_LIBRARIES = Set.of("motcua-bom", "examples", "benchmarks", "consumer-it");

    /**
     * Every package with main code in every library module of the reactor (../pom.xml) is among the
     * classes the guards check: a new module, or a module left out of the import, fails here.
     */
    @Test
    void everyLibraryModule_isImported() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("..");
        String pom = java.nio.file.Files.readString(root.resolve("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        Set<String> guarded = new java.util.TreeSet<>();
        LIBRARY.forEach(c -> guarded.add(c.getPackageName()));
        List<String> missing = new java.util.ArrayList<>();
        int modules = 0;
        while (m.find()) {
            String module = m.group(1).trim();
            java.nio.file.Path src = root.resolve(module).resolve("src/main/java");
            if (NOT_LIBRARIES.contains(module) || !java.nio.file.Files.isDirectory(src)) {
                continue;
            }
            modules++;
            try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(src)) {
                walk.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
                        .map(f -> src.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                        .distinct().filter(pkg -> !guarded.contains(pkg)).forEach(pkg -> missing.add(module + ": " + pkg));
            }
        }
        assertTrue(modules >= 9, "library modules found in ../pom.xml: " + modules);
        assertTrue(missing.isEmpty(), "packages no guard checks: " + missing);
    }

    static final List<String> THIRD_PARTY = List.of("org.drools.", "org.kie.", "com.networknt.", "tools.jackson.",
            "com.fasterxml.", "freemarker.", "org.apache.poi.", "org.dhatim.", "picocli.", "org.snakeyaml.", "org.yaml.",
            "org.mvel2.");

    static boolean thirdParty(JavaClass c) {
        String n = c.getName();
        return THIRD_PARTY.stream().anyMatch(n::startsWith);
    }

    static boolean api(JavaClass owner) {
        String p = owner.getPackageName();
        return owner.getModifiers().contains(JavaModifier.PUBLIC) && !p.contains(".internal");
    }

    static final ArchCondition<JavaCodeUnit> EXPOSE_NO_THIRD_PARTY_TYPE = new ArchCondition<>("expose no third-party type") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
            Set<JavaClass> types = new LinkedHashSet<>(unit.getReturnType().getAllInvolvedRawTypes());
            unit.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
            types.addAll(unit.getThrowsClause().getTypes());
            for (JavaClass t : types) {
                if (thirdParty(t)) {
                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
                }
            }
        }
    };

    @Test
    void publicSignatures_exposeNoThirdPartyType() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat(DescribedPredicate.describe("public API types",
                ModuleGuardsTest::api)).should(EXPOSE_NO_THIRD_PARTY_TYPE).check(LIBRARY);
        fields().that().arePublic().and().areDeclaredInClassesThat(DescribedPredicate.describe("public API types",
                ModuleGuardsTest::api)).should(new ArchCondition<JavaField>("expose no third-party type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        for (JavaClass t : field.getType().getAllInvolvedRawTypes()) {
                            if (thirdParty(t)) {
                                events.add(SimpleConditionEvent.violated(field, field.getFullName() + " exposes " + t.getName()));
                            }
                        }
                    }
                }).check(LIBRARY);
    }

    /**
     * Public only because tests in the module's public package use them (the bundle test, the
     * identifier properties, the reload stress test); no main code outside their package does.
     */
    static final Set<String> PUBLIC_FOR_TESTS = Set.of("io.github.motcua.forms.internal.Messages",
            "io.github.motcua.forms.internal.VnIdentifiers", "io.github.motcua.rules.internal.PackFiles",
            "io.github.motcua.rules.internal.Schemas");
    /**
     * Internal classes public because generated rule code, defined by its own class loader in each procedure's
     * package, calls them; the guard sees only the library's classes, not those. {@code FormConditions}: the library
     * form conditions the rule compiler puts in place of generated condition lambdas (docs/security.md, library form
     * conditions; the bytecode verifier allows exactly its two factories).
     */
    static final Set<String> PUBLIC_FOR_GENERATED_CODE = Set.of("io.github.motcua.rules.internal.FormConditions");

    /**
     * Three visibility tiers (STYLE habit 1): a class of an {@code internal} package is public only
     * when main code outside that package uses it ({@link #PUBLIC_FOR_TESTS} and {@link #PUBLIC_FOR_GENERATED_CODE}
     * aside); everything else
     * there is package-private.
     */
    @Test
    void internalClasses_publicOnlyWhenAnotherPackageUsesThem() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("..internal..")
                .and().arePublic().and().areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("be used from outside their package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean outside = c.getDirectDependenciesToSelf().stream()
                                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()));
                        if (!outside && !PUBLIC_FOR_TESTS.contains(c.getName()) && !PUBLIC_FOR_GENERATED_CODE.contains(c.getName())) {
                            events.add(SimpleConditionEvent.violated(c, c.getName()
                                    + " is public but only its own package uses it: make it package-private"));
                        }
                    }
                }).check(LIBRARY);
    }

    /** The guards see real classes: inside internal packages Jackson and Drools types are in signatures, and cycles exist. */
    @Test
    void guards_findWhatTheyLookFor_whereItIsAllowed() {
        assertTrue(codeUnits().that().arePublic().and().areDeclaredInClassesThat()
                .resideInAPackage("io.github.motcua.rules.internal").should(EXPOSE_NO_THIRD_PARTY_TYPE)
                .evaluate(LIBRARY).hasViolation(), "rules.internal has Jackson in public signatures");
        assertTrue(packageSlices().should().beFreeOfCycles().evaluate(LIBRARY).hasViolation(),
                "without the allowed shapes, rules <-> rules.internal is a cycle");
    }

    /**
     * A type of the public API: public, outside an {@code internal} package, and (when nested) inside
     * types that are public too; anonymous and local classes are not.
     */
    static boolean publicApiType(JavaClass c) {
        if (!api(c) || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        return c.getEnclosingClass().map(ModuleGuardsTest::publicApiType).orElse(true);
    }

    /**
     * Public types that may share a simple name with another public type, each with its reason (issue 12
     * item 10, docs/architecture.md "Names"). Anything else sharing a name fails
     * {@link #publicTypes_haveDistinctSimpleNames()}.
     */
    static final Set<String> SAME_NAME_ALLOWED = Set.of(
            // 1. The facts analysts write in every pack's rules (Applicant(age >= 16), Dossier(channel == ...))
            // beside the embedding API's input (Dossier.builder(...), Dossier.Applicant.builder(), docs entry
            // points). Renaming the facts would break every .drl, the YAML rules' translation and the linter's
            // fact list; embedders never import the vocabulary package, and the nested record is always spelt
            // Dossier.Applicant. Only rules-core's evaluator, which turns one into the other, meets both.
            "io.github.motcua.rules.vocabulary.Applicant", "io.github.motcua.rules.vocabulary.Dossier",
            "io.github.motcua.rules.Dossier", "io.github.motcua.rules.Dossier$Applicant",
            // 2. Old names kept one release, deprecated, so embedders' code compiles while they move
            // (document.Applicant -> Addressee, Decision.FormReport -> FormCheck, DossierComponent.Form ->
            // CopyKind, DossierComponent.DataSource -> Database; see OLD_NAMES), and the names they clashed
            // with, which stay: forms-core's FormReport (a README entry point), the vocabulary's Form fact
            // (the rule language) and forms-core's prefill SPI DataSource.
            "io.github.motcua.forms.document.Applicant", "io.github.motcua.rules.Decision$FormReport",
            "io.github.motcua.rules.DossierComponent$Form", "io.github.motcua.rules.DossierComponent$DataSource",
            "io.github.motcua.forms.FormReport", "io.github.motcua.rules.vocabulary.Form",
            "io.github.motcua.forms.spi.DataSource",
            // 3. One value, two types: the kernel's text (modules below rules-core) and rules-core's, which the
            // decision's public records carry; a record cannot be aliased, and each converts to the other.
            "io.github.motcua.kernel.LocalizedText", "io.github.motcua.rules.LocalizedText",
            // 4. Nested types named for their role in their owner and always spelt through it (Forms.Builder,
            // FeeDirective.Kind, PackSection.Result): the owner says which thing it is.
            "io.github.motcua.fees.testkit.FormArbitraries$Builder", "io.github.motcua.forms.Forms$Builder",
            "io.github.motcua.rules.Dossier$Builder", "io.github.motcua.service.DecisionService$Builder",
            "io.github.motcua.forms.document.DocumentHeader$Builder", "io.github.motcua.forms.document.ReceiptSlip$Builder",
            "io.github.motcua.fees.FeeLine$Builder",
            "io.github.motcua.calendar.DeadlineAdjustment$Kind", "io.github.motcua.catalogue.imports.Change$Kind",
            "io.github.motcua.catalogue.imports.ImportProblem$Kind", "io.github.motcua.fees.FeeAdjustment$Kind",
            "io.github.motcua.fees.FeeDirective$Kind", "io.github.motcua.kernel.PackNode$Kind",
            "io.github.motcua.rules.Decision$TraceStep$Kind", "io.github.motcua.rules.RuleSummary$Kind",
            "io.github.motcua.rules.DecisionPath$Kind",
            "io.github.motcua.fees.ExemptionCatalog$Result", "io.github.motcua.rules.spi.PackSection$Result",
            "io.github.motcua.forms.RenderingFailedException$Reason", "io.github.motcua.rules.Decision$Reason",
            "io.github.motcua.catalogue.imports.NationalLayer$Source", "io.github.motcua.rules.Procedure$Source",
            "io.github.motcua.fees.ExemptionCategory$Match", "io.github.motcua.rules.vocabulary.BoundedPattern$Match",
            // 5. One idea at two stages, each nested in the stage it belongs to: what the procedure declares
            // (Procedure.Commitment, Procedure.Competence.Transfer) and what a decision applied
            // (Decision.Commitment, Decision.Transfer).
            "io.github.motcua.rules.Procedure$Commitment", "io.github.motcua.rules.Decision$Commitment",
            "io.github.motcua.rules.Procedure$Competence$Transfer", "io.github.motcua.rules.Decision$Transfer");

    /** The old names of group 2 above: each must be {@code @Deprecated}, so it goes in the next release. */
    static final Set<String> OLD_NAMES = Set.of("io.github.motcua.forms.document.Applicant",
            "io.github.motcua.rules.Decision$FormReport", "io.github.motcua.rules.DossierComponent$Form",
            "io.github.motcua.rules.DossierComponent$DataSource");

    /** Public API types by simple name; those of a name that several types share but the allow-list does not cover. */
    static List<String> clashes(Set<String> allowed) {
        java.util.Map<String, List<String>> byName = new java.util.TreeMap<>();
        LIBRARY.stream().filter(ModuleGuardsTest::publicApiType)
                .forEach(c -> byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName()));
        // the scan sees nested types and every module: a name from each kind of place is among them
        assertTrue(byName.size() > 200 && byName.keySet().containsAll(List.of("Decision", "Key", "FormRegistry",
                "LegalBasis", "DeadlineResult", "FeeAssessment", "PackTests", "DecisionService")),
                "public types seen: " + byName.keySet());
        List<String> clashes = new java.util.ArrayList<>();
        byName.forEach((name, types) -> {
            if (types.size() > 1 && !allowed.containsAll(types)) {
                clashes.add(name + ": " + types.stream().sorted().toList());
            }
        });
        return clashes;
    }

    /**
     * No two types of the public API (every library module's non-internal packages, top-level and
     * nested) share a simple name, except the commented {@link #SAME_NAME_ALLOWED}; the allow-list holds
     * no stale entry, and its old names are deprecated.
     */
    @Test
    void publicTypes_haveDistinctSimpleNames() {
        List<String> clashes = clashes(SAME_NAME_ALLOWED);
        assertTrue(clashes.isEmpty(), "public types sharing a simple name (rename one, or give the reason in"
                + " SAME_NAME_ALLOWED): " + clashes);
        java.util.Map<String, JavaClass> api = new java.util.HashMap<>();
        LIBRARY.stream().filter(ModuleGuardsTest::publicApiType).forEach(c -> api.put(c.getName(), c));
        for (String allowed : SAME_NAME_ALLOWED) {
            JavaClass c = api.get(allowed);
            assertTrue(c != null, "SAME_NAME_ALLOWED names no public API type (remove it): " + allowed);
            assertTrue(api.values().stream().filter(o -> o != c).anyMatch(o -> o.getSimpleName().equals(c.getSimpleName())),
                    "SAME_NAME_ALLOWED names a type no other shares its name with (remove it): " + allowed);
        }
        for (String old : OLD_NAMES) {
            assertTrue(SAME_NAME_ALLOWED.contains(old) && api.get(old).isAnnotatedWith(Deprecated.class),
                    "an old name kept one release is deprecated: " + old);
        }
    }

    /** The scan sees the clashes it exists for: without the allow-list, the nested and the old names are reported. */
    @Test
    void sameNameGuard_reportsClashesOutsideTheAllowList() {
        String all = String.join("\n", clashes(Set.of()));
        assertTrue(all.contains("FormReport: [io.github.motcua.forms.FormReport, io.github.motcua.rules.Decision$FormReport]")
                && all.contains("io.github.motcua.rules.Dossier$Builder"), all);
    }

    /** The module a package belongs to. */
    static String module(String pkg) {
        if (pkg.startsWith("io.github.motcua.kernel") || pkg.startsWith("io.github.motcua.law")
                || pkg.startsWith("io.github.motcua.dossier")) {
            return "pack-core";
        }
        if (pkg.startsWith("io.github.motcua.fees.testkit")) {
            return "fee-testkit";
        }
        if (pkg.startsWith("io.github.motcua.rules.testing")) {
            return "rules-testing";
        }
        String[] parts = pkg.split("\\.");
        return parts.length > 3 ? parts[3] : pkg;
    }

    @Test
    void modules_haveNoCycle() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("io.github.motcua") ? SliceIdentifier.of(module(c.getPackageName()))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "modules";
            }
        }).should().beFreeOfCycles().check(LIBRARY);
    }

    /**
     * Inside a module, a package cycle is allowed in exactly two shapes: the module's public package
     * reaching into its {@code internal} implementation (the front door — {@code Motcua}/{@code
     * EngineBuilder}, {@code Forms}, and the value types whose JSON lives there), and the public package
     * accepting its {@code spi} extension points, whose signatures in turn use the public values. Every
     * other package cycle is refused.
     */
    static final String ALLOWED = "a front door (Motcua's EngineBuilder, Decision.toJson, Dossier.fromJson, PrebuiltPack, Forms) may use"
            + " its module's internal package, and a public package may accept its module's spi types";

    /** The classes of a public package that hand over to the hidden implementation. */
    static final Set<String> FRONT_DOORS = Set.of("io.github.motcua.rules.EngineBuilder", "io.github.motcua.rules.Decision",
            "io.github.motcua.rules.Dossier", "io.github.motcua.rules.Tracking", "io.github.motcua.rules.PrebuiltPack",
            "io.github.motcua.forms.Forms");

    static boolean frontDoor(JavaClass c) {
        String n = c.getName();
        int inner = n.indexOf('$');
        return FRONT_DOORS.contains(inner < 0 ? n : n.substring(0, inner));
    }

    static com.tngtech.archunit.library.dependencies.syntax.GivenSlices packageSlices() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.startsWith("io.github.motcua") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages";
            }
        });
    }

    @Test
    void packagesInsideEachModule_haveNoCycleBeyondTheAllowedShapes() {
        packageSlices().should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("a front door", ModuleGuardsTest::frontDoor),
                        DescribedPredicate.describe("an internal package", (JavaClass c) -> c.getPackageName().contains(".internal")))
                .ignoreDependency(DescribedPredicate.describe("a public package",
                        (JavaClass c) -> !c.getPackageName().contains(".internal") && !c.getPackageName().endsWith(".spi")),
                        DescribedPredicate.describe("an spi package", (JavaClass c) -> c.getPackageName().endsWith(".spi")))
                .because(ALLOWED).check(LIBRARY);
    }
}
