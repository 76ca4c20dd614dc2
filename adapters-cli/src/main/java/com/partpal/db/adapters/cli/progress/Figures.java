package com.partpal.db.adapters.cli.progress;

import com.partpal.db.domain.report.TableResult;

import java.util.Locale;

/** Number formatting shared by the progress displays and summaries. */
public final class Figures {
    private Figures() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(long rows, double seconds) {
        return seconds <= 0 ? "-" : count(Math.round(rows / seconds));
    }

    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    public static String tableLine(TableResult r) {
        return String.format(Locale.ROOT, "%-24s %12s rows copied, %s rejected in %s (%s rows/s)", r.table(),
                count(r.copied()), count(r.rejected()), duration(r.seconds()), rate(r.sourceRows(), r.seconds()));
    }
}
