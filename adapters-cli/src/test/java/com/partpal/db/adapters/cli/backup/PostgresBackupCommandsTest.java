package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.backup.PgDumpBackupEngine;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** backup, backups verify --restore-test and restore end to end with the machine's pg_dump and an embedded server. */
class PostgresBackupCommandsTest extends BackupCommandsTestBase {
    private PostgresUrl source;

    @BeforeEach
    void createSource() throws SQLException {
        source = SharedPostgres.freshDatabase();
        sql(source, "CREATE TABLE part (id int PRIMARY KEY, name text)",
                "INSERT INTO part SELECT g, 'part ' || g FROM generate_series(1, 250) g");
    }

    @Test
    void backupVerifyWithRestoreTestAndRestoreGiveIdenticalData() throws Exception {
        for (String format : List.of("custom", "plain")) {
            assertEquals(0, run(new BackupCommand(services()), "--db", source.connectionString(), "--dir",
                    catalogDir.toString(), "--format", format), err);
            assertFalse(out.contains(source.password()), out);
            BackupManifest m = newestOf(source.database());
            assertEquals(Map.of("part", 250L), m.tableRowCounts());

            assertEquals(0, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "verify", m.id(),
                    "--restore-test", "--scratch-server", SharedPostgres.server().url().connectionString()), out + err);
            assertTrue(out.contains("restore test ok"), out);

            PostgresUrl target = SharedPostgres.freshDatabase();
            assertEquals(0, restore(m.id(), "--to", target.connectionString(), "--yes", "--allow-other-database"), err);
            assertTrue(out.contains("row counts match the manifest"), out);
            assertEquals(parts(source), parts(target));
        }
        try (Connection c = PostgresPools.connect(SharedPostgres.server().url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'partpal_restore_test_%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "scratch databases are dropped");
        }
    }

    @Test
    void aCorruptBackupOrAMissingYesLeavesTheTargetUntouched() throws Exception {
        assertEquals(0, run(new BackupCommand(services()), "--db", source.connectionString(), "--dir",
                catalogDir.toString()), err);
        BackupManifest m = newestOf(source.database());
        PostgresUrl target = SharedPostgres.freshDatabase();
        sql(target, "CREATE TABLE keep (v text)", "INSERT INTO keep VALUES ('precious')");

        assertEquals(2, restore("latest", "--to", target.connectionString(), "--drop-database", "--allow-other-database"));
        assertTrue(err.contains("without a terminal to confirm on"), err);

        Path file = new FileBackupCatalog(catalogDir).fileOf(m);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 300] ^= 0x01;
        Files.write(file, bytes);
        assertEquals(2, restore("latest", "--to", target.connectionString(), "--drop-database", "--yes", "--allow-other-database"));
        assertTrue(err.contains("is corrupt: its SHA-256 is"), err);
        assertFalse(err.contains(target.password()), err);

        Path outside = dir.resolve("copy.dump");
        Files.write(outside, java.util.Arrays.copyOf(bytes, bytes.length - 500));
        assertEquals(2, restore(outside.toString(), "--to", target.connectionString(), "--drop-database", "--yes"));
        assertTrue(err.contains("damaged or truncated"), err);

        try (Connection c = PostgresPools.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM keep")) {
            assertTrue(rs.next());
            assertEquals("precious", rs.getString(1));
        }
    }

    @Test
    void eachBackupRecordsItsServerAndRestoreLatestTakesTheTargetsOwn() throws Exception {
        PostgresUrl other = SharedPostgres.freshDatabase();
        sql(other, "CREATE TABLE part (id int PRIMARY KEY, name text)", "INSERT INTO part VALUES (1, 'other')");
        assertEquals(0, run(new BackupCommand(services()), "--db", source.connectionString(), "--dir",
                catalogDir.toString()), err);
        now = now.plusSeconds(60);
        assertEquals(0, run(new BackupCommand(services()), "--db", other.connectionString(), "--dir",
                catalogDir.toString()), err);
        BackupManifest shop = newestOf(source.database());
        BackupManifest newer = newestOf(other.database());
        String systemId;
        try (Connection c = PostgresPools.connect(source); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
            rs.next();
            systemId = rs.getString(1);
        }
        assertEquals(com.partpal.db.domain.backup.DatabaseIdentity.postgres(systemId, "127.0.0.1", source.port(),
                source.database()), shop.identity());
        String manifestText = Files.readString(new FileBackupCatalog(catalogDir).fileOf(shop)
                .resolveSibling(shop.id() + ".manifest.json"));
        assertFalse(manifestText.contains(source.password()), manifestText);

        sql(source, "DELETE FROM part WHERE id > 10");
        assertEquals(0, restore("latest", "--to", source.connectionString(), "--drop-database", "--yes"), err);
        assertTrue(out.contains("restored backup " + shop.id() + " of PostgreSQL database " + source.database()
                + " on 127.0.0.1:" + source.port() + " (system " + systemId + ")"), out);
        assertEquals(250, parts(source).size(), "shop's own backup, not the newer one of " + other.database());

        assertEquals(2, restore(newer.id(), "--to", source.connectionString(), "--drop-database", "--yes"));
        assertTrue(err.startsWith("error: backup " + newer.id() + " is of PostgreSQL database " + other.database()),
                err);
        assertEquals(2, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "verify", "latest"));
        assertTrue(err.contains("holds backups of 2 databases: name one with --db"), err);

        // a different server answering at the same address (same URL, another system identifier)
        Path manifest = new FileBackupCatalog(catalogDir).fileOf(shop).resolveSibling(shop.id() + ".manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(systemId, "1234567890123456789"));
        assertEquals(2, restore(shop.id(), "--to", source.connectionString(), "--drop-database", "--yes"));
        assertTrue(err.contains("(system 1234567890123456789), not of the target PostgreSQL database "
                + source.database() + " on 127.0.0.1:" + source.port() + " (system " + systemId + ")"), err);
        assertEquals(250, parts(source).size());

        assertEquals(0, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "check", "--db",
                source.connectionString()), err);
        assertTrue(out.startsWith("FRESH: the newest good backup, " + shop.id()), out);
    }

    @Test
    void aRestoreTestWithoutScratchServerIsRefusedBeforeAnythingRunsAndNothingIsRecorded() throws Exception {
        assertEquals(0, run(new BackupCommand(services()), "--db", source.connectionString(), "--dir",
                catalogDir.toString()), err);
        BackupManifest before = newestOf(source.database());
        assertEquals(2, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "verify", "latest",
                "--restore-test"));
        assertEquals("error: a PostgreSQL restore test needs --scratch-server URL (a server where partpal-db may"
                + " create and drop a scratch database); nothing was run\n", err);
        assertEquals(before, newestOf(source.database()), "the manifest records no test that did not run");

        PostgresUrl unreachable = PostgresUrl.of("127.0.0.1", 1, "postgres", "postgres", source.password());
        assertEquals(2, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "verify", "latest",
                "--restore-test", "--scratch-server", unreachable.connectionString()));
        assertFalse(err.contains(source.password()), err);
        BackupManifest after = newestOf(source.database());
        assertEquals("ok", after.lastVerifyResult(), "the integrity check ran and is recorded");
        assertEquals(null, after.restoreTestResult(), "the restore test could not start and is not recorded");
    }

    @Test
    void globalsSaveTheRolesSoARestoreOntoAServerWithoutThemKeepsOwnersAndGrants() throws Exception {
        String owner = "shop_owner_" + source.database();
        String reader = "shop_reader_" + source.database();
        sql(source, "CREATE ROLE " + owner + " NOLOGIN", "CREATE ROLE " + reader + " NOLOGIN",
                "ALTER TABLE part OWNER TO " + owner, "GRANT SELECT ON part TO " + reader);
        assertEquals(0, run(new BackupCommand(services()), "--db", source.connectionString(), "--dir",
                catalogDir.toString(), "--globals"), err);
        BackupManifest m = newestOf(source.database());
        Path globals = new FileBackupCatalog(catalogDir).fileOf(m).resolveSibling(m.id() + ".globals.sql");
        String roles = Files.readString(globals);
        assertTrue(roles.contains("CREATE ROLE " + owner), roles);
        assertFalse(roles.contains("SCRAM-SHA-256$"), "no password hashes are saved");
        assertEquals(m.globalsSha256(), sha256(globals));

        // a server without those roles: drop the source and the roles
        try (Connection c = PostgresPools.connect(SharedPostgres.server().url()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + source.database() + " WITH (FORCE)");
            s.execute("DROP ROLE " + owner);
            s.execute("DROP ROLE " + reader);
        }
        PostgresUrl target = SharedPostgres.freshDatabase();
        assertEquals(0, restore(m.id(), "--to", target.connectionString(), "--yes", "--allow-other-database",
                "--globals"), err);
        try (Connection c = PostgresPools.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tableowner, has_table_privilege('" + reader + "', 'part', 'SELECT')"
                     + " FROM pg_tables WHERE tablename = 'part'")) {
            assertTrue(rs.next());
            assertEquals(owner, rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }

        Files.writeString(globals, roles + "-- changed\n");
        PostgresUrl another = SharedPostgres.freshDatabase();
        assertEquals(2, restore(m.id(), "--to", another.connectionString(), "--yes", "--allow-other-database",
                "--globals"));
        assertTrue(err.startsWith("error: the roles saved with backup " + m.id() + " are corrupt"), err);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Override
    List<BackupEngine> engines() {
        return List.of(new PgDumpBackupEngine(), new SqliteBackupEngine());
    }

    private static void sql(PostgresUrl url, String... statements) throws SQLException {
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> parts(PostgresUrl url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM part ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
