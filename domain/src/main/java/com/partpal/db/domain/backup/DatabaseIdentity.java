package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which database a backup is of. PostgreSQL: the server's system identifier (null when the login may not read it),
 * host and port as the URL gave them, and the database name. SQLite: the file's canonical absolute path.
 * <p>
 * The catalogue groups backups by {@link #key()}: for PostgreSQL the system identifier and the database name when the
 * identifier is known, so the same database reached as localhost, 127.0.0.1, ::1 or another name of its server is one
 * database; host and port are kept as given, for people. Without an identifier (a login that may not read
 * pg_control_system()) the key is the address as written ({@link #addressKey()}), as catalogues first keyed every
 * database. {@link #sameDatabase} compares system identifiers and names when both are known, addresses otherwise.
 */
public record DatabaseIdentity(String engine, String systemIdentifier, String host, Integer port, String database,
                               String path) {
    public static final String POSTGRES = "postgres";
    public static final String SQLITE = "sqlite";

    public DatabaseIdentity {
        Objects.requireNonNull(engine, "engine");
        if (POSTGRES.equals(engine) && (host == null || port == null || database == null)) {
            throw new IllegalArgumentException("a PostgreSQL identity needs host, port and database");
        }
        if (SQLITE.equals(engine) && path == null) {
            throw new IllegalArgumentException("a SQLite identity needs its path");
        }
    }

    public static DatabaseIdentity postgres(String systemIdentifier, String host, int port, String database) {
        return new DatabaseIdentity(POSTGRES, systemIdentifier, host, port, database, null);
    }

    public static DatabaseIdentity sqlite(String canonicalPath) {
        return new DatabaseIdentity(SQLITE, null, null, null, null, canonicalPath);
    }

    /** The same identity without the system identifier: what a URL says before any connection. */
    public DatabaseIdentity withoutSystemIdentifier() {
        return new DatabaseIdentity(engine, null, host, port, database, path);
    }

    /** How the catalogue groups backups: system identifier and database, else engine, address and database, or the path. */
    public String key() {
        return POSTGRES.equals(engine) && systemIdentifier != null
                ? "postgres:system=" + systemIdentifier + "/" + database : addressKey();
    }

    /** The location as written: engine, host (lower case), port and database, or the path. */
    public String addressKey() {
        return POSTGRES.equals(engine)
                ? "postgres://" + host.toLowerCase(Locale.ROOT) + ":" + port + "/" + database
                : "sqlite:" + path;
    }

    /** A short name for people: the database name, or the file name. */
    public String label() {
        if (database != null) {
            return database;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** One line naming the database fully, e.g. "PostgreSQL database shop on db:5432 (system 7312...)". */
    public String describe() {
        if (!POSTGRES.equals(engine)) {
            return "SQLite file " + path;
        }
        String hostPort = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        return "PostgreSQL database " + database + " on " + hostPort
                + (systemIdentifier == null ? "" : " (system " + systemIdentifier + ")");
    }

    /** The same server (system identifier) and database name when both identifiers are known, else the same address. */
    public boolean sameDatabase(DatabaseIdentity other) {
        if (other == null || !engine.equals(other.engine)) {
            return false;
        }
        if (systemIdentifier != null && other.systemIdentifier != null) {
            return systemIdentifier.equals(other.systemIdentifier) && database.equals(other.database);
        }
        return addressKey().equals(other.addressKey());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine);
        if (POSTGRES.equals(engine)) {
            m.put("systemIdentifier", systemIdentifier);
            m.put("host", host);
            m.put("port", port);
            m.put("database", database);
        } else {
            m.put("path", path);
        }
        return m;
    }

    static DatabaseIdentity fromMap(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m) || !(m.get("engine") instanceof String engine)) {
            throw new BadInputException("its \"identity\" is not an object with an engine");
        }
        try {
            Object port = m.get("port");
            return new DatabaseIdentity(engine, (String) m.get("systemIdentifier"), (String) m.get("host"),
                    port == null ? null : ((Number) port).intValue(), (String) m.get("database"),
                    (String) m.get("path"));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new BadInputException("its \"identity\" is malformed: " + e.getMessage());
        }
    }
}
