package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;

/**
 * PgBouncer in transaction mode hands each transaction to any server connection, so work that needs a session of
 * its own (DDL with session settings, COPY, pg_dump's exported snapshot, pg_restore) must bypass it. A URL with
 * Prisma's {@code pgbouncer=true} is therefore swapped for the direct URL (Prisma's {@code directUrl}, by
 * convention {@code $DIRECT_URL}) of the same database, or refused with one line.
 */
public final class DirectConnection {
    public static final String VARIABLE = "DIRECT_URL";

    private DirectConnection() {
    }

    /** The location to use for session work; anything that is not a PgBouncer URL is returned as it is. */
    public static String forSessionWork(String location, String directUrl, String purpose) {
        return forSessionWork(location, directUrl, VARIABLE, purpose);
    }

    /**
     * As {@link #forSessionWork(String, String, String)}, the direct URL given by {@code givenBy} (the option
     * --direct-url or the variable DIRECT_URL), which the refusals name.
     */
    public static String forSessionWork(String location, String directUrl, String givenBy, String purpose) {
        if (!PostgresUrl.looksLikePostgres(location)) {
            return location;
        }
        PostgresUrl given = PostgresUrl.parse(location);
        if (!given.pgbouncer()) {
            return location;
        }
        if (directUrl == null || directUrl.isBlank()) {
            throw new BadInputException(given.masked() + " goes through PgBouncer (pgbouncer=true) and " + purpose
                    + " needs a direct connection (DDL, COPY and pg_dump need a session of their own): set " + VARIABLE
                    + " (or give --direct-url) to the server's own URL (Prisma's directUrl)");
        }
        PostgresUrl direct = PostgresUrl.parse(directUrl.trim());
        if (direct.pgbouncer()) {
            throw new BadInputException(givenBy + " " + direct.masked() + " has pgbouncer=true too: it must reach the server directly");
        }
        if (!direct.database().equals(given.database()) || !direct.schema().equals(given.schema())) {
            throw new BadInputException(givenBy + " " + direct.masked() + " names another database or schema than "
                    + given.masked() + ": both must name the same one");
        }
        return directUrl.trim();
    }
}
