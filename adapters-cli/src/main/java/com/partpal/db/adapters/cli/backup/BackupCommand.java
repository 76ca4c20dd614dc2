package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.BackupUseCase;
import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back a PostgreSQL or SQLite database up into the checksummed catalogue, then prune it.")
public class BackupCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, description = "PostgreSQL URL or SQLite file")
    String db;
    @Option(names = "--dir", description = "catalogue directory (default: $PARTPAL_BACKUP_DIR or ./backups)")
    Path dir;
    @Option(names = "--format", description = "PostgreSQL: custom (default) or plain (.sql.gz)")
    String format;
    @Option(names = "--retention-days", description = "delete this database's backups older than N days (default: 30 when --keep-last is not given either)")
    Integer retentionDays;
    @Option(names = "--keep-last", description = "keep the N newest backups of this database")
    Integer keepLast;
    @Option(names = "--globals", description = "PostgreSQL: also save the server's roles (pg_dumpall --globals-only) and keep owners and grants in the dump")
    boolean globals;
    @Option(names = "--wait", description = "wait for a running backup of the same database into this catalogue instead of refusing")
    boolean waitForLock;
    @Option(names = "--store", description = "where to keep the backup: s3://BUCKET/PREFIX (AWS settings: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL for MinIO, R2, B2, Ceph) or a directory; default: --dir")
    String store;
    @Option(names = "--copy-to", description = "also copy the backup, checked, to this store (s3://BUCKET/PREFIX or a directory), pruned by the same rules")
    String copyTo;
    @Option(names = "--encrypt", description = "encrypt the backup on this machine (Tink streaming AEAD, AES-256-GCM) with the first key of --key-file")
    boolean encrypt;
    @Option(names = "--key-file", description = "backup keys, one base64 key of 32 bytes a line, the first encrypts (default: $PARTPAL_DB_BACKUP_KEY_FILE)")
    Path keyFile;
    @Spec
    CommandSpec spec;

    private final BackupServices services;

    @Inject
    public BackupCommand(BackupServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BackupCatalog catalog = BackupStores.open(services, dir, store, keyFile, encrypt);
        BackupUseCase.Result r = services.backup(catalog)
                .backup(db, format, RetentionPolicy.orDefault(retentionDays, keepLast), waitForLock,
                        globals);
        BackupManifest m = r.manifest();
        out.printf("backed up %s: %s (%d bytes, sha256 %s, %d tables)%n", m.catalogueDatabase().describe(), m.id(),
                m.sizeBytes(), m.sha256(), m.tableRowCounts().size());
        r.pruned().forEach(p -> out.println("pruned " + p.id()));
        out.flush();
        if (copyTo != null) {
            OffSiteCopy.run(services, catalog, dir, copyTo, m, RetentionPolicy.orDefault(retentionDays, keepLast),
                    waitForLock, out);
            out.flush();
        }
        return 0;
    }
}
