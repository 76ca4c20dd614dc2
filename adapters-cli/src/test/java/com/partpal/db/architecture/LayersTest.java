package com.partpal.db.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The design card's hexagonal layers ({@link LayerRules}), checked on the compiled production classes of every module. */
@AnalyzeClasses(packages = "com.partpal.db",
        importOptions = {ImportOption.DoNotIncludeTests.class, LayersTest.ProductionJarsOnly.class})
class LayersTest {
    @ArchTest
    static final ArchRule domainDependsOnNothingButTheJdk = LayerRules.DOMAIN_DEPENDS_ON_NOTHING_BUT_THE_JDK;

    @ArchTest
    static final ArchRule applicationDependsOnDomainOnly = LayerRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY;

    @ArchTest
    static final ArchRule noIoInTheCore = LayerRules.NO_IO_IN_THE_CORE;

    @ArchTest
    static final ArchRule databaseAdaptersNeverCallFrontEnds = LayerRules.DATABASE_ADAPTERS_NEVER_CALL_FRONT_ENDS;

    @ArchTest
    static final ArchRule databaseAdaptersAreIndependent = LayerRules.DATABASE_ADAPTERS_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule httpDoesNotReachIntoOtherAdapters = LayerRules.HTTP_DOES_NOT_REACH_INTO_OTHER_ADAPTERS;

    @ArchTest
    static final ArchRule noPackageCycles = LayerRules.NO_PACKAGE_CYCLES;

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
                "com.partpal.db.adapters.sqlite", "com.partpal.db.adapters.postgres", "com.partpal.db.adapters.http",
                "com.partpal.db.adapters.cli"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes imported from " + pkg + ": the layer rules would pass vacuously");
            }
        }
    }
}
