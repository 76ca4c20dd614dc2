package com.partpal.db.adapters.cli;

import com.partpal.db.application.monitoring.HealthUseCase;
import com.partpal.db.application.port.monitoring.HealthFigures;
import com.partpal.db.domain.ops.HealthCheck;

import java.util.Locale;

/** The health section of `monitor`: each measurement with its verdict, then the sessions and tables behind them. */
final class HealthPrinter {
    private HealthPrinter() {
    }

    static String text(HealthUseCase.Report report) {
        StringBuilder out = new StringBuilder("health: ").append(report.status()).append('\n');
        for (HealthCheck.Measurement m : report.measurements()) {
            out.append(String.format(Locale.ROOT, "  %-8s %s (warn %s, crit %s)%n", m.status(), m.describe(),
                    strip(m.threshold().warn()), strip(m.threshold().crit())));
        }
        HealthFigures f = report.figures();
        f.longRunning().forEach(s -> out.append(session("long-running", s)));
        f.idleInTransaction().forEach(s -> out.append(session("idle in transaction", s)));
        f.lockWaits().forEach(w -> out.append(String.format(Locale.ROOT, "  waiting for a lock: pid %d user %s %.0f s,"
                + " blocked by %s%n", w.pid(), w.user(), w.seconds(), w.blockedBy())));
        f.vacuum().stream().filter(t -> t.deadTuples() > 0).forEach(t -> out.append(String.format(Locale.ROOT,
                "  dead tuples: %s.%s %d dead, %d live (%.1f%%), last vacuum %s%n", t.schema(), t.table(), t.deadTuples(),
                t.liveTuples(), 100 * t.deadRatio(), t.lastVacuum() == null ? "never" : t.lastVacuum())));
        f.bloat().stream().filter(t -> t.bloatBytes() > 0).forEach(t -> out.append(String.format(Locale.ROOT,
                "  bloat (estimate): %s.%s about %d of %d bytes (%.0f%%)%n", t.schema(), t.table(), t.bloatBytes(),
                t.bytes(), 100 * t.ratio())));
        f.replication().replicas().forEach(r -> out.append(String.format(Locale.ROOT, "  replica %s %s, replay lag %s s,"
                + " %s bytes behind%n", r.name(), r.state(), r.replayLagSeconds(), r.lagBytes())));
        return out.toString().stripTrailing();
    }

    private static String session(String what, HealthFigures.Session s) {
        return String.format(Locale.ROOT, "  %s: pid %d user %s application %s database %s, %.0f s%n", what, s.pid(),
                s.user(), s.application(), s.database(), s.seconds());
    }

    private static String strip(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
