package com.partpal.db.application.fakes;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.SourceRow;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory source: rows are numbered 1.. as rowids. */
public final class FakeSource implements SourceDatabase {
    private final SourceSchema schema;
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    public boolean closed;
    /** What requireIntact throws, as a source whose integrity check found damage would. */
    public RuntimeException refusal;

    public FakeSource(SourceSchema schema) {
        this.schema = schema;
    }

    public FakeSource rows(String table, Object[]... values) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    @Override
    public void requireIntact() {
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public String describe() {
        return "fake:source";
    }

    @Override
    public SourceSchema readSchema() {
        return schema;
    }

    @Override
    public long countRows(Table table) {
        return rowsOf(table).size();
    }

    @Override
    public TableCensus census(Table table, Set<String> dateTimeColumns) {
        List<ColumnCensus> columns = new ArrayList<>();
        Table whole = schema.table(table.name()).orElseThrow(); // table may hold only some of its columns
        for (int c = 0; c < table.columns().size(); c++) {
            int i = whole.columnIndex(table.columns().get(c).name());
            long wide = 0;
            for (Object[] row : rowsOf(table)) {
                if (row[i] instanceof Long l && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) {
                    wide++;
                }
            }
            columns.add(new ColumnCensus(table.columns().get(c).name(), 0, 0, 0, 0, 0, -1, -1, -1, -1, wide));
        }
        return new TableCensus(table.name(), rowsOf(table).size(), columns);
    }

    @Override
    public RowCursor readRows(Table table) {
        List<Object[]> data = rowsOf(table);
        return new RowCursor() {
            int at = -1;

            @Override
            public boolean next() {
                return ++at < data.size();
            }

            @Override
            public long rowid() {
                return at + 1;
            }

            @Override
            public Object get(int columnIndex) {
                return data.get(at)[columnIndex];
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<SourceRow> readRowsByRowid(Table table, Collection<Long> rowids) {
        return rowids.stream().map(id -> new SourceRow(id, rowsOf(table).get((int) (id - 1)))).toList();
    }

    private List<Object[]> rowsOf(Table table) {
        return rows.getOrDefault(table.name(), List.of());
    }

    @Override
    public void close() {
        closed = true;
    }
}
