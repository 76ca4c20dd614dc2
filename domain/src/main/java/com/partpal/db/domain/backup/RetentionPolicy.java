package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which backups to delete, per database. A backup is kept when any rule keeps it: it is among the {@code keepLast}
 * newest, or younger than {@code maxAgeDays} days. The newest good backup of each database is always kept, whatever
 * the rules say. A null rule keeps nothing by itself; with no rule at all nothing is deleted.
 */
public record RetentionPolicy(Integer maxAgeDays, Integer keepLast) {
    private static final Comparator<BackupManifest> NEWEST_FIRST =
            Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::id).reversed();

    public RetentionPolicy {
        if (maxAgeDays != null && maxAgeDays < 0) {
            throw new BadInputException("--retention-days must be 0 or more, not " + maxAgeDays);
        }
        if (keepLast != null && keepLast < 0) {
            throw new BadInputException("--keep-last must be 0 or more, not " + keepLast);
        }
    }

    /** What retention applies when no rule is given: 30 days, as the original scripts kept. */
    public static final int DEFAULT_DAYS = 30;

    public static RetentionPolicy keepAll() {
        return new RetentionPolicy(null, null);
    }

    /** The rules given, or {@value #DEFAULT_DAYS} days when neither is. */
    public static RetentionPolicy orDefault(Integer maxAgeDays, Integer keepLast) {
        return maxAgeDays == null && keepLast == null
                ? new RetentionPolicy(DEFAULT_DAYS, null) : new RetentionPolicy(maxAgeDays, keepLast);
    }

    /** The rules as a short phrase for output: "30 days", "7 newest", "30 days or 7 newest". */
    public String describe() {
        if (keepsEverything()) {
            return "keep everything";
        }
        String days = maxAgeDays == null ? null : maxAgeDays + " days";
        String last = keepLast == null ? null : keepLast + " newest";
        return days != null && last != null ? days + " or " + last : days != null ? days : last;
    }

    public boolean keepsEverything() {
        return maxAgeDays == null && keepLast == null;
    }

    /** The backups to delete, oldest first. */
    public List<BackupManifest> toDelete(List<BackupManifest> all, Instant now) {
        if (keepsEverything()) {
            return List.of();
        }
        Map<String, List<BackupManifest>> byDatabase = all.stream()
                .collect(Collectors.groupingBy(m -> m.catalogueDatabase().key()));
        List<BackupManifest> doomed = new ArrayList<>();
        byDatabase.values().forEach(backups -> doomed.addAll(toDeleteOfOneDatabase(backups, now)));
        doomed.sort(NEWEST_FIRST.reversed());
        return doomed;
    }

    private List<BackupManifest> toDeleteOfOneDatabase(List<BackupManifest> backups, Instant now) {
        List<BackupManifest> newestFirst = backups.stream().sorted(NEWEST_FIRST).toList();
        Set<String> kept = new HashSet<>();
        newestFirst.stream().filter(BackupManifest::good).findFirst().ifPresent(b -> kept.add(b.id()));
        if (keepLast != null) {
            newestFirst.stream().limit(keepLast).forEach(b -> kept.add(b.id()));
        }
        if (maxAgeDays != null) {
            Instant cutoff = now.minus(Duration.ofDays(maxAgeDays));
            newestFirst.stream().filter(b -> !b.startedAt().isBefore(cutoff)).forEach(b -> kept.add(b.id()));
        }
        return newestFirst.stream().filter(b -> !kept.contains(b.id())).toList();
    }
}
