package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thresholds and verdicts for `monitor --check`, Nagios style: each measurement is OK, WARNING or CRITICAL against
 * its warn and crit levels (higher is worse), and the run's status is the worst.
 */
public final class HealthCheck {
    public enum Status {
        OK, WARNING, CRITICAL, UNKNOWN
    }

    public record Threshold(double warn, double crit) {
        public Threshold {
            if (!(warn <= crit)) {
                throw new BadInputException("a threshold's warn level must not be above its crit level: " + warn + ":" + crit);
            }
        }
    }

    /**
     * One figure; {@code value} null means there was nothing to measure (no replicas, no backups catalogued) and
     * {@code missing} then decides: OK, or the status a missing figure earns (a backup expected but absent).
     */
    public record Measurement(String name, Double value, Threshold threshold, String detail, Status missing) {
        public Status status() {
            if (value == null) {
                return missing;
            }
            if (value >= threshold.crit()) {
                return Status.CRITICAL;
            }
            return value >= threshold.warn() ? Status.WARNING : Status.OK;
        }

        /** "idle_in_transaction_seconds 412 >= 300 (pid 12, user app)". */
        public String describe() {
            String shown = value == null ? "none" : number(value);
            String level = switch (status()) {
                case CRITICAL -> value == null ? "" : " >= " + number(threshold.crit());
                case WARNING -> " >= " + number(threshold.warn());
                default -> "";
            };
            return name + " " + shown + level + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** The defaults, by name: warn and crit. */
    public static final Map<String, Threshold> DEFAULTS = defaults();

    private HealthCheck() {
    }

    private static Map<String, Threshold> defaults() {
        Map<String, Threshold> t = new LinkedHashMap<>();
        t.put("connections_used_ratio", new Threshold(0.8, 0.9));
        t.put("long_running_query_seconds", new Threshold(60, 300));
        t.put("idle_in_transaction_seconds", new Threshold(60, 600));
        t.put("lock_wait_seconds", new Threshold(30, 120));
        t.put("dead_tuple_ratio", new Threshold(0.2, 0.4));
        t.put("table_bloat_ratio", new Threshold(0.4, 0.6));
        t.put("autovacuum_age_hours", new Threshold(24, 72));
        t.put("xid_age", new Threshold(500_000_000, 1_200_000_000));
        t.put("replication_lag_seconds", new Threshold(30, 300));
        t.put("backup_age_hours", new Threshold(26, 50));
        return java.util.Collections.unmodifiableMap(t);
    }

    /** The defaults with overrides of the form {@code name=warn:crit}. */
    public static Map<String, Threshold> thresholds(List<String> overrides) {
        Map<String, Threshold> all = new LinkedHashMap<>(DEFAULTS);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            int colon = override.indexOf(':', eq + 1);
            String name = eq < 0 ? override : override.substring(0, eq).trim();
            if (!all.containsKey(name)) {
                throw new BadInputException("unknown threshold '" + name + "': one of " + String.join(", ", all.keySet()));
            }
            if (eq < 0 || colon < 0) {
                throw new BadInputException("a threshold is name=warn:crit, e.g. backup_age_hours=26:50, got '" + override + "'");
            }
            try {
                all.put(name, new Threshold(Double.parseDouble(override.substring(eq + 1, colon).trim()),
                        Double.parseDouble(override.substring(colon + 1).trim())));
            } catch (NumberFormatException e) {
                throw new BadInputException("a threshold's levels are numbers, got '" + override + "'");
            }
        }
        return all;
    }

    public static Status worst(List<Measurement> measurements) {
        return measurements.stream().map(Measurement::status).max(Comparator.naturalOrder()).orElse(Status.OK);
    }

    /** Nagios plugin output: status line naming what is wrong, then perfdata after '|'. */
    public static String nagios(String service, List<Measurement> measurements) {
        Status worst = worst(measurements);
        List<Measurement> wrong = measurements.stream().filter(m -> m.status() != Status.OK)
                .sorted(Comparator.comparing(Measurement::status).reversed()).toList();
        String summary = wrong.isEmpty() ? measurements.size() + " checks ok"
                : wrong.stream().map(Measurement::describe).collect(Collectors.joining("; "));
        String perf = measurements.stream().filter(m -> m.value() != null)
                .map(m -> m.name() + "=" + number(m.value()) + ";" + number(m.threshold().warn()) + ";"
                        + number(m.threshold().crit()))
                .collect(Collectors.joining(" "));
        return service + " " + worst + " - " + summary + (perf.isEmpty() ? "" : " | " + perf);
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
