package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timestamps as Prisma, Django, Rails and Sequelize write them, end to end into PostgreSQL: the plan names the choice
 * (Prisma-made or not and why, the epoch unit, timestamp(6)), the target holds the exact instant, verify agrees, and a
 * value read in the wrong unit is a difference.
 */
class DateTimeFidelityTest {
    @TempDir
    Path dir;

    /** The shape `prisma db push` leaves: no _prisma_migrations, foreign keys named {table}_{columns}_fkey. */
    private Path prismaPushed() throws Exception {
        return SqliteFiles.create(dir.resolve("prisma.db"),
                "CREATE TABLE \"User\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"createdAt\" DATETIME NOT NULL"
                        + " DEFAULT CURRENT_TIMESTAMP)",
                "CREATE TABLE \"Event\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"userId\" TEXT NOT NULL,"
                        + " \"at\" DATETIME NOT NULL, CONSTRAINT \"Event_userId_fkey\" FOREIGN KEY (\"userId\")"
                        + " REFERENCES \"User\" (\"id\") ON DELETE RESTRICT ON UPDATE CASCADE)",
                "INSERT INTO \"User\" VALUES ('u1', 1700000000123)",
                "INSERT INTO \"Event\" (\"userId\", \"at\") VALUES ('u1', 0), ('u1', 86400000), ('u1', -1000),"
                        + " ('u1', '1700000000123'), ('u1', 5), ('u1', '2024-01-01T10:00:00.123Z')");
    }

    @Test
    void aPrismaDatabaseReadsEveryDateTimeIntegerAsMillisecondsAndThePlanSaysWhy() throws Exception {
        Path db = prismaPushed();
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("source is Prisma-made: every one of its 1 foreign keys is declared with the name"
                + " Prisma gives"), plan.out());
        assertTrue(plan.out().contains("{integers: epoch ms (Prisma DateTime)}"), plan.out());
        assertTrue(plan.out().contains("Event.at: 4 integer values are below 100000000000, so read as epoch"
                + " milliseconds they fall before 1973-03-03"), plan.out());
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--report", report.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(List.of("1970-01-01 00:00:00", "1970-01-02 00:00:00", "1969-12-31 23:59:59",
                        "2023-11-14 22:13:20.123", "1970-01-01 00:00:00.005", "2024-01-01 10:00:00.123"),
                texts(target, "SELECT at::text FROM \"Event\" ORDER BY id"));
        assertEquals(List.of("timestamp(3) without time zone"), texts(target,
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\"Event\"'::regclass"
                        + " AND attname = 'at'"));
        String json = Files.readString(report);
        assertTrue(json.contains("\"prismaMade\":true"), json);
        assertTrue(json.contains("\"Event.at\":\"integers: epoch ms (Prisma DateTime)\""), json);
    }

    @Test
    void aMigrationsTableMakesItPrismaMadeAndVerifyCatchesAValueReadInTheWrongUnit() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("migrations.db"),
                "CREATE TABLE \"_prisma_migrations\" (\"id\" TEXT PRIMARY KEY, \"migration_name\" TEXT)",
                "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"publishedAt\" DATETIME)",
                "INSERT INTO \"Post\" VALUES (1, 1000), (2, 1700000000)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        // read as seconds on purpose: what the threshold rule did to a Prisma value before 1973
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--epoch-unit",
                "Post.publishedAt=s", "--no-verify", "--report", dir.resolve("r.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(List.of("1970-01-01 00:16:40"), texts(target, "SELECT \"publishedAt\"::text FROM \"Post\" WHERE id = 1"));
        CliRun verify = CliRun.of("verify", "--from", db.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("v.json").toString());
        assertEquals(1, verify.exitCode(), verify.all());
        assertTrue(Files.readString(dir.resolve("v.json")).contains("publishedAt"));
        CliRun sameUnit = CliRun.of("verify", "--from", db.toString(), "--to", target.connectionString(),
                "--epoch-unit", "Post.publishedAt=s", "--report", dir.resolve("v2.json").toString());
        assertEquals(0, sameUnit.exitCode(), sameUnit.all());
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertTrue(plan.out().contains("source is Prisma-made: it has a _prisma_migrations table"), plan.out());
    }

    @Test
    void aBadEpochUnitIsOneLineAndExitTwo() throws Exception {
        Path db = prismaPushed();
        CliRun unknown = CliRun.of("plan", "--from", db.toString(), "--epoch-unit", "Event.userId=ms");
        assertEquals(2, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("--epoch-unit Event.userId: not a date/time column"), unknown.all());
        CliRun badUnit = CliRun.of("plan", "--from", db.toString(), "--epoch-unit", "Event.at=minutes");
        assertEquals(2, badUnit.exitCode(), badUnit.all());
        assertTrue(badUnit.err().contains("write table.column=s or table.column=ms"), badUnit.all());
    }

    @Test
    void djangoAndRailsMicrosecondsLandInATimestamp6AndFinerValuesAreRejectedWithAReason() throws Exception {
        // Django: unnamed deferrable foreign keys, datetime text with 6 digits; Rails: datetime(6); Sequelize's form
        Path db = SqliteFiles.create(dir.resolve("django.sqlite3"),
                "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
                        + " \"date_joined\" datetime NOT NULL, \"birthday\" date NULL)",
                "CREATE TABLE \"blog_post\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
                        + " \"created_at\" datetime(6) NOT NULL, \"author_id\" integer NOT NULL REFERENCES"
                        + " \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED)",
                "INSERT INTO auth_user VALUES (1, '2024-03-01 09:15:42.123456', '1990-05-17'),"
                        + " (2, '2024-03-01 09:15:42.000 +00:00', '1991-01-01 08:30:00'),"
                        + " (3, '2024-03-01T09:15:42.1234567', NULL), (4, 1700000000, '1992-02-02')",
                "INSERT INTO blog_post VALUES (1, '2024-03-02 10:00:00.000001', 1), (2, '2024-03-02 10:00:00', 2)");
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("source is not Prisma-made: foreign key blog_post (author_id) is not declared"
                + " with the name Prisma gives (blog_post_author_id_fkey)"), plan.out());
        assertTrue(plan.out().contains("auth_user.date_joined: 1 values have more than 6 fractional digits"), plan.out());
        assertTrue(plan.out().contains("{widened from date: 1 values hold a time of day;"), plan.out());
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path rejects = dir.resolve("rejects.jsonl");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(3, run.exitCode(), run.all());
        assertEquals(List.of("2024-03-01 09:15:42.123456", "2024-03-01 09:15:42", "2023-11-14 22:13:20"),
                texts(target, "SELECT date_joined::text FROM auth_user ORDER BY id"));
        assertEquals(List.of("1990-05-17 00:00:00", "1991-01-01 08:30:00", "1992-02-02 00:00:00"),
                texts(target, "SELECT birthday::text FROM auth_user ORDER BY id"));
        assertEquals(List.of("2024-03-02 10:00:00.000001", "2024-03-02 10:00:00"),
                texts(target, "SELECT created_at::text FROM blog_post ORDER BY id"));
        assertEquals(List.of("timestamp(6) without time zone", "timestamp(3) without time zone"), texts(target,
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'auth_user'::regclass"
                        + " AND attname IN ('date_joined', 'birthday') ORDER BY attname DESC"));
        String rejected = Files.readString(rejects);
        assertTrue(rejected.contains("has fractional seconds finer than timestamp(6) keeps: '2024-03-01T09:15:42.1234567'"),
                rejected);
        assertTrue(run.out().contains("verification: identical"), run.out());
    }

    private static List<String> texts(PostgresUrl target, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
