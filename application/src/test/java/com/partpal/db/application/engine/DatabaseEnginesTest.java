package com.partpal.db.application.engine;

import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.engine.DatabaseEngine;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseEnginesTest {
    /** An engine that recognises locations starting with its prefix and opens nothing. */
    private record Named(String name, String prefix, boolean fallback) implements DatabaseEngine {
        @Override
        public boolean recognises(String location) {
            return location != null && location.startsWith(prefix);
        }

        @Override
        public SourceDatabase openSource(String location) {
            throw new BadInputException(name + " is no source: " + location);
        }

        @Override
        public TargetDatabase openTarget(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VerifiableDatabase openVerifiable(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackupEngine backups() {
            return null;
        }

        @Override
        public DatabaseMonitor monitor() {
            return null;
        }
    }

    private static final Named POSTGRES = new Named("postgres", "postgresql://", false);
    private static final Named MYSQL = new Named("mysql", "mysql://", false);
    private static final Named FILES = new Named("sqlite", "file:", true);

    @Test
    void aLocationGoesToTheEngineThatRecognisesIt() {
        DatabaseEngines engines = new DatabaseEngines(List.of(FILES, POSTGRES, MYSQL));
        assertEquals("postgres", engines.forLocation("postgresql://db/app").name());
        assertEquals("mysql", engines.forLocation("mysql://db/app").name());
        assertEquals("sqlite", engines.forLocation("file:./dev.db").name());
    }

    @Test
    void whatNoEngineRecognisesGoesToTheFallbackWhereverItWasRegistered() {
        assertEquals("sqlite", new DatabaseEngines(List.of(FILES, POSTGRES)).forLocation("./dev.db").name());
        assertEquals("sqlite", new DatabaseEngines(List.of(POSTGRES, FILES)).forLocation(null).name());
    }

    @Test
    void withoutAFallbackAnUnknownLocationIsOneMaskedLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DatabaseEngines(List.of(POSTGRES)).forLocation("oracle://scott:tiger@db/orcl"));
        assertEquals("no database engine for oracle://scott:****@db/orcl", e.getMessage());
    }

    @Test
    void theConnectorOpensThroughTheChosenEngineAndRefusesAMissingLocation() {
        EngineConnector connector = new EngineConnector(new DatabaseEngines(List.of(POSTGRES, FILES)));
        BadInputException refused = assertThrows(BadInputException.class, () -> connector.openSource(" postgresql://h/d "));
        assertEquals("postgres is no source: postgresql://h/d", refused.getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> connector.openTarget(" ")).getMessage()
                .startsWith("no target given"));
    }
}
