package com.partpal.db.adapters.postgres;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PostgresPoolsTest {
    @Test
    void prismaParametersConfigureThePoolAndSessions() throws Exception {
        PostgresUrl base = SharedPostgres.freshDatabase();
        PostgresUrl url = PostgresUrl.parse("postgresql://postgres:" + base.password() + "@127.0.0.1:" + base.port()
                + "/" + base.database() + "?schema=Odd%2C%20Schema&connection_limit=3&pool_timeout=4&connect_timeout=5"
                + "&sslmode=disable");

        try (HikariDataSource pool = PostgresPools.open(url); Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            assertEquals(3, pool.getMaximumPoolSize());
            assertEquals(4000, pool.getConnectionTimeout());
            statement.execute("CREATE SCHEMA \"Odd, Schema\"");
            statement.execute("CREATE TABLE t (x int)");
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('application_name'), "
                    + "current_setting('TimeZone'), current_setting('DateStyle'), "
                    + "(SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE relname = 't')")) {
                rs.next();
                assertEquals("partpal-db", rs.getString(1));
                assertEquals("UTC", rs.getString(2));
                assertEquals("ISO, YMD", rs.getString(3));
                assertEquals("Odd, Schema", rs.getString(4));
            }
        }
    }

    @Test
    void pgbouncerTurnsOffServerSidePreparedStatements() {
        Properties plain = PostgresPools.driverProperties(PostgresUrl.parse("postgresql://h/d"));
        Properties bouncer = PostgresPools.driverProperties(PostgresUrl.parse("postgresql://h/d?pgbouncer=true&connect_timeout=7"));

        assertFalse(plain.containsKey("prepareThreshold"));
        assertEquals("0", bouncer.getProperty("prepareThreshold"));
        assertEquals("7", bouncer.getProperty("connectTimeout"));
        assertEquals("\"public\"", plain.getProperty("currentSchema"));
        assertFalse(bouncer.containsKey("currentSchema"), "PgBouncer refuses a search_path start-up parameter");
        assertEquals("\"app\"", PostgresPools.driverProperties(PostgresUrl.parse("postgresql://h/d?pgbouncer=true&schema=app"))
                .getProperty("currentSchema"), "another schema is still asked for: PgBouncer then refuses it in one line");
    }
}
