package com.partpal.db.application.jobs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jobs of any kind on one database share a key; the key never holds a user or password. */
class TargetKeysTest {
    @Test
    void aPostgresDatabaseIsHostPortAndNameWhoeverConnects() {
        assertEquals("db.internal:5432/partpal", TargetKeys.database("postgresql://app:secret@db.internal/partpal"));
        assertEquals("db.internal:5432/partpal",
                TargetKeys.database("postgres://admin:other@db.internal:5432/partpal?schema=public"));
        assertEquals("db.internal:6543/partpal", TargetKeys.database("postgresql://db.internal:6543/partpal"));
    }

    @Test
    void aSqliteDatabaseIsItsAbsoluteFileWhateverTheSpelling() {
        String absolute = Path.of("prisma/dev.db").toAbsolutePath().normalize().toString();
        assertEquals(absolute, TargetKeys.database("prisma/dev.db"));
        assertEquals(absolute, TargetKeys.database("file:./prisma/dev.db"));
        assertEquals(absolute, TargetKeys.database("sqlite:prisma/../prisma/dev.db"));
    }

    @Test
    void aCatalogueIsNamedAsSuch() {
        assertEquals("catalogue /srv/backups", TargetKeys.catalogue(Path.of("/srv/backups")));
    }
}
