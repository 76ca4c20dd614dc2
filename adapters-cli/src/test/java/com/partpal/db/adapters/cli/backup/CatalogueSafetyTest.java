package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.cli.wiring.BackupWiring;
import com.partpal.db.adapters.cli.SqliteFiles;
import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.domain.backup.BackupManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tampered manifests, locks, leftovers of dead runs, freshness checks and deleting one backup, on real files. */
class CatalogueSafetyTest extends BackupCommandsTestBase {
    private Path shop;

    @BeforeEach
    void database() throws Exception {
        shop = SqliteFiles.create(dir.resolve("shop.db"), "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)",
                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 1000)"
                        + " INSERT INTO part SELECT v, 'part ' || v FROM n");
    }

    @Override
    List<BackupEngine> engines() {
        return List.of(new SqliteBackupEngine());
    }

    private int backup(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", shop.toString(), "--dir", catalogDir.toString()));
        args.addAll(List.of(extra));
        return run(new BackupCommand(services()), args.toArray(String[]::new));
    }

    private int backups(String... args) {
        List<String> all = new ArrayList<>(List.of("--dir", catalogDir.toString()));
        all.addAll(List.of(args));
        return run(new BackupsCommand(services()), all.toArray(String[]::new));
    }

    private BackupManifest newest() {
        List<BackupManifest> all = new FileBackupCatalog(catalogDir).list();
        return all.get(all.size() - 1);
    }

    private Path manifestFile(BackupManifest m) {
        return new FileBackupCatalog(catalogDir).fileOf(m).resolveSibling(m.id() + ".manifest.json");
    }

    @Test
    void aManifestWhoseIdLeavesTheCatalogueIsRefusedAndNothingIsDeleted() throws Exception {
        assertEquals(0, backup(), err);
        BackupManifest m = newest();
        Path manifest = manifestFile(m);
        Path victim = Files.writeString(dir.resolve("victim.sqlite"), "precious");
        String json = Files.readString(manifest);

        Files.writeString(manifest, json.replace("\"id\":\"" + m.id() + "\"", "\"id\":\"../../../victim\""));
        assertEquals(2, backups("prune", "--keep-last", "0", "--retention-days", "0"));
        assertEquals("error: refusing the catalogue: manifest " + manifest + " has been altered (its id"
                + " \"../../../victim\" is not a catalogue id (letters, digits, . - _; no ..)); move it out of the"
                + " catalogue to go on\n", err);
        assertEquals(2, restore("latest", "--to", dir.resolve("t.db").toString(), "--yes"));
        assertTrue(err.startsWith("error: refusing the catalogue: manifest "), err);
        assertTrue(Files.exists(victim));

        Files.writeString(manifest, json.replace("\"id\":\"" + m.id() + "\"", "\"id\":\"shop.db-other\""));
        assertEquals(2, backups("list"));
        assertTrue(err.contains("its id \"shop.db-other\" is not its file name"), err);

        Files.writeString(manifest, json);
        Path file = new FileBackupCatalog(catalogDir).fileOf(m);
        Files.delete(file);
        Files.createSymbolicLink(file, victim);
        assertEquals(2, backups("verify", m.id()));
        assertTrue(err.contains("leads outside the catalogue (a symlink)"), err);
        assertEquals(2, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "delete", m.id(), "--yes"));
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void twoBackupsOfOneDatabaseStartedAtTheSameMomentOneRunsTheOtherIsRefusedOrWaits() throws Exception {
        SqliteFiles.create(shop, "CREATE TABLE blob (b BLOB)",
                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 4000)"
                        + " INSERT INTO blob SELECT randomblob(8192) FROM n");
        for (boolean wait : List.of(false, true)) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    BackupCommandsTestBase.Runner runner = new BackupCommandsTestBase.Runner();
                    BackupCommand command = new BackupCommand(services());
                    start.await();
                    List<String> args = new ArrayList<>(List.of("--db", shop.toString(), "--dir", catalogDir.toString()));
                    if (wait) {
                        args.add("--wait");
                    }
                    return runner.run(command, args.toArray(String[]::new));
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : runs) {
                results.add(f.get());
            }
            pool.shutdown();
            if (wait) {
                assertEquals(2, results.stream().filter(r -> r.startsWith("0 ")).count(), results.toString());
            } else {
                assertEquals(1, results.stream().filter(r -> r.startsWith("0 ")).count(), results.toString());
                String refused = results.stream().filter(r -> r.startsWith("2 ")).findFirst().orElseThrow();
                assertTrue(refused.startsWith("2 error: another run is working on the backups of SQLite file "
                        + shop.toRealPath() + " in " + catalogDir + " (pid " + ProcessHandle.current().pid()), refused);
                assertTrue(refused.endsWith("): pass --wait to wait for it\n"), refused);
            }
        }
        List<String> ids = new FileBackupCatalog(catalogDir).list().stream().map(BackupManifest::id).toList();
        assertEquals(List.of("shop.db-20240601T020000Z", "shop.db-20240601T020000Z-2", "shop.db-20240601T020000Z-3"),
                ids, "three backups in one second get three ids");
    }

    @Test
    void aRestoreHoldsItsDatabasesLockSoNoPruneDeletesTheBackupItReads() throws Exception {
        assertEquals(0, backup(), err);
        BackupManifest older = newest();
        now = now.plusSeconds(3600);
        assertEquals(0, backup(), err);
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        RestoreConfirmation slowUser = new RestoreConfirmation() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public String ask(String prompt) {
                asked.countDown();
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return prompt.substring(prompt.lastIndexOf("(") + 1, prompt.lastIndexOf(")"));
            }
        };
        BackupServices confirming = new BackupServices(engines(), FileBackupCatalog::new,
                BackupWiring.defaultDirectory(), Clock.fixed(now, ZoneOffset.UTC), slowUser);
        Path copy = dir.resolve("copy.db");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<String> restoring = pool.submit(() -> new BackupCommandsTestBase.Runner().run(new RestoreCommand(confirming),
                older.id(), "--to", copy.toString(), "--allow-other-database", "--dir", catalogDir.toString()));
        assertTrue(asked.await(60, TimeUnit.SECONDS), "the restore asks for the target's name");

        assertEquals(2, backup("--keep-last", "1"), out);
        assertTrue(err.startsWith("error: another run is working on the backups of SQLite file " + shop.toRealPath()),
                err);
        assertEquals(2, backups("prune", "--keep-last", "1", "--retention-days", "0"));
        assertTrue(err.contains("another run is working on the backups of"), err);
        answer.countDown();
        String restored = restoring.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(restored.startsWith("0 "), restored);
        assertTrue(restored.contains("row counts match the manifest"), restored);
        assertTrue(new FileBackupCatalog(catalogDir).find(older.id()).isPresent(), "the backup restored is still there");

        assertEquals(0, backups("prune", "--keep-last", "1", "--retention-days", "0"), err);
        assertEquals(List.of(newest().id()), new FileBackupCatalog(catalogDir).list().stream().map(BackupManifest::id)
                .toList(), "once the restore is over, prune goes on");
    }

    @Test
    void aLockHeldByAnotherProcessRefusesAndIsGoneWhenThatProcessDies() throws Exception {
        assertEquals(0, backup(), err);
        Path lockDir = catalogDir.resolve(".locks");
        Path lockFile;
        try (Stream<Path> files = Files.list(lockDir)) {
            lockFile = files.findFirst().orElseThrow();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldFileLock.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine();
            assertEquals("locked", line);
            now = now.plusSeconds(60);
            assertEquals(2, backup());
            assertTrue(err.startsWith("error: another run is working on the backups of SQLite file "), err);
            assertTrue(err.contains(" (pid " + holder.pid() + " since "), "names the other process: " + err);
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertEquals(0, backup(), "a dead holder's lock is released by the kernel: " + err);
        assertEquals(2, new FileBackupCatalog(catalogDir).list().size());
    }

    @Test
    void partialFilesOfAKilledRunAreRemovedByTheNextRun() throws Exception {
        assertEquals(0, backup(), err);
        Path dayDir = new FileBackupCatalog(catalogDir).fileOf(newest()).getParent();
        List<Path> leftovers = List.of(dayDir.resolve(".shop.db-20240601T010000Z.sqlite.partial"),
                dayDir.resolve(".shop.db-20240601T010000Z.sqlite.partial-journal"),
                dayDir.resolve(".shop.db-20240601T010000Z.manifest.json.partial"),
                dayDir.getParent().resolve(".latest.partial"));
        for (Path p : leftovers) {
            Files.writeString(p, "half");
        }
        Path unrelated = Files.writeString(dayDir.resolve("notes.txt"), "mine");
        now = now.plusSeconds(60);
        assertEquals(0, backup(), err);
        leftovers.forEach(p -> assertFalse(Files.exists(p), p + " is left"));
        assertTrue(Files.exists(unrelated), "only temporary dot-files are removed");
        try (Stream<Path> files = Files.walk(catalogDir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial")));
        }
    }

    @Test
    void aFullDiskLeavesNoHalfWrittenEntryAndTheRunIsRecordedAsFailed() throws Exception {
        SqliteFiles.create(shop, "CREATE TABLE blob (b BLOB)",
                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 1000)"
                        + " INSERT INTO blob SELECT randomblob(8192) FROM n");
        // the CLI in a JVM of its own that may write no file larger than 2 MB: writes fail as on a full disk
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "ulimit -f 2048; exec \"$0\" \"$@\"", javaBin, "-cp",
                System.getProperty("java.class.path"), com.partpal.db.adapters.cli.PartpalDb.class.getName(), "backup",
                "--db", shop.toString(), "--dir", catalogDir.toString());
        builder.redirectErrorStream(true);
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, cli.waitFor(), output);
        assertEquals(1, output.lines().count(), output);
        assertEquals("error: SQLite online backup of " + shop + " failed: a disk I/O error writing the copy into the"
                + " catalogue (is its disk full?)\n", output);

        assertEquals(List.of(), new FileBackupCatalog(catalogDir).list(), "no entry");
        try (Stream<Path> files = Files.walk(catalogDir)) {
            List<String> left = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".lock")).toList();
            assertEquals(List.of("last-run.json"), left, "nothing half-written is left");
        }
        assertEquals(1, backups("check", "--db", shop.toString()));
        assertTrue(out.startsWith("FAILED: the last backup run, at "), out);
        assertEquals(0, backup(), "with room again the next backup works: " + err);
    }

    @Test
    void checkSaysFreshStaleFailedOrMissingWithExitCodesForCron() throws Exception {
        assertEquals(0, backup(), err);
        now = now.plusSeconds(3600);
        assertEquals(0, backups("check", "--db", shop.toString()), err);
        assertEquals("FRESH: the newest good backup, shop.db-20240601T020000Z, is 60m old\n", out);

        now = now.plusSeconds(26 * 3600);
        assertEquals(1, backups("check", "--db", shop.toString()));
        assertEquals("STALE: the newest good backup, shop.db-20240601T020000Z, is 27h old (more than 26h)\n", out);
        assertEquals(0, backups("check", "--db", shop.toString(), "--max-age", "2d"), out);

        Path moved = Files.move(shop, dir.resolve("away.db"));
        assertEquals(2, backup());
        Files.move(moved, shop);
        assertEquals(1, backups("check", "--db", shop.toString(), "--max-age", "2d", "--json"));
        assertTrue(out.contains("\"status\":\"failed\",\"reason\":\"the last backup run, at 2024-06-02T05:00:00Z,"
                + " failed: SQLite database " + shop.toRealPath() + " does not exist\""), out);
        assertTrue(out.contains("\"newestGoodBackup\":\"shop.db-20240601T020000Z\",\"ageSeconds\":97200"), out);

        Path never = SqliteFiles.create(dir.resolve("never.db"), "CREATE TABLE t (x)");
        assertEquals(1, backups("check", "--db", never.toString()));
        assertTrue(out.startsWith("MISSING: no good backup of SQLite file " + never.toRealPath()), out);
        assertEquals(2, backups("check", "--db", "no-such-label"));
        assertTrue(err.startsWith("error: no backups of no-such-label in "), err);
        assertEquals(2, backups("check", "--db", shop.toString(), "--max-age", "soon"));
        assertEquals("error: --max-age must be a number and a unit (s, m, h, d), e.g. 26h, not soon\n", err);
    }

    @Test
    void deleteNeedsTheIdTypedOrYesAndRemovesOnlyThatBackup() throws Exception {
        assertEquals(0, backup(), err);
        now = now.plusSeconds(60);
        assertEquals(0, backup(), err);
        BackupManifest first = new FileBackupCatalog(catalogDir).list().get(0);
        Path file = new FileBackupCatalog(catalogDir).fileOf(first);

        assertEquals(2, backups("delete", first.id()));
        assertEquals("error: refusing to delete backup " + first.id() + " without a terminal to confirm on: pass"
                + " --yes to delete it unattended\n", err);
        assertTrue(Files.exists(file));
        assertEquals(2, backups("delete", "no-such-id", "--yes"));
        assertTrue(err.startsWith("error: no backup no-such-id in "), err);

        assertEquals(0, backups("delete", first.id(), "--yes"), err);
        assertEquals("deleted " + first.id() + " of SQLite file " + shop.toRealPath()
                + ", taken 2024-06-01T02:00:00Z\n", out);
        assertFalse(Files.exists(file));
        assertEquals(List.of(newest().id()), new FileBackupCatalog(catalogDir).list().stream()
                .map(BackupManifest::id).toList());
    }
}
