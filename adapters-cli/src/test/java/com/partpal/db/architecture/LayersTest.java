package com.partpal.db.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The design card's hexagonal layers ({@link LayerRules}), checked on the compiled production classes of every module. */
@AnalyzeClasses(packages = "com.partpal.db",
        importOptions = {ImportOption.DoNotIncludeTests.class, LayersTest.ProductionJarsOnly.class})
class LayersTest {
    @ArchTest
    static final ArchTests layerRules = ArchTests.in(LayerRules.class);

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
                "com.partpal.db.adapters.files", "com.partpal.db.adapters.cli.wiring", "com.partpal.db.adapters.cli"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes imported from " + pkg + ": the layer rules would pass vacuously");
            }
        }
    }
}
