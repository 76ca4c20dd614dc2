package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.FreshnessUseCase;
import com.partpal.db.application.backup.VerifyBackupUseCase;
import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.RetentionPolicy;
import com.partpal.db.domain.report.Json;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List, check, prune, verify and delete the backups of one database in the catalogue.")
public class BackupsCommand {
    @Option(names = "--dir", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "catalogue directory (default: $PARTPAL_BACKUP_DIR or ./backups)")
    Path dir;
    @Option(names = "--store", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "the store: s3://BUCKET/PREFIX or a directory (default: --dir)")
    String store;
    @Option(names = "--key-file", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "the keys of encrypted backups, for verify (default: $PARTPAL_DB_BACKUP_KEY_FILE)")
    Path keyFile;
    @Spec
    CommandSpec spec;

    private final BackupServices services;

    @Inject
    public BackupsCommand(BackupServices services) {
        this.services = services;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show one database's backups, with when each was last verified and restore-tested; without --db, the databases catalogued.")
    int list(@Option(names = "--db", description = "the database (URL, file, or label shown without --db)") String database,
             @Option(names = "--json", description = "print JSON (without --db: every backup, each with its identity)") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        BackupCatalog catalog = catalog();
        List<BackupManifest> all = catalog.list();
        Map<String, List<BackupManifest>> byDatabase = new LinkedHashMap<>();
        all.forEach(m -> byDatabase.computeIfAbsent(m.catalogueDatabase().key(), k -> new java.util.ArrayList<>()).add(m));
        List<BackupManifest> shown = database == null ? all : services.backupsOf(catalog, database);
        if (json) {
            out.println(Json.write(shown.stream().map(BackupManifest::toMap).toList()));
        } else if (all.isEmpty()) {
            out.println("no backups in " + catalog.where());
        } else if (database == null && byDatabase.size() > 1) {
            out.printf("%-24s %7s  %-22s %s%n", "DATABASE (--db)", "BACKUPS", "NEWEST (UTC)", "WHAT IT IS");
            byDatabase.values().forEach(backups -> {
                CatalogueDatabase d = backups.get(0).catalogueDatabase();
                out.printf("%-24s %7d  %-22s %s%n", d.label(), backups.size(),
                        backups.get(backups.size() - 1).startedAt(), d.describe());
            });
            out.println("pass --db to see one database's backups");
        } else {
            out.println(shown.get(0).catalogueDatabase().describe() + ":");
            out.printf("%-40s %-20s %12s  %-8s %-24s %s%n", "ID", "STARTED (UTC)", "BYTES", "FORMAT",
                    "VERIFIED", "RESTORE TEST");
            shown.forEach(m -> out.printf("%-40s %-20s %12d  %-8s %-24s %s%n", m.id(), m.startedAt(), m.sizeBytes(),
                    m.format(), result(m.lastVerifiedAt(), m.lastVerifyResult()),
                    result(m.lastRestoreTestAt(), m.restoreTestResult())));
        }
        out.flush();
        return 0;
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete the backups of one database the retention policy lets go (default 30 days); its newest good one always stays.")
    int prune(@Option(names = "--db", description = "the database (needed when the catalogue holds several)") String database,
              @Option(names = "--retention-days") Integer retentionDays, @Option(names = "--keep-last") Integer keepLast,
              @Option(names = "--dry-run", description = "only list what would be deleted") boolean dryRun) {
        PrintWriter out = spec.commandLine().getOut();
        RetentionPolicy policy = RetentionPolicy.orDefault(retentionDays, keepLast);
        out.println("retention: " + policy.describe() + "; the newest good backup stays");
        services.prune(catalog()).prune(policy, database, dryRun)
                .forEach(m -> out.println((dryRun ? "would delete " : "deleted ") + m.id()));
        out.flush();
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Re-hash a backup, check its archive and optionally restore-test it.")
    int verify(@Parameters(paramLabel = "ID|latest") String reference,
               @Option(names = "--db", description = "whose latest (needed when the catalogue holds several databases)") String database,
               @Option(names = "--restore-test", description = "restore into a scratch database and compare row counts")
               boolean restoreTest,
               @Option(names = "--scratch-server", description = "PostgreSQL URL where the scratch database is created")
               String scratchServer) {
        PrintWriter out = spec.commandLine().getOut();
        VerifyBackupUseCase.Result r = services.verify(catalog()).verify(reference, database, restoreTest, scratchServer);
        out.println(r.manifest().id() + " (" + r.manifest().catalogueDatabase().describe() + "): integrity "
                + r.verifyResult());
        if (r.restoreTestResult() != null) {
            out.println(r.manifest().id() + ": restore test " + r.restoreTestResult());
        }
        out.flush();
        return r.ok() ? 0 : 1;
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "For cron and monitoring: exit 0 when the newest good backup of the database is younger than --max-age, 1 when it is stale, missing or the last run failed, 2 on bad input.")
    int check(@Option(names = "--db", description = "the database (URL, file or label)") String database,
              @Option(names = "--max-age", defaultValue = "26h", description = "e.g. 26h, 90m, 2d (default 26h)") String maxAge,
              @Option(names = "--json", description = "print JSON") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        FreshnessUseCase.Result r = services.freshness(catalog()).check(database, MaxAge.parse(maxAge));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("database", r.database().describe());
            m.put("identity", r.database().identity() == null ? null : r.database().identity().toMap());
            m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            m.put("reason", r.reason());
            m.put("newestGoodBackup", r.newestGood() == null ? null : r.newestGood().id());
            m.put("ageSeconds", r.age() == null ? null : r.age().toSeconds());
            m.put("maxAgeSeconds", MaxAge.parse(maxAge).toSeconds());
            m.put("lastRun", r.lastRun() == null ? null : Map.of("startedAt", r.lastRun().startedAt().toString(),
                    "result", r.lastRun().result()));
            out.println(Json.write(m));
        } else {
            out.println(r.status().name() + ": " + r.reason());
        }
        out.flush();
        return r.ok() ? 0 : 1;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one backup (file and manifest) after typing its id.")
    int delete(@Parameters(paramLabel = "ID") String id,
               @Option(names = "--yes", description = "do not ask (needed without a terminal)") boolean yes) {
        PrintWriter out = spec.commandLine().getOut();
        BackupManifest m = services.delete(catalog()).delete(id, yes);
        out.println("deleted " + m.id() + " of " + m.catalogueDatabase().describe() + ", taken " + m.startedAt());
        out.flush();
        return 0;
    }

    private BackupCatalog catalog() {
        return BackupStores.open(services, dir, store, keyFile, false);
    }

    private static String result(Object at, String result) {
        return at == null ? "never" : Objects.toString(result, "?") + " " + at;
    }

    /** --max-age: a number with h, m, d or s. */
    static final class MaxAge {
        private MaxAge() {
        }

        static Duration parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(text.strip());
            if (!m.matches()) {
                throw new com.partpal.db.domain.BadInputException("--max-age must be a number and a unit (s, m, h, d),"
                        + " e.g. 26h, not " + text);
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
    }

}
