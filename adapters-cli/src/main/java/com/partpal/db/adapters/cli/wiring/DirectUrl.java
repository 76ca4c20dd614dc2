package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.domain.ops.DirectConnection;

/** A PgBouncer URL (pgbouncer=true) becomes $DIRECT_URL, or is refused with one line: see {@link DirectConnection}. */
public final class DirectUrl {
    private DirectUrl() {
    }

    public static String forSessionWork(String location, String purpose) {
        return DirectConnection.forSessionWork(location, System.getenv(DirectConnection.VARIABLE), purpose);
    }
}
