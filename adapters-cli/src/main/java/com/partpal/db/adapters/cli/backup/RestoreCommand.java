package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.RestoreUseCase;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a catalogued backup or a backup file, after checking its integrity.")
public class RestoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID|latest|FILE")
    String reference;
    @Option(names = "--to", required = true, description = "target PostgreSQL URL or SQLite file")
    String to;
    @Option(names = "--dir", description = "catalogue directory (default: $PARTPAL_BACKUP_DIR or ./backups)")
    Path dir;
    @Option(names = "--drop-database", description = "restore into a new database, then swap it in for the target (ending its sessions) and drop the old one")
    boolean dropDatabase;
    @Option(names = "--dry-run", description = "print what would happen and change nothing")
    boolean dryRun;
    @Option(names = "--yes", description = "do not ask for the database name (needed without a terminal)")
    boolean yes;
    @Option(names = "--db", description = "whose latest backup to restore when it is not the target's own (URL, file or label from backups list)")
    String database;
    @Option(names = "--allow-other-database", description = "restore a backup of another database (or of one not recorded) into the target")
    boolean allowOtherDatabase;
    @Option(names = "--globals", description = "recreate the roles saved with the backup (backup --globals) first, then restore owners and grants")
    boolean globals;
    @Option(names = "--jobs", defaultValue = "" + RestoreUseCase.Request.DEFAULT_JOBS, description = "parallel pg_restore jobs (more than 1: no single transaction)")
    int jobs;
    @Option(names = "--store", description = "the store to restore from: s3://BUCKET/PREFIX or a directory (default: --dir)")
    String store;
    @Option(names = "--key-file", description = "the keys of encrypted backups (default: $PARTPAL_DB_BACKUP_KEY_FILE)")
    Path keyFile;
    @Spec
    CommandSpec spec;

    private final BackupServices services;

    @Inject
    public RestoreCommand(BackupServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RestoreUseCase.Result r = services.restore(BackupStores.open(services, dir, store, keyFile, false))
                .restore(new RestoreUseCase.Request(reference, to, dropDatabase, dryRun, yes, jobs, database,
                        allowOtherDatabase, globals));
        String source = "backup " + r.backup() + " of " + r.backupOf() + (r.takenAt() == null ? "" : ", taken " + r.takenAt());
        if (r.dryRun()) {
            out.println("dry run: would restore " + source + ",");
            out.println("  into " + r.targetIs()
                    + (r.dropDatabase() ? " through a new database swapped in for it once complete" : " (not dropped first)"));
            r.objects().forEach(o -> out.println("  create " + o));
            r.expectedRowCounts().forEach((t, n) -> out.println("  table " + t + ": " + n + " rows"));
            out.flush();
            return 0;
        }
        out.println("restored " + source + ",");
        out.println("  into " + r.targetIs() + " (" + r.rowCounts().size() + " tables)");
        r.differences().forEach(d -> out.println("  row count differs: " + d));
        out.println(r.countsMatch() ? "row counts match the manifest" : "ROW COUNTS DIFFER from the manifest");
        out.flush();
        return r.countsMatch() ? 0 : 1;
    }
}
