package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Times backups of the generated sample (SQLite, online backup API) into the local catalogue in clear and encrypted
 * and, with --store, into an S3-compatible store encrypted (upload and read-back included), each run --repeat times,
 * and prints the median seconds, MB/s and the ratio to local plain. The off-site backups it made are deleted again.
 */
@Command(name = "bench-backup", mixinStandardHelpOptions = true,
        description = {"Benchmarks backups of the generated sample: local plain, local encrypted and, with --store,"
                + " off-site encrypted.", "Prints median seconds, MB/s and throughput relative to local plain."})
public final class BackupBenchCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--rows", defaultValue = "500000", description = "rows in the two largest tables (default: ${DEFAULT-VALUE}, ~1.1M rows in all)")
    int rows;
    @Option(names = "--store", description = "also back up, encrypted, to this S3 store (s3://BUCKET/PREFIX; AWS settings from the environment)")
    String store;
    @Option(names = "--repeat", defaultValue = "3", description = "runs of each kind; the median is shown (default: ${DEFAULT-VALUE})")
    int repeat;
    @Spec
    CommandSpec spec;

    private final BackupServices services;
    private final SampleDataWriter sampleWriter;

    @Inject
    public BackupBenchCommand(BackupServices services, SampleDataWriter sampleWriter) {
        this.services = services;
        this.sampleWriter = sampleWriter;
    }

    private record Figure(String what, double seconds, long bytes) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("partpal-bench-backup");
        Path db = work.resolve("sample.db");
        out.printf("generating the sample (%,d rows in the largest tables) ...%n", rows);
        out.flush();
        long total = sampleWriter.write(db, rows, false).values().stream().mapToLong(Long::longValue).sum();
        long size = Files.size(db);
        out.printf("%,d rows, %,d bytes in %s%n", total, size, db);
        Path keyFile = work.resolve("bench.key");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        List<Figure> figures = new ArrayList<>();
        Path local = work.resolve("catalogue");
        figures.add(time("local plain", db, BackupStores.open(services, local, null, null, false), size));
        figures.add(time("local encrypted", db, BackupStores.open(services, local, null, keyFile, true), size));
        if (store != null) {
            String prefix = store.replaceAll("/+$", "") + "/bench-" + Instant.now().getEpochSecond();
            BackupCatalog offSite = BackupStores.open(services, local, prefix, keyFile, true);
            figures.add(time("off-site encrypted", db, offSite, size));
            offSite.list().forEach(offSite::delete);
        }
        double base = figures.get(0).seconds();
        out.printf("%n%-20s %10s %10s %14s%n", "BACKUP", "SECONDS", "MB/s", "VS LOCAL PLAIN");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-20s %10.2f %10.1f %13.0f%%%n", f.what(), f.seconds(),
                    f.bytes() / 1e6 / f.seconds(), 100 * base / f.seconds());
        }
        out.printf("(median of %d runs each; sample %s; catalogue %s)%n", repeat, db, local);
        out.flush();
        return 0;
    }

    private Figure time(String what, Path db, BackupCatalog catalog, long size) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            BackupManifest m = services.backup(catalog).backup(db.toString(), null, RetentionPolicy.keepAll(), true)
                    .manifest();
            seconds.add((System.nanoTime() - start) / 1e9);
            spec.commandLine().getOut().printf(Locale.ROOT, "  %s run %d: %.2f s (%s)%n", what, i + 1,
                    seconds.get(i), m.id());
            spec.commandLine().getOut().flush();
        }
        seconds.sort(Double::compare);
        return new Figure(what, seconds.get(seconds.size() / 2), size);
    }

}
