package com.partpal.db.application.monitoring;

import com.partpal.db.application.port.backup.BackupCatalogs;
import com.partpal.db.application.port.monitoring.HealthFigures;
import com.partpal.db.application.port.monitoring.HealthMonitor;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.ops.HealthCheck;
import com.partpal.db.domain.ops.HealthCheck.Measurement;
import com.partpal.db.domain.ops.HealthCheck.Status;
import com.partpal.db.domain.ops.HealthCheck.Threshold;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A PostgreSQL database's health figures judged against thresholds: `monitor`, `monitor --check` and /metrics. */
public final class HealthUseCase {
    /** Tables smaller than this have too few rows or pages for a meaningful dead-tuple ratio or bloat estimate. */
    static final long MIN_ROWS = 1000;
    static final long MIN_BLOAT_BYTES = 1024 * 1024;

    private final HealthMonitor monitor;
    private final ConfiguredDatabases configured;
    private final BackupCatalogs catalogs;
    private final Path defaultBackupDir;
    private final Clock clock;
    private final Predicate<Path> catalogueExists;

    /** {@code catalogueExists} tells whether a directory holds a catalogue (the file system is the adapters'). */
    public HealthUseCase(HealthMonitor monitor, ConfiguredDatabases configured, BackupCatalogs catalogs,
                         Path defaultBackupDir, Clock clock, Predicate<Path> catalogueExists) {
        this.catalogueExists = catalogueExists;
        this.monitor = monitor;
        this.configured = configured;
        this.catalogs = catalogs;
        this.defaultBackupDir = defaultBackupDir;
        this.clock = clock;
    }

    public record Report(String database, HealthFigures figures, List<Measurement> measurements, Status status) {
    }

    /**
     * @param backupDir the backup catalogue; null means the default one, where a missing catalogue is no failure.
     *                  Given explicitly, no good backup of this database in it is CRITICAL.
     */
    public Report check(String database, Map<String, Threshold> thresholds, Path backupDir) {
        String location = configured.resolve(database == null ? "" : database.trim());
        if (!PostgresUrl.looksLikePostgres(location)) {
            throw new BadInputException("health checks are for PostgreSQL: give a postgresql:// URL or its configured name");
        }
        PostgresUrl url = PostgresUrl.parse(location);
        HealthFigures f = monitor.health(location);
        List<Measurement> m = new ArrayList<>();
        m.add(measure(thresholds, "connections_used_ratio", (double) f.connectionsInUse() / Math.max(1, f.usableConnections()),
                f.connectionsInUse() + " of " + f.usableConnections() + " usable connections"));
        m.add(longest(thresholds, "long_running_query_seconds", f.longRunning()));
        m.add(longest(thresholds, "idle_in_transaction_seconds", f.idleInTransaction()));
        Optional<HealthFigures.LockWait> lock = f.lockWaits().stream().findFirst();
        m.add(measure(thresholds, "lock_wait_seconds", lock.map(HealthFigures.LockWait::seconds).orElse(0.0),
                lock.map(w -> "pid " + w.pid() + " user " + w.user() + " blocked by " + w.blockedBy()).orElse(null)));
        Optional<HealthFigures.TableVacuum> dead = f.vacuum().stream()
                .filter(t -> t.liveTuples() + t.deadTuples() >= MIN_ROWS).max(Comparator.comparingDouble(HealthFigures.TableVacuum::deadRatio));
        m.add(measure(thresholds, "dead_tuple_ratio", dead.map(HealthFigures.TableVacuum::deadRatio).orElse(0.0),
                dead.map(t -> t.schema() + "." + t.table() + " " + t.deadTuples() + " dead of " + (t.liveTuples() + t.deadTuples())).orElse(null)));
        Optional<HealthFigures.TableBloat> bloat = f.bloat().stream().filter(t -> t.bytes() >= MIN_BLOAT_BYTES)
                .max(Comparator.comparingDouble(HealthFigures.TableBloat::ratio));
        m.add(measure(thresholds, "table_bloat_ratio", bloat.map(HealthFigures.TableBloat::ratio).orElse(0.0),
                bloat.map(t -> t.schema() + "." + t.table() + " about " + t.bloatBytes() + " of " + t.bytes() + " bytes").orElse(null)));
        Optional<HealthFigures.TableVacuum> unvacuumed = f.vacuum().stream().filter(t -> t.deadTuples() >= MIN_ROWS)
                .max(Comparator.comparingDouble(HealthFigures.TableVacuum::hoursSinceVacuum));
        m.add(measure(thresholds, "autovacuum_age_hours", unvacuumed.map(HealthFigures.TableVacuum::hoursSinceVacuum).orElse(0.0),
                unvacuumed.map(t -> t.schema() + "." + t.table() + " last vacuumed " + (t.lastVacuum() == null ? "never" : t.lastVacuum())).orElse(null)));
        m.add(measure(thresholds, "xid_age", (double) f.xidAge(), null));
        m.add(replication(thresholds, f.replication()));
        m.add(backupAge(thresholds, url.database(), backupDir));
        return new Report(url.masked(), f, m, HealthCheck.worst(m));
    }

    private static Measurement measure(Map<String, Threshold> t, String name, double value, String detail) {
        return new Measurement(name, value, t.get(name), detail, Status.OK);
    }

    private static Measurement longest(Map<String, Threshold> t, String name, List<HealthFigures.Session> sessions) {
        Optional<HealthFigures.Session> first = sessions.stream().findFirst();
        return measure(t, name, first.map(HealthFigures.Session::seconds).orElse(0.0),
                first.map(s -> "pid " + s.pid() + " user " + s.user() + " application " + s.application()).orElse(null));
    }

    private static Measurement replication(Map<String, Threshold> t, HealthFigures.Replication r) {
        String name = "replication_lag_seconds";
        if (r.standby()) {
            return new Measurement(name, r.standbyLagSeconds(), t.get(name), "this server is a standby", Status.OK);
        }
        Optional<HealthFigures.Replica> worst = r.replicas().stream().filter(x -> x.replayLagSeconds() != null)
                .max(Comparator.comparingDouble(HealthFigures.Replica::replayLagSeconds));
        if (r.replicas().isEmpty()) {
            return new Measurement(name, null, t.get(name), "no replicas", Status.OK);
        }
        return new Measurement(name, worst.map(HealthFigures.Replica::replayLagSeconds).orElse(0.0), t.get(name),
                r.replicas().size() + " replica(s)" + worst.map(x -> ", slowest " + x.name()).orElse(""), Status.OK);
    }

    private Measurement backupAge(Map<String, Threshold> t, String database, Path given) {
        String name = "backup_age_hours";
        Path dir = given != null ? given : defaultBackupDir;
        if (!catalogueExists.test(dir)) {
            return new Measurement(name, null, t.get(name), "no backup catalogue at " + dir,
                    given != null ? Status.CRITICAL : Status.OK);
        }
        Optional<BackupManifest> newest = catalogs.open(dir).list().stream()
                .filter(b -> b.database().equals(database) && b.good() && b.finishedAt() != null)
                .max(Comparator.comparing(BackupManifest::finishedAt));
        if (newest.isEmpty()) {
            return new Measurement(name, null, t.get(name), "no good backup of " + database + " in " + dir, Status.CRITICAL);
        }
        double hours = Duration.between(newest.get().finishedAt(), clock.instant()).toSeconds() / 3600.0;
        return new Measurement(name, hours, t.get(name), "newest " + newest.get().id(), Status.OK);
    }
}
