package com.partpal.db.application.port;

import java.util.List;

/**
 * A loaded row whose primary or unique key became equal to that of a row with a lower rowid once converted (text
 * '1' and integer 1 in an integer key); it has been removed from the target so the key could be built.
 *
 * A row whose primary key holds NULL (SQLite allows it outside INTEGER PRIMARY KEY and WITHOUT ROWID tables) is
 * removed the same way: its value is null and keptRowid {@link #NULL_KEY}.
 *
 * @param value the key as PostgreSQL prints it ("1" or "a, 2"), or null for a NULL in the primary key
 */
public record DuplicateKey(String table, long rowid, List<String> columns, String value, long keptRowid) {
    public static final long NULL_KEY = -1;

    public DuplicateKey {
        columns = List.copyOf(columns);
    }

    public static DuplicateKey nullKey(String table, long rowid, List<String> columns) {
        return new DuplicateKey(table, rowid, columns, null, NULL_KEY);
    }

    public boolean isNullKey() {
        return keptRowid == NULL_KEY;
    }
}
