package com.partpal.db.application.port;

import java.util.List;

/**
 * A loaded row whose primary or unique key became equal to that of a row with a lower rowid once converted (text
 * '1' and integer 1 in an integer key); it has been removed from the target so the key could be built.
 *
 * @param value the key as PostgreSQL prints it ("1" or "a, 2")
 */
public record DuplicateKey(String table, long rowid, List<String> columns, String value, long keptRowid) {
    public DuplicateKey {
        columns = List.copyOf(columns);
    }
}
