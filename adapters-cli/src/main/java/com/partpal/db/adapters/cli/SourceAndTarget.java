package com.partpal.db.adapters.cli;

import picocli.CommandLine.Option;

/** --from and --to with the defaults users already have in their .env files (SQLITE_URL, POSTGRES_URL, DATABASE_URL). */
final class SourceAndTarget {
    @Option(names = "--from", paramLabel = "SRC",
            description = "Source: a SQLite file or URL (file:./dev.db, sqlite:PATH); verify also takes a PostgreSQL URL (default: $SQLITE_URL).")
    String from;

    @Option(names = "--to", paramLabel = "DST",
            description = "Target: a PostgreSQL URL (postgresql://user:password@host:5432/db?schema=public); verify also takes a SQLite file (default: $POSTGRES_URL, then $DATABASE_URL).")
    String to;

    String source() {
        return Environment.orDefault(from, Environment.sourceDefault());
    }

    String target() {
        return Environment.orDefault(to, Environment.targetDefault());
    }
}
