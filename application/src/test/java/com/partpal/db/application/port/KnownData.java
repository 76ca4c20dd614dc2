package com.partpal.db.application.port;

import java.util.List;
import java.util.stream.Stream;

/** Small known data sets as plain SQL that SQLite and PostgreSQL both run, shared by the port contracts. */
public final class KnownData {
    /** Two tables: owners (3 rows) and pets (4 rows, one with a NULL owner), a unique index, a named foreign key. */
    public static final List<String> OWNERS_AND_PETS = List.of(
            "CREATE TABLE \"Owners\" (\"id\" INTEGER NOT NULL, \"Full Name\" TEXT NOT NULL, \"score\" DOUBLE PRECISION,"
                    + " \"joinedAt\" TEXT, CONSTRAINT \"Owners_pkey\" PRIMARY KEY (\"id\"))",
            "CREATE UNIQUE INDEX \"Owners_name_key\" ON \"Owners\" (\"Full Name\")",
            "CREATE TABLE \"pets\" (\"id\" INTEGER NOT NULL, \"ownerId\" INTEGER, \"name\" TEXT NOT NULL DEFAULT 'rex',"
                    + " CONSTRAINT \"pets_pkey\" PRIMARY KEY (\"id\"),"
                    + " CONSTRAINT \"pets_owner_fkey\" FOREIGN KEY (\"ownerId\") REFERENCES \"Owners\" (\"id\")"
                    + " ON DELETE CASCADE ON UPDATE NO ACTION)",
            "INSERT INTO \"Owners\" VALUES (1, 'Thabo Nkosi', 4.5, '2024-01-02 03:04:05'),"
                    + " (2, 'Zoë van der Merwe', NULL, NULL), (3, 'Sipho ''Sharp'' Dlamini', -0.25, '2023-12-31')",
            "INSERT INTO \"pets\" VALUES (10, 1, 'Bella'), (11, 1, 'Max'), (12, 3, 'Kat'), (13, NULL, 'Stray')");

    /**
     * A table without keys whose text codes sort differently by code point, by UTF-16 unit and by locale (a NULL,
     * '', 'B', 'a', 'é', U+FF5E and U+1F600), with columns each engine holds differently: a boolean, a timestamp
     * and a numeric. Inserted out of order.
     */
    public static final List<String> LABELS = List.of(
            "CREATE TABLE \"labels\" (\"code\" TEXT, \"active\" BOOLEAN NOT NULL, \"seenAt\" TIMESTAMP(3),"
                    + " \"weight\" NUMERIC(10,2))",
            "INSERT INTO \"labels\" VALUES ('é', FALSE, NULL, NULL), ('\uD83D\uDE00', TRUE, NULL, NULL),"
                    + " ('a', FALSE, NULL, NULL), (NULL, TRUE, NULL, NULL), ('\uFF5E', FALSE, NULL, NULL),"
                    + " ('B', TRUE, '2024-01-02 03:04:05.678', 12.34), ('', FALSE, NULL, NULL)");

    /** Both data sets: owners, pets and labels. */
    public static final List<String> ALL = Stream.concat(OWNERS_AND_PETS.stream(), LABELS.stream()).toList();

    private KnownData() {
    }
}
