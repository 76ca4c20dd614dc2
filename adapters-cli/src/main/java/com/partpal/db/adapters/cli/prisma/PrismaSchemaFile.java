package com.partpal.db.adapters.cli.prisma;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.prisma.PrismaSchema;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads --prisma-schema FILE: one clear line when the file is missing, unreadable or no Prisma schema. */
public final class PrismaSchemaFile {
    private PrismaSchemaFile() {
    }

    public static PrismaSchema read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--prisma-schema " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new BadInputException("--prisma-schema " + file + ": not a text file (UTF-8)");
        } catch (IOException e) {
            throw new BadInputException("--prisma-schema " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        PrismaSchema schema = PrismaSchemaParser.parse(text, file.toString());
        if (schema.models().isEmpty()) {
            throw new BadInputException("--prisma-schema " + file + ": no model in it (is it the app's schema.prisma?)");
        }
        return schema;
    }
}
