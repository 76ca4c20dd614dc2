package com.partpal.db.adapters.cli;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void readsAPropertiesFileTrimmingValues() throws Exception {
        Path file = dir.resolve("partpal-db.properties");
        Files.writeString(file, "# nightly\npartpal.schedules.nightly.cron = 0 15 2 * * *  \n"
                + "partpal.schedules.nightly.database=shop.db\n");
        assertEquals(Map.of("partpal.schedules.nightly.cron", "0 15 2 * * *",
                "partpal.schedules.nightly.database", "shop.db"), ConfigFile.read(file));
    }

    @Test
    void noFileIsNoConfigurationAndAMissingOneIsBadInput() {
        assertTrue(ConfigFile.read(null).isEmpty());
        String message = assertThrows(BadInputException.class, () -> ConfigFile.read(dir.resolve("nope.properties")))
                .getMessage();
        assertEquals("config file not found: " + dir.resolve("nope.properties").toAbsolutePath().normalize(), message);
    }
}
