package com.partpal.db.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The design card's hexagonal layers as ArchUnit rules. {@link LayersTest} runs them on the production classes;
 * {@link PlantedViolationsTest} runs each against a planted offender to prove it can fail.
 */
final class LayerRules {
    static final String DOMAIN = "com.partpal.db.domain..";
    static final String APPLICATION = "com.partpal.db.application..";
    static final String SQLITE = "com.partpal.db.adapters.sqlite..";
    static final String POSTGRES = "com.partpal.db.adapters.postgres..";
    static final String HTTP = "com.partpal.db.adapters.http..";
    static final String CLI = "com.partpal.db.adapters.cli..";
    static final String FILES = "com.partpal.db.adapters.files..";
    static final String WIRING = "com.partpal.db.adapters.cli.wiring..";
    /** Developer tools that start throwaway servers and write sample files themselves. */
    static final String BENCH = "com.partpal.db.adapters.cli.bench..";

    @ArchTest
    static final ArchRule DOMAIN_DEPENDS_ON_NOTHING_BUT_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..");

    @ArchTest
    static final ArchRule NO_IO_IN_THE_CORE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\..*(Stream|Reader|Writer)")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Runtime");

    @ArchTest
    static final ArchRule DATABASE_ADAPTERS_NEVER_CALL_FRONT_ENDS = noClasses()
            .that().resideInAnyPackage(SQLITE, POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, HTTP);

    @ArchTest
    static final ArchRule DATABASE_ADAPTERS_ARE_INDEPENDENT = slices()
            .matching("com.partpal.db.adapters.(sqlite|postgres)..").should().notDependOnEachOther();

    /** The HTTP API reaches the databases only through the application's ports, never the CLI or an engine. */
    @ArchTest
    static final ArchRule HTTP_DOES_NOT_REACH_INTO_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, FILES, SQLITE, POSTGRES);

    /** The file-system adapters (catalogue, job history, rejects and report files) sit behind ports like the databases. */
    @ArchTest
    static final ArchRule FILE_ADAPTERS_STAND_ALONE = noClasses().that().resideInAPackage(FILES)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, HTTP, SQLITE, POSTGRES);

    /** Commands reach a database through the application's ports; only the composition root names an engine. */
    @ArchTest
    static final ArchRule ONLY_THE_COMPOSITION_ROOT_NAMES_AN_ENGINE = noClasses()
            .that().resideInAPackage(CLI).and().resideOutsideOfPackages(WIRING, BENCH)
            .and().doNotHaveSimpleName("DemoCommand")
            .should().dependOnClassesThat().resideInAnyPackage(SQLITE, POSTGRES);

    /** Every Micronaut factory of the composition root (named *Wiring) is found in one package. */
    @ArchTest
    static final ArchRule THE_COMPOSITION_ROOT_IS_ONE_PACKAGE = classes().that().haveSimpleNameEndingWith("Wiring")
            .should().resideInAPackage(WIRING);

    /** Exit codes are the command line's words: the CLI maps the inner layers' outcomes to them. */
    @ArchTest
    static final ArchRule THE_CORE_KNOWS_NO_EXIT_CODES = noMethods()
            .that().areDeclaredInClassesThat().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().haveNameMatching("(?i).*exitCode.*");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("com.partpal.db.(**)").should().beFreeOfCycles();

    private LayerRules() {
    }
}
