package com.partpal.db.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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

    static final ArchRule DOMAIN_DEPENDS_ON_NOTHING_BUT_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..");

    static final ArchRule NO_IO_IN_THE_CORE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\..*(Stream|Reader|Writer)")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Runtime");

    static final ArchRule DATABASE_ADAPTERS_NEVER_CALL_FRONT_ENDS = noClasses()
            .that().resideInAnyPackage(SQLITE, POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, HTTP);

    static final ArchRule DATABASE_ADAPTERS_ARE_INDEPENDENT = slices()
            .matching("com.partpal.db.adapters.(sqlite|postgres)..").should().notDependOnEachOther();

    /** The HTTP API reaches the databases only through the application's ports, never the CLI or an engine. */
    static final ArchRule HTTP_DOES_NOT_REACH_INTO_OTHER_ADAPTERS = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, SQLITE, POSTGRES);

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("com.partpal.db.(**)").should().beFreeOfCycles();

    private LayerRules() {
    }
}
