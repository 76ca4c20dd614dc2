package com.partpal.db.domain.ops;

/**
 * Where work that needs a session of its own (DDL, COPY, pg_dump) connects: a PgBouncer URL becomes the direct URL
 * the user gave, or is refused (see {@link DirectConnection}). The front end decides where the direct URL comes from.
 */
@FunctionalInterface
public interface SessionUrl {
    String forSessionWork(String location, String purpose);

    /** A fixed direct URL (or none), named in refusals as $DIRECT_URL. */
    static SessionUrl of(String directUrl) {
        return (location, purpose) -> DirectConnection.forSessionWork(location, directUrl, purpose);
    }
}
