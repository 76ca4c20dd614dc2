package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a SQLite database with exactly the PartPal schema (the DDL of the Prisma app's dev.db, kept verbatim in
 * partpal-schema.sql) and deterministic data: a seeded generator, no clock, so the same arguments give the same rows.
 * CREATE INDEX statements run after the data is in (ten times faster than maintaining 40 indexes row by row), so
 * sqlite_schema lists those indexes after the tables; every table's columns, constraints and indexes, and their
 * order within each table, are the fixture's.
 *
 * <p>Sizes for {@code rowsPerLargeTable} = N: parts N, analytics_events N, activity_logs max(10, N/10), vehicles
 * max(10, N/20), users and refresh_tokens max(20, N/50), sellers max(5, N/100), categories 48 (8 top-level, 40
 * children through parentId).
 *
 * <p>With {@code dirty}, seven extra rows carry one bad value each, and the migration rejects exactly:
 * <ul>
 *   <li>vehicles: 1 row, an orphan (sellerId names no seller);</li>
 *   <li>parts: 3 rows: isListedOnMarketplace = 2 (not a boolean), the child of the orphan vehicle (rejected by the
 *       cascade), and images holding invalid JSON; the last one only when parts.images is migrated as jsonb
 *       ({@code --json-columns parts.images}), else parts gets 2;</li>
 *   <li>analytics_events: 2 rows: "timestamp" = 'not a date', and a userAgent whose bytes are not UTF-8
 *       (CAST(X'...ff fe' AS TEXT));</li>
 *   <li>activity_logs: 1 row, a description holding U+0000;</li>
 *   <li>users, refresh_tokens, sellers, categories: none.</li>
 * </ul>
 */
public final class SqliteSampleDatabase implements SampleDataWriter {
    private static final String SCHEMA = "partpal-schema.sql";
    /** SQLite's page cache while generating (native memory): keeps the many secondary indexes' pages resident. */
    private static final int CACHE_KIB = 256 * 1024;

    @Override
    public Map<String, Long> write(Path out, int rowsPerLargeTable, boolean dirty) {
        if (rowsPerLargeTable < 1) {
            throw new BadInputException("--rows must be at least 1, got " + rowsPerLargeTable);
        }
        if (Files.exists(out)) {
            throw new BadInputException("will not overwrite an existing file: " + out);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + out.toAbsolutePath());
             Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode = OFF");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA cache_size = -" + CACHE_KIB);
            List<String> indexes = new ArrayList<>();
            for (String ddl : schemaStatements()) {
                if (ddl.regionMatches(true, 0, "CREATE INDEX", 0, 12) || ddl.regionMatches(true, 0, "CREATE UNIQUE INDEX", 0, 19)) {
                    indexes.add(ddl);
                } else {
                    st.execute(ddl);
                }
            }
            connection.setAutoCommit(false);
            PartPalSampleData data = new PartPalSampleData(connection, rowsPerLargeTable);
            data.writeClean();
            if (dirty) {
                data.plantDirtyRows();
            }
            for (String ddl : indexes) {
                st.execute(ddl);
            }
            connection.commit();
            return data.written();
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(out);
            throw new IllegalStateException("writing sample database " + out + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the half-written file stays; the error above says what happened
        }
    }

    /** The PartPal DDL, one statement per element, as sqlite_schema holds it. */
    static List<String> schemaStatements() {
        String script;
        try (InputStream in = SqliteSampleDatabase.class.getResourceAsStream(SCHEMA)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        int start = 0;
        for (SqlToken token : SqlTokenizer.tokenize(script)) {
            if (token.is(';')) {
                statements.add(script.substring(start, token.start()).strip());
                start = token.end();
            }
        }
        return statements;
    }
}
