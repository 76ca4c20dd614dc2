package com.partpal.db.adapters.cli;

import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve's /metrics carries monitor --check's figures and verdicts per configured PostgreSQL database. */
class HttpHealthMetricsTest {
    private static final String TOKEN = "health-metrics-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @Test
    void healthGaugesPerConfiguredDatabaseAndUnknownForOneThatIsDown() throws Exception {
        PostgresUrl main = API.freshDatabase();
        PostgresUrl gone = PostgresUrl.of("127.0.0.1", 1, "nowhere", "monitor", "gone-secret-pw");
        EmbeddedServer server = API.startServer(Map.of("partpal.databases.main.url", main.connectionString(),
                "partpal.databases.gone.url", gone.connectionString()));
        // databases are read in the background (a scrape never waits on one): the first scrape says UNKNOWN
        HttpResponse<String> metrics = API.send(server, "GET", "/metrics", null, TOKEN);
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("partpal_db_check_status{check=\"xid_age\",database=\"main\"} 3.0"),
                metrics.body());
        long deadline = System.nanoTime() + 30_000_000_000L;
        String text = metrics.body();
        while (!text.contains("connections_used_ratio\",database=\"main\"} 0.0") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            text = API.send(server, "GET", "/metrics", null, TOKEN).body();
        }
        assertTrue(text.contains("partpal_db_check_status{check=\"connections_used_ratio\",database=\"main\"} 0.0"), text);
        assertTrue(text.matches("(?s).*\npartpal_db_health\\{check=\"xid_age\",database=\"main\"} \\d+\\.0\n.*"), text);
        assertTrue(text.contains("partpal_db_health{check=\"replication_lag_seconds\",database=\"main\"} NaN"), text);
        assertTrue(text.contains("partpal_db_check_status{check=\"xid_age\",database=\"gone\"} 3.0"), text);
        assertFalse(text.contains(main.database()) || text.contains(main.password()) || text.contains("gone-secret-pw"),
                "no URL, database name or password in any label");
    }
}
