package com.partpal.db.adapters.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peak Java heap a child JVM used, read from its {@code -Xlog:gc} file: the largest heap occupancy any collection
 * found before it ran ({@code Pause Young ... 120M->30M(256M)}). A run that never collected shows 0.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private GcLog() {
    }

    /** The JVM option that writes the log. */
    static String option(Path log) {
        return "-Xlog:gc:file=" + log;
    }

    static long peakHeapMb(Path log) {
        long peak = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                while (m.find()) {
                    peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return peak;
    }
}
