package com.partpal.db.adapters.postgres;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.VerifiableDatabaseContract;
import com.partpal.db.domain.connection.PostgresUrl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** PostgreSQL spells types in lower case (format_type, shortened) and gives typed values. */
class PostgresVerifiableDatabaseContractTest extends VerifiableDatabaseContract {
    private PostgresUrl url;

    @Override
    protected VerifiableDatabase openWithKnownData(List<String> statements) {
        url = SharedPostgres.freshDatabase();
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            // the test server's default collation is "C"; a linguistic one checks that readOrdered orders by code point
            statement.execute("ALTER TABLE \"labels\" ALTER COLUMN \"code\" TYPE text COLLATE \"und-x-icu\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the known data", e);
        }
        return PostgresVerifiableDatabase.open(url);
    }

    @Override
    protected Optional<String> password() {
        return Optional.of(url.password());
    }

    @Override
    protected boolean presentsAsMigrationSource() {
        return false;
    }

    @Override
    protected String storedType(String declared) {
        return declared.toLowerCase(Locale.ROOT);
    }

    @Override
    protected List<Object> labelB() {
        return List.of("B", true, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), new BigDecimal("12.34"));
    }
}
