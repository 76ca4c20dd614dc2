package com.partpal.db.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The design card's hexagonal layers, checked on the compiled production classes of every module. */
@AnalyzeClasses(packages = "com.partpal.db",
        importOptions = {ImportOption.DoNotIncludeTests.class, LayersTest.ProductionJarsOnly.class})
class LayersTest {
    private static final String DOMAIN = "com.partpal.db.domain..";
    private static final String APPLICATION = "com.partpal.db.application..";

    @ArchTest
    static final ArchRule domainDependsOnNothingButTheJdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule applicationDependsOnDomainOnly = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..");

    @ArchTest
    static final ArchRule noIoInTheCore = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\..*(Stream|Reader|Writer)")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Runtime");

    @ArchTest
    static final ArchRule databaseAdaptersNeverCallFrontEnds = noClasses()
            .that().resideInAnyPackage("com.partpal.db.adapters.sqlite..", "com.partpal.db.adapters.postgres..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("com.partpal.db.adapters.cli..", "com.partpal.db.adapters.http..");

    @ArchTest
    static final ArchRule databaseAdaptersAreIndependent = slices()
            .matching("com.partpal.db.adapters.(sqlite|postgres)..").should().notDependOnEachOther();

    // adapters-http holds no classes until the HTTP issue lands, so an empty rule is allowed here
    @ArchTest
    static final ArchRule httpDoesNotReachIntoOtherAdapters = noClasses()
            .that().resideInAPackage("com.partpal.db.adapters.http..")
            .should().dependOnClassesThat().resideInAnyPackage("com.partpal.db.adapters.cli..",
                    "com.partpal.db.adapters.sqlite..", "com.partpal.db.adapters.postgres..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.partpal.db.(**)").should().beFreeOfCycles();

    /** Test support shipped in test-jars (other modules' tests use it) is not production code. */
    static final class ProductionJarsOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static void everyModuleIsImported(JavaClasses classes) {
        for (String pkg : new String[] {"com.partpal.db.domain", "com.partpal.db.application",
                "com.partpal.db.adapters.sqlite", "com.partpal.db.adapters.postgres", "com.partpal.db.adapters.cli"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes imported from " + pkg + ": the layer rules would pass vacuously");
            }
        }
    }
}
