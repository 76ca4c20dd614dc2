package com.partpal.db.application.port.engine;

import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;

/**
 * One database engine (PostgreSQL, SQLite): recognises its locations and opens every part partpal-db uses from it.
 * Each engine module has one implementation and the composition root registers it once; shared code picks an engine
 * through {@link com.partpal.db.application.engine.DatabaseEngines}, never by testing a location's form itself.
 * A part the engine cannot be (SQLite as a migration target) is refused with a one-line BadInputException.
 */
public interface DatabaseEngine {
    /** The engine's name as manifests and reports write it ("postgres", "sqlite"). */
    String name();

    /** True for a location of this engine (its URL schemes, its path forms). */
    boolean recognises(String location);

    /** True for the one engine that takes every location no other engine recognises (a file path: SQLite). */
    default boolean fallback() {
        return false;
    }

    /** migrate's source, opened read-only. */
    SourceDatabase openSource(String location);

    /** migrate's target. */
    TargetDatabase openTarget(String location);

    /** Either side of a verify. */
    VerifiableDatabase openVerifiable(String location);

    BackupEngine backups();

    DatabaseMonitor monitor();
}
