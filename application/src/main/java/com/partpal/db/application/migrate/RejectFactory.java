package com.partpal.db.application.migrate;

import com.partpal.db.domain.report.Reject;
import com.partpal.db.domain.schema.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the rejects-file entry of a source row: its key (primary key columns, else the rowid) and all raw values. */
final class RejectFactory {
    private RejectFactory() {
    }

    static Reject of(Table table, long rowid, Object[] raw, String column, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            row.put(table.columns().get(i).name(), raw[i]);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        if (table.primaryKey().isEmpty()) {
            key.put("rowid", rowid);
        } else {
            for (String pk : table.primaryKey()) {
                key.put(pk, row.get(pk));
            }
        }
        return new Reject(table.name(), key, column, reason, row);
    }
}
