package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.DuplicateKey;
import com.partpal.db.application.port.Orphan;
import com.partpal.db.application.port.RemovedRows;
import com.partpal.db.application.port.RunState;
import com.partpal.db.application.port.TableCheckpoint;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetNames;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migrate run's bookkeeping in the target, in a schema of its own next to the target schema
 * ({@code partpal_db_state} for {@code public}, {@code partpal_db_state_<schema>} for another): the run's record,
 * each table's checkpoint with the rowids it rejected (written in the same transaction as the batch they describe),
 * and the rows keys and orphan checks removed (written by the same statement as the delete). Dropped when the run
 * completes.
 */
final class RunStateStore {
    static final String PREFIX = "partpal_db_state";

    private final String schemaName;
    private final String schema;

    RunStateStore(String targetSchema) {
        this.schemaName = schemaName(targetSchema);
        this.schema = Sql.identifier(schemaName);
    }

    /** Too long for PostgreSQL, the name is shortened as the plan shortens long source names ({@link TargetNames}). */
    static String schemaName(String targetSchema) {
        return new TargetNames().allocate("public".equals(targetSchema) ? PREFIX : PREFIX + "_" + targetSchema);
    }

    String schemaName() {
        return schemaName;
    }

    List<String> create() {
        return List.of("CREATE SCHEMA IF NOT EXISTS " + schema,
                "CREATE TABLE IF NOT EXISTS " + schema + ".run (run_id text NOT NULL, started_at text NOT NULL,"
                        + " source_fingerprint text NOT NULL, options_fingerprint text NOT NULL, snapshot_at text)",
                "CREATE TABLE IF NOT EXISTS " + schema + ".load (table_name text PRIMARY KEY, last_rowid bigint NOT NULL,"
                        + " read bigint NOT NULL, copied bigint NOT NULL, rejected bigint NOT NULL, loaded boolean NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + schema + ".rejected (table_name text NOT NULL, rowid bigint NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + schema + ".removed (table_name text NOT NULL, rowid bigint NOT NULL,"
                        + " key_columns text[], key_value text, kept_rowid bigint, foreign_key text)");
    }

    String drop() {
        return "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
    }

    void start(Connection connection, RunState run) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : create()) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".run SELECT ?, ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + schema + ".run)")) {
            insert.setString(1, run.runId());
            insert.setString(2, run.startedAt());
            insert.setString(3, run.sourceFingerprint());
            insert.setString(4, run.optionsFingerprint());
            insert.setString(5, run.snapshotAt());
            insert.executeUpdate();
        }
    }

    Optional<RunState> read(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        Map<String, List<Long>> rejected = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name, rowid FROM " + schema + ".rejected ORDER BY 1, 2")) {
            while (rs.next()) {
                rejected.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        Map<String, TableCheckpoint> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name, last_rowid, read, copied, rejected, loaded FROM "
                     + schema + ".load ORDER BY 1")) {
            while (rs.next()) {
                tables.put(rs.getString(1), new TableCheckpoint(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getBoolean(6), rejected.getOrDefault(rs.getString(1), List.of())));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT run_id, started_at, source_fingerprint, options_fingerprint,"
                     + " snapshot_at FROM " + schema + ".run")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new RunState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), tables));
        }
    }

    boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = 'run'")) {
            statement.setString(1, schemaName);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The table's committed checkpoint (without its rejected rowids), or null. */
    TableCheckpoint checkpoint(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT last_rowid, read, copied, rejected, loaded FROM "
                + schema + ".load WHERE table_name = ?")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new TableCheckpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBoolean(5)) : null;
            }
        }
    }

    /** Records the checkpoint and the rowids rejected since the last one, in the caller's transaction. */
    void save(Connection connection, String table, TableCheckpoint checkpoint, long[] rejectedRowids) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + schema + ".load VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (table_name) DO UPDATE SET last_rowid = excluded.last_rowid, read = excluded.read,"
                + " copied = excluded.copied, rejected = excluded.rejected, loaded = excluded.loaded")) {
            upsert.setString(1, table);
            upsert.setLong(2, checkpoint.lastRowid());
            upsert.setLong(3, checkpoint.read());
            upsert.setLong(4, checkpoint.copied());
            upsert.setLong(5, checkpoint.rejected());
            upsert.setBoolean(6, checkpoint.loaded());
            upsert.executeUpdate();
        }
        if (rejectedRowids.length > 0) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                    + ".rejected SELECT ?, unnest(?::bigint[])")) {
                insert.setString(1, table);
                Array rowids = connection.createArrayOf("bigint", Arrays.stream(rejectedRowids).boxed().toArray());
                insert.setArray(2, rowids);
                insert.executeUpdate();
            }
        }
    }

    /** The delete of duplicate keys (returning rowid, kept rowid, value), recording what it removes. */
    String recordingDuplicates(String delete, TargetTable table, Index key) {
        return "WITH d AS (" + delete + "), recorded AS (INSERT INTO " + schema + ".removed (table_name, rowid, key_columns,"
                + " key_value, kept_rowid) SELECT " + Sql.literal(table.name()) + ", d.r, " + textArray(key.columns())
                + ", d.v, d.kept FROM d) SELECT d.r, d.kept, d.v FROM d";
    }

    /** The delete of orphans (returning rowid), recording what it removes. */
    String recordingOrphans(String delete, TargetTable table, ForeignKey fk) {
        return "WITH d AS (" + delete + "), recorded AS (INSERT INTO " + schema + ".removed (table_name, rowid, foreign_key)"
                + " SELECT " + Sql.literal(table.name()) + ", d." + Sql.identifier(PostgresDdl.ROWID) + ", "
                + Sql.literal(fk.name()) + " FROM d) SELECT d." + Sql.identifier(PostgresDdl.ROWID) + " FROM d";
    }

    RemovedRows removed(Connection connection, MigrationPlan plan) throws SQLException {
        List<DuplicateKey> duplicates = new ArrayList<>();
        List<Orphan> orphans = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name, rowid, key_columns, key_value, kept_rowid, foreign_key"
                     + " FROM " + schema + ".removed ORDER BY 1, 2")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (rs.getString(6) == null) {
                    List<String> columns = List.of((String[]) rs.getArray(3).getArray());
                    duplicates.add(new DuplicateKey(table, rs.getLong(2), columns, rs.getString(4), rs.getLong(5)));
                } else {
                    String fkName = rs.getString(6);
                    long rowid = rs.getLong(2);
                    plan.table(table).flatMap(t -> t.foreignKeys().stream().filter(fk -> fk.name().equals(fkName)).findFirst())
                            .ifPresent(fk -> orphans.add(new Orphan(table, rowid, fk)));
                }
            }
        }
        return new RemovedRows(duplicates, orphans);
    }

    private static String textArray(List<String> values) {
        return "ARRAY[" + String.join(", ", values.stream().map(Sql::literal).toList()) + "]::text[]";
    }
}
