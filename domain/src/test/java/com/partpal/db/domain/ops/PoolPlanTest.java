package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolPlanTest {
    @Test
    void aFourCoreServerWithTheDefault100ConnectionsAndThreeInstances() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(100, 3, 0, 4, "--cores"), 3);
        assertEquals(92, plan.available());
        assertEquals(9, plan.workingSet());
        assertEquals(9, plan.serverConnections());
        assertEquals(6, plan.clientLimit());
        assertEquals(2 * 3 * 6 + 10, plan.maxClientConn());
        assertEquals(3, plan.directLimit());
        assertEquals(10, plan.poolTimeoutSeconds());
        assertTrue(plan.arithmetic().get(0).contains("max_connections 100 - 3 superuser_reserved_connections - 5"), plan.arithmetic().get(0));
        assertTrue(plan.arithmetic().get(1).contains("cores 4 (--cores) * 2 + 1 = 9"));
    }

    @Test
    void aSmallMaxConnectionsCapsTheServerPoolBelowTheWorkingSet() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(20, 3, 2, 16, "/proc/cpuinfo"), 4);
        assertEquals(10, plan.available());
        assertEquals(33, plan.workingSet());
        assertEquals(10, plan.serverConnections());
        assertEquals(5, plan.clientLimit());
        assertEquals(1, plan.directLimit());
        assertTrue(plan.directTooSmall());
        assertTrue(plan.arithmetic().get(0).contains("3 superuser_reserved_connections + 2 reserved_connections"));
    }

    @Test
    void refusesAServerWithNoRoomAndZeroInstances() {
        BadInputException full = assertThrows(BadInputException.class,
                () -> PoolPlan.of(new ServerLimits(8, 3, 0, 2, "--cores"), 1));
        assertTrue(full.getMessage().contains("raise max_connections"), full.getMessage());
        assertThrows(BadInputException.class, () -> PoolPlan.of(new ServerLimits(100, 3, 0, 2, "--cores"), 0));
    }

    @Test
    void theIniHoldsThePlanAndNoPassword() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(100, 3, 0, 2, "--cores"), 2);
        PostgresUrl server = PostgresUrl.parse("postgresql://app:s3cret@db.internal:5433/partpal?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        String ini = PgBouncerConfig.ini(plan, server, "app", "127.0.0.1", 6432, "/etc/pgbouncer/userlist.txt");
        assertTrue(ini.contains("partpal = host=db.internal port=5433 dbname=partpal\n"), ini);
        assertTrue(ini.contains("pool_mode = transaction\n"));
        assertTrue(ini.contains("default_pool_size = 5\nmax_db_connections = 5\n"), ini);
        assertTrue(ini.contains("max_client_conn = " + plan.maxClientConn() + "\n"));
        assertTrue(ini.contains("server_tls_sslmode = verify-full\nserver_tls_ca_file = /etc/ca.pem\n"), ini);
        assertFalse(ini.contains("s3cret"));
        assertThrows(BadInputException.class, () -> PgBouncerConfig.ini(plan, server, "app; evil", "127.0.0.1", 6432, "/x"));
    }

    @Test
    void aUrlThatAsksForTlsGetsItOnBothLegsAndOneWithoutGetsNone() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(100, 3, 0, 2, "--cores"), 1);
        String ini = PgBouncerConfig.ini(plan, PostgresUrl.parse("postgresql://app:pw@db:5432/partpal?sslmode=verify-ca"
                + "&sslrootcert=/etc/ca.pem&sslcert=/etc/app.crt&sslkey=/etc/app.key"), "app", "127.0.0.1", 6432, "/u");
        assertTrue(ini.contains("server_tls_sslmode = verify-ca\nserver_tls_ca_file = /etc/ca.pem\n"
                + "server_tls_cert_file = /etc/app.crt\nserver_tls_key_file = /etc/app.key\n"), ini);
        // PgBouncer will not start with client TLS and no certificate: the client leg is written for the operator to fill
        assertTrue(ini.contains("\n;client_tls_sslmode = require\n;client_tls_cert_file = ") && ini.contains(
                "\n;client_tls_key_file = "), ini);
        assertFalse(ini.lines().anyMatch(l -> l.startsWith("client_tls")), ini);

        String caOnly = PgBouncerConfig.ini(plan, PostgresUrl.parse("postgresql://app:pw@db:5432/partpal?sslmode=require"
                + "&sslcert=/etc/ca.pem"), "app", "127.0.0.1", 6432, "/u");
        assertFalse(caOnly.contains("server_tls_cert_file"), "Prisma's sslcert alone is the CA, not a client certificate");
        String plain = PgBouncerConfig.ini(plan, PostgresUrl.parse("postgresql://app:pw@db:5432/partpal"), "app",
                "127.0.0.1", 6432, "/u");
        assertFalse(plain.contains("tls"), plain);
        assertThrows(BadInputException.class, () -> PgBouncerConfig.ini(plan, PostgresUrl.parse(
                "postgresql://app:pw@db:5432/partpal?sslmode=require&sslrootcert=/etc/my%20ca.pem"), "app", "h", 1, "/u"));
    }

    @Test
    void userlistTakesScramSecretsOnly() {
        String secret = "SCRAM-SHA-256$4096:AAAAAAAAAAAAAAAAAAAAAA==$c3RvcmVk:c2VydmVy";
        assertEquals("\"app\"\"x\" \"" + secret + "\"\n", PgBouncerConfig.userlist("app\"x", secret));
        assertThrows(IllegalArgumentException.class, () -> PgBouncerConfig.userlist("app", "pw"));
    }
}
