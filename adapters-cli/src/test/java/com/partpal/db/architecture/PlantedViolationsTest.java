package com.partpal.db.architecture;

import com.partpal.db.adapters.cli.planted.CliCommand;
import com.partpal.db.adapters.cli.planted.CommandOpensSqlite;
import com.partpal.db.adapters.cli.planted.StrayWiring;
import com.partpal.db.adapters.files.planted.FilesCallTheCli;
import com.partpal.db.adapters.http.planted.HttpOpensSqlite;
import com.partpal.db.adapters.postgres.planted.PostgresPrintsToTheCli;
import com.partpal.db.adapters.sqlite.planted.SqliteCallsPostgres;
import com.partpal.db.application.planted.ApplicationOpensSqlite;
import com.partpal.db.application.planted.ApplicationReadsAFile;
import com.partpal.db.domain.planted.DomainCallsAPort;
import com.partpal.db.domain.planted.DomainOutcomeWithExitCode;
import com.partpal.db.planted.cycle.a.CycleA;
import com.partpal.db.planted.cycle.b.CycleB;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each layer rule fails on a planted offender (classes in test sources, in the package the rule guards), so none of
 * them can pass vacuously; and it passes once the offender is left out, so it fails for the planted reason.
 */
class PlantedViolationsTest {
    @Test
    void theDomainMayNotNameTheApplication() {
        fails(LayerRules.DOMAIN_DEPENDS_ON_NOTHING_BUT_THE_JDK, DomainCallsAPort.class, ApplicationReadsAFile.class);
    }

    @Test
    void theApplicationMayNotNameAnAdapter() {
        fails(LayerRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ApplicationOpensSqlite.class, ApplicationReadsAFile.class);
    }

    @Test
    void theCoreMayNotTouchFiles() {
        fails(LayerRules.NO_IO_IN_THE_CORE, ApplicationReadsAFile.class, DomainCallsAPort.class);
    }

    @Test
    void aDatabaseAdapterMayNotCallAFrontEnd() {
        fails(LayerRules.DATABASE_ADAPTERS_NEVER_CALL_FRONT_ENDS, PostgresPrintsToTheCli.class, CliCommand.class);
    }

    @Test
    void databaseAdaptersMayNotUseEachOther() {
        fails(LayerRules.DATABASE_ADAPTERS_ARE_INDEPENDENT, SqliteCallsPostgres.class, PostgresPrintsToTheCli.class);
    }

    @Test
    void theHttpApiMayNotNameADatabaseAdapter() {
        fails(LayerRules.HTTP_DOES_NOT_REACH_INTO_OTHER_ADAPTERS, HttpOpensSqlite.class, CliCommand.class);
    }

    @Test
    void aFileAdapterMayNotCallTheCli() {
        fails(LayerRules.FILE_ADAPTERS_STAND_ALONE, FilesCallTheCli.class, CliCommand.class);
    }

    @Test
    void aCommandMayNotOpenAnEngineItself() {
        fails(LayerRules.ONLY_THE_COMPOSITION_ROOT_NAMES_AN_ENGINE, CommandOpensSqlite.class, CliCommand.class);
    }

    @Test
    void aWiringOutsideTheCompositionRootIsRefused() {
        fails(LayerRules.THE_COMPOSITION_ROOT_IS_ONE_PACKAGE, StrayWiring.class, CliCommand.class);
    }

    @Test
    void theDomainMayNotSpeakOfExitCodes() {
        fails(LayerRules.THE_CORE_KNOWS_NO_EXIT_CODES, DomainOutcomeWithExitCode.class, DomainCallsAPort.class);
    }

    @Test
    void packagesMayNotFormACycle() {
        fails(LayerRules.NO_PACKAGE_CYCLES, CycleA.class, CycleB.class);
    }

    /** The rule fails on offender (naming it) beside the innocent class, and passes on the innocent class alone. */
    private static void fails(ArchRule rule, Class<?> offender, Class<?> innocent) {
        JavaClasses planted = new ClassFileImporter().importClasses(offender, innocent);
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(planted));
        assertTrue(failure.getMessage().contains(offender.getSimpleName()), failure::getMessage);
        assertDoesNotThrow(() -> rule.allowEmptyShould(true).check(new ClassFileImporter().importClasses(innocent)));
    }
}
