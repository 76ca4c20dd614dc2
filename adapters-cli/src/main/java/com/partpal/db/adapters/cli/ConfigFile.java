package com.partpal.db.adapters.cli;

import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** serve --config FILE: a .properties file read into the server's configuration (none: empty). */
final class ConfigFile {
    private ConfigFile() {
    }

    static Map<String, Object> read(Path file) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        if (file == null) {
            return configuration;
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("config file not found: " + file.toAbsolutePath().normalize());
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new BadInputException("cannot read the config file " + file + ": " + e.getMessage());
        }
        properties.stringPropertyNames().forEach(name -> configuration.put(name, properties.getProperty(name).trim()));
        return configuration;
    }
}
