package com.partpal.db.domain.prisma;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An app's schema.prisma as far as the database goes: its models and enums (datasource and generators are not
 * needed). Given with --prisma-schema, it decides the target's types, enum types and defaults the way Prisma's
 * PostgreSQL provider creates them.
 */
public record PrismaSchema(List<PrismaModel> models, List<PrismaEnum> enums) {
    public PrismaSchema {
        models = List.copyOf(models);
        enums = List.copyOf(enums);
    }

    /** The model stored in this table (@@map, else the model's name), matched ignoring ASCII case as SQLite does. */
    public Optional<PrismaModel> modelForTable(String table) {
        return models.stream().filter(m -> m.tableName().toLowerCase(Locale.ROOT).equals(table.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public Optional<PrismaEnum> enumNamed(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
