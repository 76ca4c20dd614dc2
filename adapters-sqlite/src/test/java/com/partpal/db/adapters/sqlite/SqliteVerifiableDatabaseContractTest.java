package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.VerifiableDatabaseContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** SQLite keeps declared types as written and gives raw cells: booleans as 0/1, timestamps as text, numerics as REAL. */
class SqliteVerifiableDatabaseContractTest extends VerifiableDatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected VerifiableDatabase openWithKnownData(List<String> statements) {
        return TestDatabases.open(dir.resolve("contract.db"), statements);
    }

    @Override
    protected Optional<String> password() {
        return Optional.empty();
    }

    @Override
    protected boolean presentsAsMigrationSource() {
        return true;
    }

    @Override
    protected String storedType(String declared) {
        return declared;
    }

    @Override
    protected List<Object> labelB() {
        return List.of("B", 1L, "2024-01-02 03:04:05.678", 12.34);
    }
}
