package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresTest {
    @Test
    void startsAServerWithPasswordLoginAndStopsIt() throws Exception {
        PostgresUrl url;
        try (EmbeddedPostgres server = EmbeddedPostgres.start()) {
            url = server.createDatabase("Odd \"name\"; DROP DATABASE postgres");
            assertEquals("127.0.0.1", url.host());
            assertNotNull(url.password());
            try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_database(), current_setting('server_version_num'),"
                         + " current_setting('fsync'), current_setting('TimeZone')")) {
                rs.next();
                assertEquals("Odd \"name\"; DROP DATABASE postgres", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("15"), rs.getString(2));
                assertEquals("off", rs.getString(3));
                assertEquals("UTC", rs.getString(4));
            }
            PostgresUrl wrongPassword = url.withDatabase("postgres");
            wrongPassword = new PostgresUrl(wrongPassword.host(), wrongPassword.port(), "postgres", "postgres",
                    "not-" + url.password(), "public", null, null, null, null, false, java.util.Map.of());
            PostgresUrl rejected = wrongPassword;
            assertThrows(com.partpal.db.domain.BadInputException.class, () -> PostgresPools.connect(rejected).close());
        }
        PostgresUrl stopped = url;
        assertThrows(com.partpal.db.domain.BadInputException.class, () -> PostgresPools.connect(stopped).close());
    }

    @Test
    void concurrentExtractionsAgreeOnOneCompleteDirectory(@TempDir Path cache) throws Exception {
        Path target = cache.resolve("pg");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Path> extract = () -> PostgresBinaries.extractInto(target);
            List<Future<Path>> results = threads.invokeAll(List.of(extract, extract));
            for (Future<Path> result : results) {
                assertEquals(target, result.get());
            }
        } finally {
            threads.shutdown();
        }
        assertTrue(Files.isExecutable(target.resolve("bin/postgres")));
        assertTrue(Files.isSymbolicLink(target.resolve("lib/libpq.so.5")));
        try (var siblings = Files.list(cache)) {
            assertEquals(List.of(target), siblings.toList(), "temporary copies are removed");
        }
        assertFalse(Files.exists(cache.resolve("pg.tmp")));
    }
}
