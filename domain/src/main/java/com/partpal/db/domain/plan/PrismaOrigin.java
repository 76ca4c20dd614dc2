package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;

import java.util.List;
import java.util.Locale;

/**
 * Whether the source was made by Prisma, and why: Prisma writes a DateTime to SQLite as integer epoch milliseconds
 * (or that number as text) and reads every integer back as milliseconds, so in a Prisma-made database the integers of
 * DATETIME columns are milliseconds whatever their size.
 *
 * <p>A database is Prisma-made when it has a {@code _prisma_migrations} table, or (after {@code prisma db push}, which
 * leaves none) when it has foreign keys and every one is declared {@code CONSTRAINT "<table>_<columns>_fkey"}, the
 * names Prisma gives them. A foreign key the source leaves unnamed does not count as so named.
 */
public record PrismaOrigin(boolean prismaMade, String reason) {
    static final String MIGRATIONS_TABLE = "_prisma_migrations";

    public static PrismaOrigin of(SourceSchema schema) {
        if (schema.skipped().stream().anyMatch(s -> s.kind().equals("table")
                && s.name().equalsIgnoreCase(MIGRATIONS_TABLE))) {
            return new PrismaOrigin(true, "it has a " + MIGRATIONS_TABLE + " table");
        }
        int foreignKeys = 0;
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                foreignKeys++;
                if (!declaredAsPrismaNamesIt(table, fk)) {
                    return new PrismaOrigin(false, "foreign key " + describe(table, fk)
                            + " is not declared with the name Prisma gives (" + prismaName(table, fk.columns()) + ")");
                }
            }
        }
        if (foreignKeys == 0) {
            return new PrismaOrigin(false, "no " + MIGRATIONS_TABLE + " table and no foreign keys");
        }
        return new PrismaOrigin(true, "every one of its " + foreignKeys + " foreign keys is declared with the name"
                + " Prisma gives (<table>_<columns>_fkey)");
    }

    /** Given by --prisma-schema. */
    public static PrismaOrigin declared(String why) {
        return new PrismaOrigin(true, why);
    }

    private static boolean declaredAsPrismaNamesIt(Table table, ForeignKey fk) {
        String expected = prismaName(table, fk.columns());
        if (!expected.equals(fk.name()) || table.sql() == null) {
            return false;
        }
        String sql = table.sql().toLowerCase(Locale.ROOT);
        return sql.contains("constraint \"" + expected.toLowerCase(Locale.ROOT) + "\"");
    }

    private static String prismaName(Table table, List<String> columns) {
        return table.name() + "_" + String.join("_", columns) + "_fkey";
    }

    private static String describe(Table table, ForeignKey fk) {
        return table.name() + " (" + String.join(", ", fk.columns()) + ")";
    }

    /** "Prisma-made: ..." or "not Prisma-made: ...", as the plan and the report say it. */
    public String describe() {
        return (prismaMade ? "Prisma-made: " : "not Prisma-made: ") + reason;
    }
}
