package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.schema.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A throwaway benchmark, not a test: java ... ReadThroughput ROWS. Writes a sample database and streams every table,
 * printing rows/s for generation and for reading (every cell through RowCursor.get).
 */
public final class ReadThroughput {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("partpal-read");
        Path db = dir.resolve("sample.db");
        long start = System.nanoTime();
        Map<String, Long> counts = new SqliteSampleDatabase().write(db, rows, true);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        report("sample write", total, start);
        System.out.printf("file size %.1f MB%n", Files.size(db) / 1e6);
        for (int round = 0; round < 2; round++) {
            try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(db.toString()))) {
                long all = 0;
                long allStart = System.nanoTime();
                for (Table table : source.readSchema().tables()) {
                    long tableStart = System.nanoTime();
                    long n = 0;
                    long nonNull = 0;
                    try (RowCursor cursor = source.readRows(table)) {
                        while (cursor.next()) {
                            n++;
                            for (int i = 0; i < table.columns().size(); i++) {
                                nonNull += cursor.get(i) == null ? 0 : 1;
                            }
                        }
                    }
                    all += n;
                    if (n > 100_000) {
                        report("read " + table.name() + " (" + table.columns().size() + " columns, " + nonNull + " cells)", n, tableStart);
                    }
                }
                report("read all tables", all, allStart);
                long censusStart = System.nanoTime();
                Table parts = source.readSchema().table("parts").orElseThrow();
                source.census(parts, java.util.Set.of("createdAt", "updatedAt"));
                report("census parts", source.countRows(parts), censusStart);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used %.0f MB of max %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        Files.delete(db);
        Files.delete(dir);
    }

    private static void report(String what, long rows, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-60s %,10d rows %6.2f s %,12.0f rows/s%n", what, rows, seconds, rows / seconds);
    }
}
