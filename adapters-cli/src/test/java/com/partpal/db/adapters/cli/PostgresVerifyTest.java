package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.engine.PostgresEngine;
import com.partpal.db.domain.ops.SessionUrl;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.adapters.sqlite.engine.SqliteEngine;
import com.partpal.db.application.engine.DatabaseEngines;
import com.partpal.db.application.engine.EngineConnector;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.application.verify.VerifyUseCase;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.verify.ExpectedRejects;
import com.partpal.db.domain.verify.RowDifference;
import com.partpal.db.domain.verify.RowDifference.Kind;
import com.partpal.db.domain.verify.SchemaDifference;
import com.partpal.db.domain.verify.TableVerification;
import com.partpal.db.domain.verify.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real migrate into a real (embedded) PostgreSQL, then one difference planted at a time. */
class PostgresVerifyTest {
    @TempDir
    Path dir;
    Path source;
    PostgresUrl target;
    Path rejects;

    @BeforeEach
    void migrate() throws Exception {
        source = SqliteFiles.create(dir.resolve("source.db"),
                "CREATE TABLE parts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, createdAt DATETIME,"
                        + " active BOOLEAN, meta JSON, price REAL)",
                "CREATE INDEX parts_title_idx ON parts(title)",
                "CREATE TABLE tags (name TEXT, n INTEGER)",
                "INSERT INTO parts VALUES (1, 'brake pad', 1700000000000, 1, '{\"b\": [1, 2], \"a\": 1}', 0.1)",
                "INSERT INTO parts VALUES (2, 'filter', '2024-01-02 03:04:05.678', 0, '{}', 2.5)",
                "INSERT INTO parts VALUES (3, 'rotor', 1700000000, 't', 'null', NULL)",
                "INSERT INTO parts VALUES (4, 'bad', 'not a date', 1, '{}', 1)",
                "INSERT INTO tags VALUES ('a', 1), ('a', 1), ('b', 2)");
        target = SharedPostgres.freshDatabase();
        rejects = dir.resolve("rejects.jsonl");
        int exit = PartpalDb.execute("migrate", "--from", source.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("migrate.json").toString(), "--rejects", rejects.toString());
        String report = Files.readString(dir.resolve("migrate.json"));
        assertEquals(3, exit, report);
        assertTrue(report.contains("\"verification\":{"), report);
        assertTrue(report.contains("\"identical\":true"), report);
    }

    private VerificationReport verify() {
        VerifyUseCase useCase = new VerifyUseCase(new EngineConnector(new DatabaseEngines(
                List.of(new PostgresEngine(PostgresMonitor::new, SessionUrl.of(null)), new SqliteEngine()))), Clock.systemUTC());
        return useCase.verify(new VerifyRequest(source.toString(), target.connectionString(), PlanOptions.all(),
                com.partpal.db.adapters.files.JsonLinesRejectsReader.read(rejects), 10, 2));
    }

    private void plant(String... sql) throws SQLException {
        try (Connection c = PostgresPools.connect(target); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static TableVerification table(VerificationReport r, String name) {
        return r.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    /** Exactly one changed row in parts, nothing else. */
    private static RowDifference onlyChange(VerificationReport r) {
        assertFalse(r.identical(), r.toJson());
        assertTrue(r.schemaDifferences().isEmpty(), r.toJson());
        TableVerification parts = table(r, "parts");
        assertEquals(1, parts.changed(), r.toJson());
        assertEquals(0, parts.missingInTarget() + parts.unexpectedInTarget());
        assertTrue(table(r, "tags").identical());
        return parts.differences().stream().filter(d -> d.kind() == Kind.CHANGED).findFirst().orElseThrow();
    }

    @Test
    void theMigratedDatabaseIsIdenticalAndTheRejectedRowIsExpectedMissing() {
        VerificationReport r = verify();
        assertTrue(r.identical(), r.toJson());
        TableVerification parts = table(r, "parts");
        assertEquals(1, parts.expectedMissing());
        assertEquals(parts.sourceChecksum(), parts.targetChecksum());
        assertEquals(Kind.REJECTED_AS_EXPECTED, parts.differences().get(0).kind());
        assertEquals(Map.of("id", 4L), parts.differences().get(0).key());
    }

    @Test
    void withoutTheRejectsFileTheRejectedRowIsMissing() {
        rejects = null;
        TableVerification parts = table(verify(), "parts");
        assertEquals(1, parts.missingInTarget());
        assertTrue(parts.differences().get(0).note().contains("not a valid date/time"), parts.differences().toString());
    }

    @Test
    void changedText() throws SQLException {
        plant("UPDATE parts SET title = 'brake pads' WHERE id = 1");
        RowDifference d = onlyChange(verify());
        assertEquals(Map.of("id", 1L), d.key());
        assertEquals("title", d.cells().get(0).column());
        assertEquals("brake pad", d.cells().get(0).source());
        assertEquals("brake pads", d.cells().get(0).target());
    }

    @Test
    void timestampOneMillisecondLater() throws SQLException {
        plant("UPDATE parts SET \"createdAt\" = \"createdAt\" + interval '1 millisecond' WHERE id = 2");
        RowDifference d = onlyChange(verify());
        assertEquals("createdAt", d.cells().get(0).column());
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 679_000_000), d.cells().get(0).target());
    }

    @Test
    void changedJsonValue() throws SQLException {
        plant("UPDATE parts SET meta = '{\"a\": 1, \"b\": [1, 3]}' WHERE id = 1");
        RowDifference d = onlyChange(verify());
        assertEquals("meta", d.cells().get(0).column());
        assertEquals("{\"a\":1,\"b\":[1,2]}", d.cells().get(0).source());
    }

    @Test
    void jsonKeyOrderAndWhitespaceAreNotDifferences() throws SQLException {
        plant("UPDATE parts SET meta = '{  \"a\" : 1.0 ,\"b\":[1,2]}' WHERE id = 1");
        assertTrue(verify().identical(), verify().toJson());
    }

    @Test
    void flippedBoolean() throws SQLException {
        plant("UPDATE parts SET active = NOT active WHERE id = 3");
        RowDifference d = onlyChange(verify());
        assertEquals(true, d.cells().get(0).source());
        assertEquals(false, d.cells().get(0).target());
    }

    @Test
    void deletedAndExtraRows() throws SQLException {
        plant("DELETE FROM parts WHERE id = 2",
                "INSERT INTO parts (id, title) VALUES (99, 'extra')");
        VerificationReport r = verify();
        assertFalse(r.identical(), r.toJson());
        TableVerification parts = table(r, "parts");
        assertEquals(1, parts.missingInTarget());
        assertEquals(1, parts.unexpectedInTarget());
        assertEquals(0, parts.changed());
        assertEquals(List.of(Map.of("id", 2L), Map.of("id", 99L)), parts.differences().stream()
                .filter(d -> d.kind() != Kind.REJECTED_AS_EXPECTED).map(RowDifference::key).toList());
    }

    @Test
    void duplicatedRowInAKeylessTable() throws SQLException {
        plant("INSERT INTO tags VALUES ('a', 1)");
        VerificationReport r = verify();
        TableVerification tags = table(r, "tags");
        assertEquals(1, tags.unexpectedInTarget(), r.toJson());
        assertEquals(0, tags.missingInTarget());
        assertEquals(Map.of("name", "a", "n", 1L), tags.differences().get(0).row());
        assertTrue(table(r, "parts").identical());
    }

    @Test
    void droppedIndex() throws SQLException {
        plant("DROP INDEX parts_title_idx");
        VerificationReport r = verify();
        assertFalse(r.identical(), r.toJson());
        assertEquals(List.of("parts_title_idx"), r.schemaDifferences().stream().map(SchemaDifference::name).toList());
        assertTrue(r.tables().stream().allMatch(TableVerification::identical));
    }

    @Test
    void changedColumnType() throws SQLException {
        plant("ALTER TABLE parts ALTER COLUMN title TYPE varchar(200)");
        VerificationReport r = verify();
        assertFalse(r.identical(), r.toJson());
        assertEquals(1, r.schemaDifferences().size(), r.toJson());
        SchemaDifference d = r.schemaDifferences().get(0);
        assertEquals("title", d.name());
        assertEquals("text NOT NULL", d.expected());
        assertEquals("character varying(200) NOT NULL", d.actual());
        assertTrue(r.tables().stream().allMatch(TableVerification::identical));
    }

    @Test
    void sequenceBehindTheKeys() throws SQLException {
        plant("SELECT setval('\"parts_id_seq\"', 2)");
        VerificationReport r = verify();
        assertFalse(r.identical(), r.toJson());
        assertEquals("sequence", r.schemaDifferences().get(0).object(), r.toJson());
    }

    @Test
    void theVerifyCommandExitsOneOnADifferenceAndWritesTheReport() throws Exception {
        plant("UPDATE parts SET title = 'x' WHERE id = 1");
        Path report = dir.resolve("verify.json");
        int exit = PartpalDb.execute("verify", "--from", source.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", report.toString());
        assertEquals(1, exit);
        String json = Files.readString(report);
        assertTrue(json.contains("\"kind\":\"changed\""), json);
        assertTrue(!json.contains(target.password()) || target.password().isEmpty(), json);
    }

    @Test
    void aMissingRejectsFileIsBadInput() {
        assertEquals(2, PartpalDb.execute("verify", "--from", source.toString(), "--to", target.connectionString(),
                "--rejects", dir.resolve("nope.jsonl").toString()));
    }
}
