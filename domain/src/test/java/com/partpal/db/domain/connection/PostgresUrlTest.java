package com.partpal.db.domain.connection;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresUrlTest {
    @Test
    void parsesAPrismaUrlWithEveryParameter() {
        PostgresUrl url = PostgresUrl.parse("postgresql://partpal:s3cret@db.example.com:6543/partpal_prod"
                + "?schema=app&connection_limit=7&pool_timeout=20&connect_timeout=5&sslmode=require&pgbouncer=true"
                + "&application_name=x");

        assertEquals("db.example.com", url.host());
        assertEquals(6543, url.port());
        assertEquals("partpal_prod", url.database());
        assertEquals("partpal", url.user());
        assertEquals("s3cret", url.password());
        assertEquals("app", url.schema());
        assertEquals(7, url.connectionLimit());
        assertEquals(20, url.poolTimeoutSeconds());
        assertEquals(5, url.connectTimeoutSeconds());
        assertEquals("require", url.sslmode());
        assertTrue(url.pgbouncer());
        assertEquals(Map.of("application_name", "x"), url.otherParams());
    }

    @Test
    void appliesDefaults() {
        PostgresUrl url = PostgresUrl.parse("postgres://me@localhost/shop");

        assertEquals(5432, url.port());
        assertEquals("me", url.user());
        assertNull(url.password());
        assertEquals("public", url.schema());
        assertNull(url.connectionLimit());
        assertNull(url.poolTimeoutSeconds());
        assertNull(url.sslmode());
        assertFalse(url.pgbouncer());
    }

    @Test
    void percentDecodesCredentialsAndDatabase() {
        PostgresUrl url = PostgresUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Frd%C3%A9+x@host/my%20db?schema=a+b");

        assertEquals("us@er", url.user());
        assertEquals("p@ss:w/rdé+x", url.password(), "'+' is literal outside the query");
        assertEquals("my db", url.database());
        assertEquals("a b", url.schema());
    }

    @Test
    void theLastAtSignEndsTheCredentials() {
        PostgresUrl url = PostgresUrl.parse("postgresql://u:p@ss@host:5433/db");

        assertEquals("p@ss", url.password());
        assertEquals("host", url.host());
        assertEquals(5433, url.port());
    }

    @Test
    void parsesIpv6Hosts() {
        assertEquals("::1", PostgresUrl.parse("postgresql://u:p@[::1]:5433/db").host());
        assertEquals(5433, PostgresUrl.parse("postgresql://u:p@[::1]:5433/db").port());
        assertEquals(5432, PostgresUrl.parse("postgresql://[2001:db8::7]/db").port());
        assertEquals("postgresql://[::1]:5432/db", PostgresUrl.parse("postgresql://[::1]/db").masked());
        assertEquals("jdbc:postgresql://[::1]:5432/db", PostgresUrl.parse("postgresql://[::1]/db").jdbcUrl());
    }

    @Test
    void parsesJdbcUrls() {
        PostgresUrl url = PostgresUrl.parse(
                "jdbc:postgresql://pg.internal:5433/partpal?user=app&password=pw%26x&currentSchema=s1&sslmode=disable");

        assertEquals("pg.internal", url.host());
        assertEquals(5433, url.port());
        assertEquals("partpal", url.database());
        assertEquals("app", url.user());
        assertEquals("pw&x", url.password());
        assertEquals("s1", url.schema());
        assertEquals("disable", url.sslmode());

        PostgresUrl local = PostgresUrl.parse("jdbc:postgresql:partpal");
        assertEquals("localhost", local.host());
        assertEquals(5432, local.port());
        assertEquals("partpal", local.database());
    }

    @Test
    void schemeIsCaseInsensitiveAndSurroundingBlanksIgnored() {
        assertTrue(PostgresUrl.looksLikePostgres("  PostgreSQL://h/d"));
        assertEquals("d", PostgresUrl.parse("  PostgreSQL://h/d ").database());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:./dev.db", "dev.db", "sqlite:x.db", "jdbc:sqlite:x.db", "mysql://h/d", ""})
    void recognisesOnlyPostgresLocations(String location) {
        assertFalse(PostgresUrl.looksLikePostgres(location));
        assertThrows(BadInputException.class, () -> PostgresUrl.parse(location));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:hunter22@host:99999/db",
            "postgresql://u:hunter22@host:abc/db",
            "postgresql://u:hunter22@host/",
            "postgresql://u:hunter22@/db",
            "postgresql://u:hunter22@host/db?connection_limit=0",
            "postgresql://u:hunter22@host/db?pool_timeout=-1",
            "postgresql://u:hunter22@host/db?connect_timeout=soon",
            "postgresql://u:hunter22@host/db?sslmode=sometimes",
            "postgresql://u:hunter22@host/db?pgbouncer=maybe",
            "postgresql://u:hunter22@host/db?schema=",
            "postgresql://u:hunter22@h1,h2/db",
            "postgresql://u:hunter22@[::1/db",
            "postgresql://u:hunter22@host/d%zzb",
            "postgresql://u:hun/ter22@host/db",
            "postgresql:u:hunter22@host/db"})
    void rejectsBadUrlsWithOneMaskedLine(String location) {
        BadInputException e = assertThrows(BadInputException.class, () -> PostgresUrl.parse(location));

        assertFalse(e.getMessage().contains("hunter22"), e.getMessage());
        assertFalse(e.getMessage().contains("ter22"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad PostgreSQL URL "), e.getMessage());
    }

    @Test
    void maskedAndToStringNeverShowThePassword() {
        PostgresUrl url = PostgresUrl.parse(
                "postgresql://app:Sup3r%2Fsecret@h:5432/db?schema=s&connection_limit=3&pgbouncer=true&sslpassword=k3y");

        assertEquals("postgresql://app:****@h:5432/db?schema=s&connection_limit=3&pgbouncer=true&sslpassword=****",
                url.masked());
        assertEquals(url.masked(), url.toString());
        assertFalse(url.toString().contains("Sup3r"));
        assertFalse(url.toString().contains("k3y"));
    }

    @Test
    void maskedUrlParsesBackToTheSameSettings() {
        PostgresUrl url = PostgresUrl.parse("postgres://a%20b@h/my%2Fdb?schema=x%26y&connect_timeout=3");

        PostgresUrl again = PostgresUrl.parse(url.masked());

        assertEquals(url, again);
    }

    @Test
    void withDatabaseAndWithSchemaKeepEverythingElse() {
        PostgresUrl url = PostgresUrl.parse("postgresql://u:p@h:1/d?schema=s&connection_limit=2");

        PostgresUrl other = url.withDatabase("other").withSchema("t");

        assertEquals("other", other.database());
        assertEquals("t", other.schema());
        assertEquals("p", other.password());
        assertEquals(2, other.connectionLimit());
        assertEquals(1, other.port());
        assertEquals("d", url.database());
    }
}
