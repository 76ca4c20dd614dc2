package com.partpal.db.adapters.cli.backup;

import com.partpal.db.domain.ops.DirectConnection;

/**
 * A PgBouncer URL (pgbouncer=true) becomes the direct URL, or is refused with one line: see {@link DirectConnection}.
 * The direct URL is the command line's --direct-url when given, else $DIRECT_URL.
 */
public final class DirectUrl {
    /** The option's name; every command takes it (the root command's option, inherited). */
    public static final String OPTION = "--direct-url";
    private static volatile String fromOption;

    private DirectUrl() {
    }

    /** The --direct-url of this command line, or null (each command line starts without one). */
    public static void fromOption(String url) {
        fromOption = url;
    }

    public static String forSessionWork(String location, String purpose) {
        String option = fromOption;
        return option != null
                ? DirectConnection.forSessionWork(location, option, OPTION, purpose)
                : DirectConnection.forSessionWork(location, System.getenv(DirectConnection.VARIABLE), purpose);
    }
}
