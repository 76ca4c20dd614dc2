package com.partpal.db.application.port;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.verify.StoredColumn;
import com.partpal.db.domain.verify.StoredTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every {@link VerifiableDatabase} must do, checked on {@link KnownData#ALL}. An implementation's test extends
 * this class, creates a database holding that data through {@link #openWithKnownData(List)}, and states through the
 * other abstract methods where its engine legitimately differs.
 */
public abstract class VerifiableDatabaseContract {
    private VerifiableDatabase database;

    /** Creates a fresh database holding exactly the given statements' result and opens it for verification. */
    protected abstract VerifiableDatabase openWithKnownData(List<String> statements);

    /** The password the database was opened with, which describe() must never show; empty if there is none. */
    protected abstract Optional<String> password();

    /** True if the engine presents itself as a migration source (SQLite), false if it gives typed values. */
    protected abstract boolean presentsAsMigrationSource();

    /** The stored type of a column declared with {@code declared} in {@link KnownData}. */
    protected abstract String storedType(String declared);

    /** The cells of the label coded 'B' (code, active, seenAt, weight) with the Java types this engine gives. */
    protected abstract List<Object> labelB();

    @BeforeEach
    void open() {
        database = openWithKnownData(KnownData.ALL);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private StoredTable table(String name) {
        return database.storedTables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name));
    }

    private StoredColumn column(String name, String declared, boolean notNull) {
        return new StoredColumn(name, storedType(declared), notNull);
    }

    /** The named columns of every row, ordered by {@code orderBy}, each row as a list. */
    private List<List<Object>> read(String table, List<String> columns, List<String> orderBy) {
        List<List<Object>> rows = new ArrayList<>();
        try (RowCursor cursor = database.readOrdered(table, columns, orderBy)) {
            while (cursor.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.add(cursor.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> typeNames(List<Object> row) {
        return row.stream().map(v -> v == null ? "null" : v.getClass().getName()).toList();
    }

    @Test
    void describesItselfWithoutSecrets() {
        String described = database.describe();
        assertFalse(described.isBlank());
        assertFalse(described.toLowerCase().contains("password="), described);
        password().ifPresent(p -> {
            assertFalse(described.contains(p), described);
            assertFalse(database.toString().contains(p), database.toString());
        });
    }

    @Test
    void presentsItselfAsItsEngineDoes() {
        Optional<SourceDatabase> source = database.migrationSource();
        assertEquals(presentsAsMigrationSource(), source.isPresent());
        source.ifPresent(s -> assertEquals(
                database.storedTables().stream().map(StoredTable::name).sorted().toList(),
                s.readSchema().tables().stream().map(Table::name).sorted().toList()));
    }

    @Test
    void listsTablesWithColumnsKeysIndexesAndForeignKeys() {
        assertEquals(List.of("Owners", "labels", "pets"),
                database.storedTables().stream().map(StoredTable::name).sorted().toList());
        StoredTable owners = table("Owners");
        assertEquals(List.of(column("id", "INTEGER", true), column("Full Name", "TEXT", true),
                column("score", "DOUBLE PRECISION", false), column("joinedAt", "TEXT", false)), owners.columns());
        assertEquals(List.of("id"), owners.primaryKey());
        assertEquals(List.of(new Index("Owners_name_key", true, List.of("Full Name"), null, false)), owners.indexes());
        assertEquals(List.of(), owners.foreignKeys());
        StoredTable pets = table("pets");
        assertEquals(List.of(column("id", "INTEGER", true), column("ownerId", "INTEGER", false),
                column("name", "TEXT", true)), pets.columns());
        assertEquals(List.of("id"), pets.primaryKey());
        assertEquals(List.of(), pets.indexes());
        assertEquals(List.of(new ForeignKey("pets_owner_fkey", List.of("ownerId"), "Owners", List.of("id"), "CASCADE",
                "NO ACTION")), pets.foreignKeys());
        StoredTable labels = table("labels");
        assertEquals(List.of(column("code", "TEXT", false), column("active", "BOOLEAN", true),
                column("seenAt", "TIMESTAMP(3)", false), column("weight", "NUMERIC(10,2)", false)), labels.columns());
        assertEquals(List.of(), labels.primaryKey());
        assertEquals(List.of(), labels.indexes());
        for (StoredTable table : database.storedTables()) {
            assertNull(table.sequence(), table.name() + " has no serial column");
        }
    }

    @Test
    void countsRows() {
        assertEquals(3, database.countRows("Owners"));
        assertEquals(4, database.countRows("pets"));
        assertEquals(7, database.countRows("labels"));
    }

    @Test
    void ordersTextNullsFirstThenByCodePoint() {
        assertEquals(Arrays.asList(null, "", "B", "a", "é", "\uFF5E", "\uD83D\uDE00"),
                read("labels", List.of("code"), List.of("code")).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void ordersByEachKeyColumnInTurnAndReadsOnlyTheNamedColumns() {
        assertEquals(List.of(Arrays.asList(null, "Stray"), List.of(1L, "Bella"), List.of(1L, "Max"), List.of(3L, "Kat")),
                read("pets", List.of("ownerId", "name"), List.of("ownerId", "name")));
        assertEquals(List.of(List.of("Thabo Nkosi", 1L), List.of("Zoë van der Merwe", 2L),
                List.of("Sipho 'Sharp' Dlamini", 3L)), read("Owners", List.of("Full Name", "id"), List.of("id")));
    }

    @Test
    void givesValuesWithTheJavaTypesItsEngineHolds() {
        List<String> all = List.of("id", "Full Name", "score", "joinedAt");
        List<Object> thabo = read("Owners", all, List.of("id")).get(0);
        assertEquals(List.of(1L, "Thabo Nkosi", 4.5, "2024-01-02 03:04:05"), thabo);
        assertEquals(typeNames(List.of(1L, "", 0.0, "")), typeNames(thabo));
        List<String> columns = List.of("code", "active", "seenAt", "weight");
        List<Object> b = read("labels", columns, List.of("code")).get(2);
        assertEquals(labelB(), b);
        assertEquals(typeNames(labelB()), typeNames(b));
    }

    @Test
    void refusesAnUnknownTableAsBadInput() {
        assertThrows(BadInputException.class, () -> database.countRows("nope"));
        assertThrows(BadInputException.class, () -> database.readOrdered("nope", List.of("id"), List.of("id")));
    }

    @Test
    void closingTwiceIsSafe() {
        RowCursor cursor = database.readOrdered("pets", List.of("id"), List.of("id"));
        cursor.next();
        cursor.close();
        cursor.close();
        database.close();
        database.close();
    }
}
