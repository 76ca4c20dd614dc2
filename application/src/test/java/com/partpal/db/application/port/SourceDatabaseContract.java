package com.partpal.db.application.port;

import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link SourceDatabase} must do, checked on a small known data set. An implementation's test extends
 * this class and creates, through {@link #openWithKnownData(List)}, a database holding what {@link #KNOWN_DATA}
 * describes (plain SQL that SQLite and PostgreSQL both run), then opens it as a SourceDatabase.
 */
public abstract class SourceDatabaseContract {
    /** Two tables: owners (3 rows) and pets (4 rows, one with a NULL owner), a unique index, a named foreign key. */
    protected static final List<String> KNOWN_DATA = KnownData.OWNERS_AND_PETS;

    private SourceDatabase source;

    /** Creates a fresh database holding exactly the given statements' result and opens it as a source. */
    protected abstract SourceDatabase openWithKnownData(List<String> statements);

    @BeforeEach
    void open() {
        source = openWithKnownData(KNOWN_DATA);
    }

    @AfterEach
    void close() {
        source.close();
    }

    private Table table(String name) {
        return source.readSchema().table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private List<SourceRow> readAll(Table table) {
        return readAll(source, table);
    }

    /** Every row of the table through a cursor, each value read with {@link RowCursor#get(int)}. */
    public static List<SourceRow> readAll(SourceDatabase source, Table table) {
        List<SourceRow> rows = new ArrayList<>();
        try (RowCursor cursor = source.readRows(table)) {
            while (cursor.next()) {
                Object[] values = new Object[table.columns().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = cursor.get(i);
                }
                rows.add(new SourceRow(cursor.rowid(), values));
            }
        }
        return rows;
    }

    @Test
    void describesItselfWithoutSecrets() {
        assertFalse(source.describe().isBlank());
        assertFalse(source.describe().toLowerCase().contains("password="));
    }

    @Test
    void discoversTablesColumnsAndKeys() {
        SourceSchema schema = source.readSchema();
        assertEquals(List.of("Owners", "pets"), schema.tables().stream().map(Table::name).toList());
        Table owners = table("Owners");
        assertEquals(List.of("id", "Full Name", "score", "joinedAt"), owners.columnNames());
        assertTrue(owners.column("Full Name").orElseThrow().notNull());
        assertFalse(owners.column("score").orElseThrow().notNull());
        assertEquals(List.of("id"), owners.primaryKey());
        assertEquals("Owners_pkey", owners.primaryKeyName());
        assertEquals(1, owners.column("id").orElseThrow().pkOrdinal());
        assertEquals(List.of(new Index("Owners_name_key", true, List.of("Full Name"), null, false)), owners.indexes());
        Table pets = table("pets");
        assertEquals("'rex'", pets.column("name").orElseThrow().defaultSql());
        assertEquals(List.of(new ForeignKey("pets_owner_fkey", List.of("ownerId"), "Owners", List.of("id"), "CASCADE", "NO ACTION")),
                pets.foreignKeys());
    }

    @Test
    void countsRows() {
        assertEquals(3, source.countRows(table("Owners")));
        assertEquals(4, source.countRows(table("pets")));
    }

    @Test
    void streamsEveryRowWithRawValuesInKeyOrder() {
        List<SourceRow> owners = readAll(table("Owners"));
        assertEquals(List.of(
                "[1, Thabo Nkosi, 4.5, 2024-01-02 03:04:05]",
                "[2, Zoë van der Merwe, null, null]",
                "[3, Sipho 'Sharp' Dlamini, -0.25, 2023-12-31]"),
                owners.stream().map(r -> Arrays.toString(r.values())).toList());
        assertEquals(Long.class, owners.get(0).values()[0].getClass());
        assertEquals(Double.class, owners.get(0).values()[2].getClass());
        assertEquals(3, owners.stream().map(SourceRow::rowid).distinct().count());
        List<SourceRow> pets = readAll(table("pets"));
        assertEquals(List.of(10L, 11L, 12L, 13L), pets.stream().map(r -> r.values()[0]).toList());
        assertEquals(null, pets.get(3).values()[1]);
    }

    @Test
    void rowidsAreIncreasingAndFindTheSameRowsAgain() {
        Table pets = table("pets");
        List<SourceRow> streamed = readAll(pets);
        for (int i = 1; i < streamed.size(); i++) {
            assertTrue(streamed.get(i).rowid() > streamed.get(i - 1).rowid());
        }
        List<SourceRow> picked = source.readRowsByRowid(pets, List.of(streamed.get(3).rowid(), streamed.get(1).rowid()));
        assertEquals(List.of(streamed.get(1).rowid(), streamed.get(3).rowid()), picked.stream().map(SourceRow::rowid).toList());
        assertEquals(Arrays.toString(streamed.get(1).values()), Arrays.toString(picked.get(0).values()));
        assertEquals(Arrays.toString(streamed.get(3).values()), Arrays.toString(picked.get(1).values()));
        assertEquals(List.of(), source.readRowsByRowid(pets, List.of()));
    }

    @Test
    void aCursorClosedEarlyReleasesTheTable() {
        Table owners = table("Owners");
        try (RowCursor cursor = source.readRows(owners)) {
            assertTrue(cursor.next());
        }
        assertEquals(3, readAll(owners).size());
    }

    @Test
    void censusCountsValuesPerColumn() {
        TableCensus census = source.census(table("Owners"), Set.of("joinedAt"));
        assertEquals("Owners", census.table());
        assertEquals(3, census.rows());
        ColumnCensus id = census.columns().get(0);
        assertEquals(List.of(3L, 0L, 0L, 0L, 0L, 0L), List.of(id.integers(), id.reals(), id.texts(), id.blobs(), id.nulls(),
                id.outside32Bit()));
        assertEquals(-1, id.epochMillis());
        ColumnCensus score = census.columns().get(2);
        assertEquals(List.of(0L, 2L, 1L), List.of(score.integers(), score.reals(), score.nulls()));
        ColumnCensus joined = census.columns().get(3);
        assertEquals(List.of(2L, 1L, 0L, 0L, 2L, 0L), List.of(joined.texts(), joined.nulls(), joined.epochMillis(),
                joined.epochSeconds(), joined.isoText(), joined.otherText()));
        assertEquals(3, census.columns().get(1).texts());
    }
}
