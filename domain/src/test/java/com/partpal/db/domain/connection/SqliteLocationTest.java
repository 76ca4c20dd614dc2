package com.partpal.db.domain.connection;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteLocationTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dev.db|dev.db",
            "./prisma/dev.db|./prisma/dev.db",
            "/var/data/app.sqlite|/var/data/app.sqlite",
            "file:./dev.db|./dev.db",
            "file:./dev.db?connection_limit=1|./dev.db",
            "FILE:dev.db|dev.db",
            "file:///abs/dev.db|/abs/dev.db",
            "sqlite:data/app.db|data/app.db",
            "sqlite:///abs/app.db|/abs/app.db",
            "sqlite://./rel.db|./rel.db",
            "jdbc:sqlite:/tmp/x.db|/tmp/x.db",
            "jdbc:sqlite:rel/x.db?journal_mode=WAL|rel/x.db",
            "  file:./dev.db  |./dev.db",
            "C:\\data\\dev.db|C:\\data\\dev.db",
            "my db with spaces.db|my db with spaces.db",
    })
    void parsesEveryForm(String input, String path) {
        assertTrue(SqliteLocation.looksLikeSqlite(input));
        assertEquals(path, SqliteLocation.parse(input).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://u:p@h/db", "postgres://h/db", "jdbc:postgresql://h/db", "mysql://h/db", "", "   "})
    void rejectsOtherLocations(String input) {
        assertFalse(SqliteLocation.looksLikeSqlite(input));
        BadInputException e = assertThrows(BadInputException.class, () -> SqliteLocation.parse(input));
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("u:p"), "never echo credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:", "sqlite:", "jdbc:sqlite:", "file:?mode=ro"})
    void rejectsAnEmptyPath(String input) {
        assertThrows(BadInputException.class, () -> SqliteLocation.parse(input));
    }

    @Test
    void nullIsNotSqlite() {
        assertFalse(SqliteLocation.looksLikeSqlite(null));
    }
}
