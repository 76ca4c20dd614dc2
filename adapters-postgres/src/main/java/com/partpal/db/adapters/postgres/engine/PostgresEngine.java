package com.partpal.db.adapters.postgres.engine;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.adapters.postgres.PostgresVerifiableDatabase;
import com.partpal.db.adapters.postgres.PostgresTargetDatabase;
import com.partpal.db.adapters.postgres.backup.DirectUrlBackupEngine;
import com.partpal.db.adapters.postgres.backup.PgDumpBackupEngine;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.engine.DatabaseEngine;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.domain.ops.SessionUrl;

import java.util.function.Supplier;

/**
 * PostgreSQL: postgresql://, postgres:// and jdbc:postgresql: URLs. migrate's target, either side of verify, backups
 * through pg_dump. Work that needs a session of its own turns a PgBouncer URL into its direct URL (or refuses it).
 */
public final class PostgresEngine implements DatabaseEngine {
    private final Supplier<PostgresMonitor> monitor;
    private final SessionUrl sessionUrl;
    private final BackupEngine backups;

    /**
     * @param monitor   the shared monitor (its pools live as long as the application), asked for only when used
     * @param sessionUrl where work needing a session of its own connects (a PgBouncer URL's direct URL)
     */
    public PostgresEngine(Supplier<PostgresMonitor> monitor, SessionUrl sessionUrl) {
        this.monitor = monitor;
        this.sessionUrl = sessionUrl;
        this.backups = new DirectUrlBackupEngine(new PgDumpBackupEngine(), sessionUrl);
    }

    @Override
    public String name() {
        return DatabaseIdentity.POSTGRES;
    }

    @Override
    public boolean recognises(String location) {
        return PostgresUrl.looksLikePostgres(location);
    }

    @Override
    public SourceDatabase openSource(String location) {
        throw new BadInputException("migrate reads from SQLite, but the source is a PostgreSQL URL: "
                + Secrets.mask(location));
    }

    @Override
    public TargetDatabase openTarget(String location) {
        return PostgresTargetDatabase.open(direct(location, "migrate"));
    }

    @Override
    public VerifiableDatabase openVerifiable(String location) {
        return PostgresVerifiableDatabase.open(direct(location, "verify"));
    }

    @Override
    public BackupEngine backups() {
        return backups;
    }

    @Override
    public DatabaseMonitor monitor() {
        return monitor.get();
    }

    private PostgresUrl direct(String location, String purpose) {
        return PostgresUrl.parse(sessionUrl.forSessionWork(location, purpose));
    }
}
