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
    void userlistTakesScramSecretsOnly() {
        String secret = "SCRAM-SHA-256$4096:AAAAAAAAAAAAAAAAAAAAAA==$c3RvcmVk:c2VydmVy";
        assertEquals("\"app\"\"x\" \"" + secret + "\"\n", PgBouncerConfig.userlist("app\"x", secret));
        assertThrows(IllegalArgumentException.class, () -> PgBouncerConfig.userlist("app", "pw"));
    }
}
