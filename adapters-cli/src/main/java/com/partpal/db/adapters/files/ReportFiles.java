package com.partpal.db.adapters.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where reports and rejects go by default, and writing a report file whole (never half). */
public final class ReportFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReportFiles() {
    }

    /** ./partpal-db-reports/{kind}-{UTC timestamp}.json */
    public static Path defaultReport(String kind) {
        return Path.of("partpal-db-reports", kind + "-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + ".json");
    }

    /** The rejects file next to a report: same name with -rejects.jsonl. */
    public static Path rejectsNextTo(Path report) {
        String name = report.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return report.resolveSibling(base + "-rejects.jsonl");
    }

    public static void write(Path file, String json) {
        Path target = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target + ": " + e.getMessage(), e);
        }
    }
}
