package com.partpal.db.domain.plan;

import com.partpal.db.domain.prisma.PrismaField;
import com.partpal.db.domain.prisma.PrismaModel;
import com.partpal.db.domain.prisma.PrismaSchema;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * With --prisma-schema, the names Prisma's PostgreSQL provider gives a model's constraints and indexes, whatever the
 * SQLite file calls them (a hand-made file, or one from an older Prisma that wrote "User.email_unique"): the map:
 * argument where the schema gives one, else {table}_pkey, {table}_{columns}_key, {table}_{columns}_idx and
 * {table}_{columns}_fkey, from the database names of table and columns, cut as Prisma cuts them to fit 63 bytes
 * (the table and columns part to at most 58 bytes before _pkey/_fkey and 59 before _key/_idx, never inside a
 * character). A partial index (Prisma has none) keeps its name. Each name that changes is a note.
 */
final class PrismaConstraintNames {
    private static final int MAX_IDENTIFIER = 63;

    private PrismaConstraintNames() {
    }

    static Table named(PrismaSchema prisma, Table table, List<PlanNote> notes) {
        Optional<PrismaModel> found = prisma.modelForTable(table.name());
        if (found.isEmpty()) {
            return table;
        }
        PrismaModel model = found.get();
        String primaryKeyName = table.primaryKeyName() == null ? null
                : name(model, PrismaModel.PRIMARY_KEY, truncated(table.name(), "_pkey"), table, table.primaryKeyName(),
                "primary key", notes);
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (index.predicate() != null) {
                indexes.add(index);
                continue;
            }
            String suffix = index.unique() ? "_key" : "_idx";
            String derived = truncated(table.name() + "_" + String.join("_", columns(model, index.columns())), suffix);
            String key = (index.unique() ? "key:" : "idx:") + String.join(",", fields(model, index.columns()));
            indexes.add(new Index(name(model, key, derived, table, index.name(), index.unique() ? "unique index" : "index",
                    notes), index.unique(), index.columns(), null, index.constraint()));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            String derived = truncated(table.name() + "_" + String.join("_", columns(model, fk.columns())), "_fkey");
            String name = name(model, "fkey:" + String.join(",", fields(model, fk.columns())), derived, table, fk.name(),
                    "foreign key", notes);
            foreignKeys.add(new ForeignKey(name, fk.columns(), fk.parentTable(), fk.parentColumns(), fk.onDelete(),
                    fk.onUpdate(), fk.deferral()));
        }
        return new Table(table.name(), table.columns(), table.primaryKey(), primaryKeyName, table.rowidAlias(),
                table.withoutRowid(), table.sequenceValue(), indexes, foreignKeys, table.sql());
    }

    private static String name(PrismaModel model, String key, String derived, Table table, String current, String kind,
                               List<PlanNote> notes) {
        String name = model.mapNames().getOrDefault(key, derived);
        if (!name.equals(current)) {
            notes.add(new PlanNote("name", kind + " " + table.name() + "." + current, "renamed to " + name,
                    "the name Prisma's PostgreSQL provider gives it (--prisma-schema)"));
        }
        return name;
    }

    /** The field stored in each column (its name), else the column's name. */
    private static List<String> fields(PrismaModel model, List<String> columns) {
        return columns.stream().map(c -> model.fieldForColumn(c).map(PrismaField::name).orElse(c)).toList();
    }

    /** The database name of each column as the schema spells it (@map, else the field's name). */
    private static List<String> columns(PrismaModel model, List<String> columns) {
        return columns.stream().map(c -> model.fieldForColumn(c).map(PrismaField::columnName).orElse(c)).toList();
    }

    /** Prisma's cut: a stem of limit - suffix bytes or more is cut to that many (at a character boundary). */
    static String truncated(String stem, String suffix) {
        int limit = MAX_IDENTIFIER - suffix.length();
        byte[] bytes = stem.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return stem + suffix;
        }
        int end = limit;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) { // a continuation byte: not a character boundary
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + suffix;
    }
}
