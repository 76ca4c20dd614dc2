package com.partpal.db.domain.prisma;

import java.util.List;

/**
 * An enum: becomes CREATE TYPE name AS ENUM (values in schema order) on PostgreSQL.
 *
 * @param dbName the @@map name, or null
 * @param values the values as stored (a value's @map, else its name), in schema order
 */
public record PrismaEnum(String name, String dbName, List<String> values) {
    public PrismaEnum {
        values = List.copyOf(values);
    }

    public String typeName() {
        return dbName != null ? dbName : name;
    }
}
