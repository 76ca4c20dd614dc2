package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.verify.VerificationCancelledException;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.application.verify.VerifyUseCase;
import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.verify.ExpectedRejects;
import com.partpal.db.domain.verify.RowDifference;
import com.partpal.db.domain.verify.RowDifference.Kind;
import com.partpal.db.domain.verify.TableVerification;
import com.partpal.db.domain.verify.VerificationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify with SQLite on both sides: a copy of the source with one difference planted at a time. */
class SqliteVerifyTest {
    @TempDir
    Path dir;
    Path source;
    Path target;

    @BeforeEach
    void databases() throws IOException {
        source = TestDatabases.create(dir.resolve("source.db"),
                "CREATE TABLE parts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, createdAt DATETIME,"
                        + " active BOOLEAN, meta JSON, price REAL)",
                "CREATE INDEX parts_title_idx ON parts(title)",
                "CREATE TABLE tags (name TEXT, n INTEGER)",
                "INSERT INTO parts VALUES (1, 'brake pad', 1700000000000, 1, '{\"a\": 1, \"b\": [1, 2]}', 0.1)",
                "INSERT INTO parts VALUES (2, 'filter', '2024-01-02 03:04:05.678', 0, '{}', 2.5)",
                "INSERT INTO parts VALUES (3, 'rotor', 1700000000, 't', 'null', NULL)",
                "INSERT INTO tags VALUES ('a', 1), ('a', 1), ('b', 2)");
        target = dir.resolve("target.db");
        Files.copy(source, target);
    }

    private VerificationReport verify(ExpectedRejects rejects) {
        VerifyUseCase useCase = new VerifyUseCase(l -> SqliteSourceDatabase.open(SqliteLocation.parse(l)),
                Clock.systemUTC());
        return useCase.verify(new VerifyRequest(source.toString(), target.toString(), PlanOptions.all(), rejects, 10,
                2));
    }

    private VerificationReport verify() {
        return verify(ExpectedRejects.NONE);
    }

    private void plant(String... sql) {
        TestDatabases.create(target, sql);
    }

    private static TableVerification table(VerificationReport r, String name) {
        return r.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCancelledVerificationStopsWithoutAReportAndAFlagThatStaysDownChangesNothingInTheResult() {
        VerifyUseCase useCase = new VerifyUseCase(l -> SqliteSourceDatabase.open(SqliteLocation.parse(l)),
                Clock.systemUTC());
        VerifyRequest request = new VerifyRequest(source.toString(), target.toString(), PlanOptions.all(),
                ExpectedRejects.NONE, 10, 2);
        VerificationCancelledException e = org.junit.jupiter.api.Assertions.assertThrows(
                VerificationCancelledException.class, () -> useCase.verify(request, () -> true));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertTrue(useCase.verify(request, () -> false).identical());
    }

    @Test
    void aCopyIsIdentical() {
        VerificationReport report = verify();
        assertTrue(report.identical(), report.toJson());
        assertEquals(table(report, "parts").sourceChecksum(), table(report, "parts").targetChecksum());
        assertEquals(3, table(report, "parts").targetRows());
    }

    @Test
    void jsonKeyOrderAndWhitespaceAreNotDifferences() {
        plant("UPDATE parts SET meta = '{\"b\":[1,2],   \"a\":1.0}' WHERE id = 1");
        assertTrue(verify().identical(), verify().toJson());
    }

    @Test
    void sameInstantWrittenAnotherWayIsNotADifference() {
        plant("UPDATE parts SET createdAt = '2023-11-14T22:13:20Z' WHERE id = 1", "UPDATE parts SET active = 'true' WHERE id = 1");
        assertTrue(verify().identical(), verify().toJson());
    }

    @Test
    void aChangedTimestampByOneMillisecondIsNamed() {
        plant("UPDATE parts SET createdAt = 1700000000001 WHERE id = 1");
        VerificationReport report = verify();
        assertFalse(report.identical(), report.toJson());
        TableVerification parts = table(report, "parts");
        assertEquals(1, parts.changed());
        assertEquals(0, parts.missingInTarget() + parts.unexpectedInTarget());
        RowDifference d = parts.differences().get(0);
        assertEquals(Kind.CHANGED, d.kind());
        assertEquals(Map.of("id", 1L), d.key());
        assertEquals("createdAt", d.cells().get(0).column());
        assertEquals(LocalDateTime.of(2023, 11, 14, 22, 13, 20), d.cells().get(0).source());
        assertEquals(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 1_000_000), d.cells().get(0).target());
        assertNotEquals(parts.sourceChecksum(), parts.targetChecksum());
        assertTrue(report.schemaDifferences().isEmpty());
    }

    @Test
    void changedTextJsonAndBooleanAreNamed() {
        plant("UPDATE parts SET title = 'brake pads' WHERE id = 1", "UPDATE parts SET meta = '{\"a\": 2}' WHERE id = 2",
                "UPDATE parts SET active = 0 WHERE id = 3");
        TableVerification parts = table(verify(), "parts");
        assertEquals(3, parts.changed());
        assertEquals(List.of("title", "meta", "active"),
                parts.differences().stream().map(d -> d.cells().get(0).column()).toList());
        assertEquals("{\"a\":2}", parts.differences().get(1).cells().get(0).target());
        assertEquals(false, parts.differences().get(2).cells().get(0).target());
    }

    @Test
    void deletedAndExtraRowsAreNamed() {
        plant("DELETE FROM parts WHERE id = 2", "INSERT INTO parts VALUES (9, 'extra', NULL, NULL, NULL, NULL)");
        TableVerification parts = table(verify(), "parts");
        assertEquals(List.of(Kind.MISSING_IN_TARGET, Kind.UNEXPECTED_IN_TARGET),
                parts.differences().stream().map(RowDifference::kind).toList());
        assertEquals(Map.of("id", 2L), parts.differences().get(0).key());
        assertEquals(Map.of("id", 9L), parts.differences().get(1).key());
        assertEquals(0, parts.changed());
    }

    @Test
    void aDuplicatedRowInAKeylessTableIsNamed() {
        plant("INSERT INTO tags VALUES ('b', 2)");
        VerificationReport report = verify();
        TableVerification tags = table(report, "tags");
        assertEquals(1, tags.unexpectedInTarget());
        assertEquals(0, tags.missingInTarget());
        assertEquals(Map.of("name", "b", "n", 2L), tags.differences().get(0).row());
        assertTrue(table(report, "parts").identical());
    }

    @Test
    void aDroppedIndexIsASchemaDifference() {
        plant("DROP INDEX parts_title_idx");
        VerificationReport report = verify();
        assertEquals(1, report.schemaDifferences().size(), report.toJson());
        assertEquals("index", report.schemaDifferences().get(0).object());
        assertEquals("parts_title_idx", report.schemaDifferences().get(0).name());
        assertFalse(report.identical(), report.toJson());
    }

    @Test
    void rowsInTheRejectsFileAreExpectedMissing() {
        plant("DELETE FROM parts WHERE id = 3");
        ExpectedRejects rejects = ExpectedRejects.parse(List.of(
                "{\"table\":\"parts\",\"key\":{\"id\":3},\"column\":\"x\",\"reason\":\"planted\",\"row\":{}}"), "r.jsonl");
        VerificationReport report = verify(rejects);
        assertTrue(report.identical(), report.toJson());
        TableVerification parts = table(report, "parts");
        assertEquals(1, parts.expectedMissing());
        assertEquals(Kind.REJECTED_AS_EXPECTED, parts.differences().get(0).kind());
        assertFalse(verify().identical());
    }
}
