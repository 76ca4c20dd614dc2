package com.partpal.db.adapters.files;

import com.partpal.db.application.port.RejectsFileReader;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.verify.ExpectedRejects;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON Lines rejects file migrate writes (see {@link JsonLinesRejectsFile}), for verify and its jobs. */
public final class JsonLinesRejectsReader implements RejectsFileReader {
    @Override
    public ExpectedRejects read(String file) {
        return file == null ? ExpectedRejects.NONE : read(Path.of(file));
    }

    public static ExpectedRejects read(Path file) {
        if (file == null) {
            return ExpectedRejects.NONE;
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("rejects file not found: " + file.toAbsolutePath().normalize());
        }
        try {
            return ExpectedRejects.parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new BadInputException("cannot read the rejects file " + file + ": " + e.getMessage(), e);
        }
    }
}
