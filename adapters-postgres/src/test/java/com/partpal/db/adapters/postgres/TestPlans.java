package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.SequencePlan;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.CellConverter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Hand-built plans (the plan builder lives elsewhere); converters pass raw values through. */
final class TestPlans {
    private TestPlans() {
    }

    static TargetColumn column(String name, TargetType type, boolean notNull) {
        return new TargetColumn(name, ColumnType.of(type), notNull, null, false);
    }

    static TargetColumn column(String name, ColumnType type, boolean notNull, String defaultSql) {
        return new TargetColumn(name, type, notNull, defaultSql, false);
    }

    static TargetColumn serial(String name) {
        return new TargetColumn(name, ColumnType.of(TargetType.INTEGER), true, null, true);
    }

    static TargetTable table(String name, List<TargetColumn> columns, List<String> primaryKey, List<Index> indexes,
                             List<ForeignKey> foreignKeys, SequencePlan sequence) {
        List<Column> sourceColumns = new ArrayList<>();
        for (TargetColumn column : columns) {
            sourceColumns.add(new Column(column.name(), "", column.notNull(), null,
                    primaryKey.indexOf(column.name()) + 1));
        }
        Table source = new Table(name, sourceColumns, primaryKey, name + "_pkey", null, false,
                sequence == null ? null : sequence.highestSourceKey(), indexes, foreignKeys, "CREATE TABLE ...");
        CellConverter passThrough = raw -> raw;
        return new TargetTable(source, name, columns, Collections.nCopies(columns.size(), passThrough), primaryKey,
                name + "_pkey", indexes, foreignKeys, sequence);
    }

    static ForeignKey fk(String table, String column, String parent, String onDelete) {
        return new ForeignKey(table + "_" + column + "_fkey", List.of(column), parent, List.of("id"), onDelete, "CASCADE");
    }

    /**
     * Users -> "Part Items" -> reviews (three levels) and a self-referencing "Categories"; mixed-case names with
     * spaces and quotes.
     */
    static MigrationPlan shop(Long usersSqliteSequence) {
        TargetTable users = table("Users", List.of(serial("id"),
                        column("E-mail \"address\"", ColumnType.of(TargetType.TEXT), true, null),
                        column("createdAt", ColumnType.of(TargetType.TIMESTAMP), true, "CURRENT_TIMESTAMP"),
                        column("active", ColumnType.of(TargetType.BOOLEAN), true, "true")),
                List.of("id"), List.of(new Index("Users_E-mail_key", true, List.of("E-mail \"address\""), null, false)),
                List.of(), new SequencePlan("id", "Users_id_seq", usersSqliteSequence));
        TargetTable categories = table("Categories", List.of(serial("id"),
                        column("parentId", TargetType.INTEGER, false), column("name", TargetType.TEXT, true)),
                List.of("id"), List.of(new Index("Categories_name_key", true, List.of("name"), null, true)),
                List.of(fk("Categories", "parentId", "Categories", "SET NULL")),
                new SequencePlan("id", "Categories_id_seq", null));
        TargetTable parts = table("Part Items", List.of(serial("id"),
                        column("userId", TargetType.INTEGER, true), column("categoryId", TargetType.INTEGER, false),
                        column("price", new ColumnType(TargetType.NUMERIC, 10, 2), false, "0"),
                        column("sold", TargetType.BOOLEAN, false)),
                List.of("id"), List.of(new Index("Part Items_userId_idx", false, List.of("userId"), null, false),
                        new Index("Part Items_unsold_idx", false, List.of("categoryId"), "\"sold\" = false", false)),
                List.of(fk("Part Items", "userId", "Users", "CASCADE"),
                        fk("Part Items", "categoryId", "Categories", "SET NULL")),
                new SequencePlan("id", "Part Items_id_seq", null));
        TargetTable reviews = table("reviews", List.of(column("partId", TargetType.INTEGER, true),
                        column("userId", TargetType.INTEGER, true), column("stars", TargetType.INTEGER, true)),
                List.of("partId", "userId"), List.of(),
                List.of(fk("reviews", "partId", "Part Items", "CASCADE"), fk("reviews", "userId", "Users", "NO ACTION")),
                null);
        return new MigrationPlan(List.of(users, categories, parts, reviews), List.of());
    }
}
