package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.connection.SqliteLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quick_check a source starts when opened never outlives the source. */
class QuickCheckLifetimeTest {
    @TempDir
    Path dir;

    private static List<Thread> checkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("partpal-sqlite-quick-check") && t.isAlive()).toList();
    }

    @Test
    void closingASourceWhileItsCheckRunsEndsTheCheck() throws Exception {
        Path file = dir.resolve("large.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB, tag TEXT)");
            st.execute("CREATE INDEX blobs_tag ON blobs (tag)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 80000)"
                    + " INSERT INTO blobs SELECT x, randomblob(1000), hex(randomblob(16)) FROM n");
        }
        for (int i = 0; i < 3; i++) {
            SqliteSourceDatabase.open(new SqliteLocation(file.toString())).close();
            assertEquals(List.of(), checkers(), "a quick_check thread outlived its source");
        }
    }

    @Test
    void aCheckThatFinishedLeavesNoThreadEither() throws Exception {
        Path file = dir.resolve("small.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(file.toString()))) {
            source.requireIntact();
        }
        assertEquals(List.of(), checkers());
    }
}
