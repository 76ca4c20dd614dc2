package com.partpal.db.domain.schema;

import java.util.List;
import java.util.Optional;

/** What schema discovery found: the tables to copy and everything it will not copy. */
public record SourceSchema(List<Table> tables, List<SkippedObject> skipped) {
    public SourceSchema {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
