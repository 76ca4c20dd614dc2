package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.VerifyBackupUseCase;
import com.partpal.db.domain.backup.BackupManifest;
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
import java.util.List;
import java.util.Objects;

@Command(name = "backups", mixinStandardHelpOptions = true, description = "List, prune and verify the backup catalogue.")
public class BackupsCommand {
    @Option(names = "--dir", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "catalogue directory (default: $PARTPAL_BACKUP_DIR or ./backups)")
    Path dir;
    @Spec
    CommandSpec spec;

    private final BackupServices services;

    @Inject
    public BackupsCommand(BackupServices services) {
        this.services = services;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the catalogue, with when each backup was last verified and restore-tested.")
    int list(@Option(names = "--db", description = "only this database") String database,
             @Option(names = "--json", description = "print JSON") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<BackupManifest> all = services.catalog(dir).list().stream()
                .filter(m -> database == null || m.database().equals(database)).toList();
        if (json) {
            out.println(Json.write(all.stream().map(BackupManifest::toMap).toList()));
        } else if (all.isEmpty()) {
            out.println("no backups" + (database == null ? "" : " of " + database) + " in "
                    + services.directory(dir));
        } else {
            out.printf("%-40s %-20s %12s  %-8s %-24s %s%n", "ID", "STARTED (UTC)", "BYTES", "FORMAT",
                    "VERIFIED", "RESTORE TEST");
            all.forEach(m -> out.printf("%-40s %-20s %12d  %-8s %-24s %s%n", m.id(), m.startedAt(), m.sizeBytes(),
                    m.format(), result(m.lastVerifiedAt(), m.lastVerifyResult()),
                    result(m.lastRestoreTestAt(), m.restoreTestResult())));
        }
        out.flush();
        return 0;
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Delete backups the retention policy lets go; the newest good one always stays.")
    int prune(@Option(names = "--retention-days") Integer retentionDays, @Option(names = "--keep-last") Integer keepLast,
              @Option(names = "--dry-run", description = "only list what would be deleted") boolean dryRun)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RetentionPolicy policy = new RetentionPolicy(retentionDays, keepLast);
        if (policy.keepsEverything()) {
            out.println("no --retention-days or --keep-last given: nothing to prune");
        }
        services.prune(dir).prune(policy, dryRun)
                .forEach(m -> out.println((dryRun ? "would delete " : "deleted ") + m.id()));
        out.flush();
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Re-hash a backup, check its archive and optionally restore-test it.")
    int verify(@Parameters(paramLabel = "ID|latest") String reference,
               @Option(names = "--restore-test", description = "restore into a scratch database and compare row counts")
               boolean restoreTest,
               @Option(names = "--scratch-server", description = "PostgreSQL URL where the scratch database is created")
               String scratchServer) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VerifyBackupUseCase.Result r = services.verify(dir).verify(reference, restoreTest, scratchServer);
        out.println(r.manifest().id() + ": integrity " + r.verifyResult());
        if (r.restoreTestResult() != null) {
            out.println(r.manifest().id() + ": restore test " + r.restoreTestResult());
        }
        out.flush();
        return r.ok() ? 0 : 1;
    }

    private static String result(Object at, String result) {
        return at == null ? "never" : Objects.toString(result, "?") + " " + at;
    }
}
