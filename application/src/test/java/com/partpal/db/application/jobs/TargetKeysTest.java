package com.partpal.db.application.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Jobs of any kind on one database share an identity whatever the spelling; what is shown never holds a user or
 * password.
 */
class TargetKeysTest {
    @Test
    void aPostgresDatabaseIsShownAsHostPortAndNameWhoeverConnects() {
        JobTarget target = TargetKeys.database("postgresql://app:secret@db.internal/partpal");
        assertEquals("db.internal:5432/partpal", target.shown());
        assertFalse(target.identity().contains("secret") || target.identity().contains("app"), target.identity());
        assertEquals(target.identity(),
                TargetKeys.database("postgres://admin:other@db.internal:5432/partpal?schema=public").identity());
        assertEquals("db.internal:6543/partpal", TargetKeys.database("postgresql://db.internal:6543/partpal").shown());
        assertNotEquals(target.identity(), TargetKeys.database("postgresql://db.internal:6543/partpal").identity());
    }

    @Test
    void everySpellingOfThisMachineIsOneServer() {
        String byName = TargetKeys.database("postgresql://localhost:5432/partpal").identity();
        assertEquals(byName, TargetKeys.database("postgresql://127.0.0.1:5432/partpal").identity());
        assertEquals(byName, TargetKeys.database("postgresql://[::1]:5432/partpal").identity());
        assertEquals(byName, TargetKeys.database("jdbc:postgresql://LOCALHOST/partpal").identity());
        assertNotEquals(byName, TargetKeys.database("postgresql://127.0.0.1:5432/other").identity());
    }

    @Test
    void aSqliteDatabaseIsItsRealFileWhateverTheSpelling(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("dev.db"));
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), file);
        JobTarget target = TargetKeys.database(file.toString());
        assertEquals(file.toAbsolutePath().normalize().toString(), target.shown());
        assertEquals(target.identity(), TargetKeys.database("file:" + dir.resolve("sub/../dev.db")).identity());
        assertEquals(target.identity(), TargetKeys.database("sqlite:" + link).identity());
    }

    @Test
    void aCatalogueIsNamedAsSuch() {
        assertEquals("catalogue /srv/backups", TargetKeys.catalogue(Path.of("/srv/backups")).shown());
    }
}
