package com.partpal.db.application.jobs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Jobs of any kind on one database share a target; what is shown never holds a user or password. */
class TargetKeysTest {
    private static String lexical(String location) {
        return TargetIdentity.LEXICAL.of(TargetKeys.database(location));
    }

    @Test
    void aPostgresDatabaseIsShownAsHostPortAndNameWhoeverConnects() {
        JobTarget target = TargetKeys.database("postgresql://app:secret@db.internal/partpal");
        assertEquals("db.internal:5432/partpal", target.shown());
        assertFalse(target.lexicalIdentity().contains("secret") || target.lexicalIdentity().contains("app"));
        assertEquals(lexical("postgresql://app:secret@db.internal/partpal"),
                lexical("postgres://admin:other@DB.internal:5432/partpal?schema=public"));
        assertEquals("db.internal:6543/partpal", TargetKeys.database("postgresql://db.internal:6543/partpal").shown());
        assertNotEquals(lexical("postgresql://db.internal/partpal"), lexical("postgresql://db.internal:6543/partpal"));
    }

    @Test
    void aSqliteDatabaseIsItsAbsoluteFileWhateverTheSpelling() {
        String absolute = Path.of("prisma/dev.db").toAbsolutePath().normalize().toString();
        assertEquals(absolute, TargetKeys.database("prisma/dev.db").shown());
        assertEquals(lexical("prisma/dev.db"), lexical("file:./prisma/dev.db"));
        assertEquals(lexical("prisma/dev.db"), lexical("sqlite:prisma/../prisma/dev.db"));
    }

    @Test
    void aCatalogueIsNamedAsSuch() {
        assertEquals("catalogue /srv/backups", TargetKeys.catalogue(Path.of("/srv/backups")).shown());
    }
}
