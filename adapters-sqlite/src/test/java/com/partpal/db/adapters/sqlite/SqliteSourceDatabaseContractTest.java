package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.SourceDatabaseContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class SqliteSourceDatabaseContractTest extends SourceDatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected SourceDatabase openWithKnownData(List<String> statements) {
        return TestDatabases.open(dir.resolve("contract.db"), statements);
    }
}
