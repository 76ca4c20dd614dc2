package com.partpal.db.domain.prisma;

/**
 * A field of a model.
 *
 * @param type          the scalar type (String, Int, BigInt, Float, Decimal, Boolean, DateTime, Json, Bytes), an
 *                      enum's name, or a model's name (a relation field, which has no column)
 * @param optional      declared with ?
 * @param list          declared with []
 * @param dbName        the @map name, or null
 * @param nativeType    the @db.* attribute without "@db." ("VarChar(255)", "Uuid"), or null
 * @param defaultValue  what @default(...) holds as written ("now()", "BUYER", "\"ZAR\"", "0"), or null
 * @param relation      the field is a relation to another model (its type names a model)
 * @param foreignKey    its @relation with fields and references (the side holding the foreign key), or null
 */
public record PrismaField(String name, String type, boolean optional, boolean list, String dbName, boolean id,
                          boolean unique, String nativeType, String defaultValue, boolean updatedAt,
                          boolean relation, PrismaRelation foreignKey) {
    public PrismaField(String name, String type, boolean optional, boolean list, String dbName, boolean id,
                       boolean unique, String nativeType, String defaultValue, boolean updatedAt, boolean relation) {
        this(name, type, optional, list, dbName, id, unique, nativeType, defaultValue, updatedAt, relation, null);
    }

    public String columnName() {
        return dbName != null ? dbName : name;
    }

    public boolean isRelation() {
        return relation;
    }
}
