package com.partpal.db.domain.verify;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.JsonReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source as a migrate run copied it, from that run's report: its snapshot's moment and, per table, what the
 * verification that ended the run read in that snapshot (the checksum of the rows expected in the target, and the
 * highest rowid). A later verify compares the source as it is now with it, to tell rows the app wrote after the
 * snapshot from rows the copy got wrong.
 */
public record SnapshotBaseline(String snapshotAt, Map<String, Table> tables) {
    /** One table at the snapshot; highestRowid is null when the report predates it or the table has no rowid. */
    public record Table(String checksum, Long highestRowid) {
    }

    public SnapshotBaseline {
        tables = Map.copyOf(tables);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Reads a migrate report; one clear line when it is not one, or has no verification to compare with. */
    public static SnapshotBaseline fromMigrateReport(String json, String file) {
        Object parsed;
        try {
            parsed = JsonReader.read(json);
        } catch (BadInputException e) {
            throw new BadInputException("not a migrate report: " + file + " (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> report) || !report.containsKey("snapshotAt")) {
            throw new BadInputException("not a migrate report: " + file + " (no snapshotAt)");
        }
        if (!(report.get("snapshotAt") instanceof String snapshotAt)) {
            throw new BadInputException(file + " records no source snapshot (a dry run, or a source that could not"
                    + " be pinned): nothing to compare with");
        }
        if (!(report.get("verification") instanceof Map<?, ?> verification)
                || !(verification.get("tables") instanceof List<?> rows)) {
            throw new BadInputException(file + " holds no verification of the snapshot (the run used --no-verify or"
                    + " failed before it): nothing to compare with");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> t && t.get("table") instanceof String name
                    && t.get("sourceChecksum") instanceof String checksum) {
                Long highest = t.get("sourceMaxRowid") instanceof Number n ? n.longValue() : null;
                tables.put(name, new Table(checksum, highest));
            }
        }
        return new SnapshotBaseline(snapshotAt, tables);
    }
}
