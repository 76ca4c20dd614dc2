package com.partpal.db.domain.prisma;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A model: its fields in declaration order and its block attributes.
 *
 * @param dbName    the @@map name, or null
 * @param id        the fields of @@id (empty when the id is a field's @id)
 * @param uniques   the field lists of each @@unique
 * @param indexes   the field lists of each @@index
 * @param mapNames  the map: arguments given to name a constraint or index in the database, by what they name:
 *                  {@link #PRIMARY_KEY}, or "key:", "idx:" or "fkey:" and the field names joined by "," (a @unique,
 *                  @@unique, @@index or the @relation holding those fields)
 */
public record PrismaModel(String name, String dbName, List<PrismaField> fields, List<String> id,
                          List<List<String>> uniques, List<List<String>> indexes, Map<String, String> mapNames) {
    public static final String PRIMARY_KEY = "pkey";

    public PrismaModel {
        mapNames = Map.copyOf(mapNames);
        fields = List.copyOf(fields);
        id = List.copyOf(id);
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
    }

    public String tableName() {
        return dbName != null ? dbName : name;
    }

    /** The scalar field stored in this column (@map, else the field's name), matched ignoring ASCII case. */
    public Optional<PrismaField> fieldForColumn(String column) {
        return fields.stream().filter(f -> !f.isRelation())
                .filter(f -> f.columnName().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
