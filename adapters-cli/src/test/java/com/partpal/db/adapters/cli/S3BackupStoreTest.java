package com.partpal.db.adapters.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups kept in an S3-compatible store (a real S3Proxy on loopback, SigV4 checked): the CLI runs as a process of its
 * own with the AWS settings in its environment, as a cron job would.
 */
class S3BackupStoreTest {
    private static final Pattern ID = Pattern.compile("(src\\.db-\\d{8}T\\d{6}Z(?:-\\d+)?)");
    @TempDir
    static Path shared;
    static S3Server s3;
    @TempDir
    Path dir;
    private int runs;

    @BeforeAll
    static void startServer() throws Exception {
        s3 = S3Server.start(shared, "backups");
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    record Run(int code, String output) {
        List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Run cli(Map<String, String> env, String... args) throws Exception {
        Path out = dir.resolve("run-" + (++runs) + ".txt");
        int code = ChildCli.start(out, env, args).waitFor();
        return new Run(code, Files.readString(out));
    }

    private Run cli(String... args) throws Exception {
        return cli(s3.environment(), args);
    }

    /** A SQLite database of rows with 100 kB of random bytes each (so uploads take several parts). */
    private Path database(int rows) throws Exception {
        return SqliteFiles.create(dir.resolve("src.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ")"
                        + " INSERT INTO t (b) SELECT randomblob(100000) FROM n");
    }

    private static String id(Run run) {
        Matcher m = ID.matcher(run.output());
        assertTrue(m.find(), run.output());
        return m.group(1);
    }

    private static long rows(Path sqlite) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
            return r.getLong(1);
        }
    }

    private Set<String> storedNames(String prefix) throws IOException {
        Path root = s3.data().resolve("backups").resolve(prefix);
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void backupsListVerifyCheckPruneRestoreAndDeleteOnTheStore() throws Exception {
        Path src = database(250);
        String store = "s3://backups/round";
        Path local = dir.resolve("local");
        Run first = cli("backup", "--db", src.toString(), "--store", store, "--dir", local.toString());
        assertEquals(0, first.code(), first.output());
        String firstId = id(first);
        assertTrue(storedNames("round").containsAll(Set.of(firstId + ".sqlite", firstId + ".manifest.json",
                "latest", "last-run.json")), storedNames("round").toString());
        try (Stream<Path> files = Files.walk(local)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".manifest.json") || p.toString().endsWith(".sqlite")
                    || p.toString().endsWith(".partial")), "nothing of the backup stays on this machine");
        }

        Run list = cli("backups", "list", "--store", store, "--dir", local.toString());
        assertEquals(0, list.code(), list.output());
        assertTrue(list.output().contains(firstId), list.output());
        Run verify = cli("backups", "verify", "latest", "--store", store, "--dir", local.toString());
        assertEquals(0, verify.code(), verify.output());
        assertTrue(verify.output().contains("integrity ok"), verify.output());
        Run check = cli("backups", "check", "--store", store, "--dir", local.toString());
        assertEquals(0, check.code(), check.output());
        assertTrue(check.output().startsWith("FRESH"), check.output());

        Thread.sleep(1100);
        Run second = cli("backup", "--db", src.toString(), "--store", store, "--dir", local.toString(),
                "--keep-last", "5");
        assertEquals(0, second.code(), second.output());
        String secondId = id(second);
        Run prune = cli("backups", "prune", "--store", store, "--keep-last", "1", "--retention-days", "0");
        assertEquals(0, prune.code(), prune.output());
        assertTrue(prune.output().contains("deleted " + firstId), prune.output());
        assertFalse(storedNames("round").contains(firstId + ".sqlite"), "the pruned backup's object is gone");

        Path restored = dir.resolve("restored.db");
        Run restore = cli("restore", "latest", "--store", store, "--db", src.toString(), "--to", restored.toString(),
                "--allow-other-database", "--yes");
        assertEquals(0, restore.code(), restore.output());
        assertTrue(restore.output().contains("backup " + secondId) && restore.output().contains("row counts match"),
                restore.output());
        assertEquals(250, rows(restored));

        Run delete = cli("backups", "delete", secondId, "--store", store, "--yes");
        assertEquals(0, delete.code(), delete.output());
        Run empty = cli("backups", "list", "--store", store);
        assertTrue(empty.output().contains("no backups in " + store), empty.output());
    }

    @Test
    void copyToKeepsALocalAndAnOffSiteCopyOfTheSameBackup() throws Exception {
        Path src = database(30);
        Path local = dir.resolve("local");
        String store = "s3://backups/copies";
        Run backup = cli("backup", "--db", src.toString(), "--dir", local.toString(), "--copy-to", store);
        assertEquals(0, backup.code(), backup.output());
        String id = id(backup);
        assertTrue(backup.output().contains("copied " + id + " to " + store + " as " + id), backup.output());
        Run here = cli("backups", "list", "--dir", local.toString());
        Run there = cli("backups", "list", "--store", store);
        assertTrue(here.output().contains(id) && there.output().contains(id), here.output() + there.output());
        Path restored = dir.resolve("from-offsite.db");
        Run restore = cli("restore", id, "--store", store, "--to", restored.toString(), "--allow-other-database",
                "--yes");
        assertEquals(0, restore.code(), restore.output());
        assertEquals(30, rows(restored));
    }

    @Test
    void wrongCredentialsAreOneLineWithoutTheSecret() throws Exception {
        Path src = database(5);
        String secret = "not-the-secret-4242";
        Run wrongSecret = cli(s3.environment(S3Server.ACCESS_KEY, secret), "backup", "--db", src.toString(),
                "--store", "s3://backups/creds", "--dir", dir.resolve("local").toString());
        assertEquals(2, wrongSecret.code(), wrongSecret.output());
        assertEquals(1, wrongSecret.lines().size(), wrongSecret.output());
        assertTrue(wrongSecret.output().contains("refused the credentials (SignatureDoesNotMatch)"),
                wrongSecret.output());
        assertFalse(wrongSecret.output().contains(secret), wrongSecret.output());
        Run wrongKey = cli(s3.environment("nobody", S3Server.SECRET_KEY), "backups", "list",
                "--store", "s3://backups/creds");
        assertEquals(2, wrongKey.code(), wrongKey.output());
        assertEquals(1, wrongKey.lines().size(), wrongKey.output());
        assertTrue(wrongKey.output().contains("refused the credentials (InvalidAccessKeyId)"), wrongKey.output());
        assertFalse(wrongKey.output().contains(S3Server.SECRET_KEY), wrongKey.output());
        assertTrue(storedNames("creds").stream().noneMatch(n -> n.endsWith(".manifest.json")));
    }

    @Test
    void aMissingBucketAndAnUnreachableEndpointAreOneLineEach() throws Exception {
        Path src = database(5);
        Run missing = cli("backup", "--db", src.toString(), "--store", "s3://no-such-bucket/x");
        assertEquals(2, missing.code(), missing.output());
        assertEquals(List.of("error: the bucket no-such-bucket does not exist at " + s3.endpoint()
                + ": create it, or check --store and AWS_ENDPOINT_URL"), missing.lines());
        Map<String, String> nowhere = new HashMap<>(s3.environment());
        nowhere.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        Run unreachable = cli(nowhere, "backups", "list", "--store", "s3://backups/x");
        assertEquals(2, unreachable.code(), unreachable.output());
        assertEquals(1, unreachable.lines().size(), unreachable.output());
        assertTrue(unreachable.output().startsWith("error: cannot reach the S3 endpoint http://127.0.0.1:9"),
                unreachable.output());
    }

    @Test
    void aTamperedObjectFailsVerifyAndIsNeverRestored() throws Exception {
        Path src = database(20);
        String store = "s3://backups/tamper";
        Run backup = cli("backup", "--db", src.toString(), "--store", store);
        assertEquals(0, backup.code(), backup.output());
        String id = id(backup);
        Path object;
        try (Stream<Path> files = Files.walk(s3.data().resolve("backups").resolve("tamper"))) {
            object = files.filter(p -> p.getFileName().toString().equals(id + ".sqlite")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(object.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xff);
        }
        Path target = dir.resolve("target.db");
        Run restore = cli("restore", id, "--store", store, "--to", target.toString(), "--allow-other-database",
                "--yes");
        assertEquals(2, restore.code(), restore.output());
        assertTrue(restore.output().contains("backup " + id + " is corrupt"), restore.output());
        assertFalse(Files.exists(target), "the target is never touched");
        Run verify = cli("backups", "verify", id, "--store", store);
        assertEquals(1, verify.code(), verify.output());
        assertTrue(verify.output().contains("integrity failed: backup " + id + " is corrupt"), verify.output());
        Run check = cli("backups", "check", "--store", store);
        assertEquals(1, check.code(), check.output());
        assertTrue(check.output().startsWith("MISSING"), check.output());
    }

    @Test
    void killedDuringTheUploadLeavesNoVisibleBackup() throws Exception {
        Path src = database(600);
        String store = "s3://backups/killed";
        Path bucket = s3.data().resolve("backups");
        Set<Path> before;
        try (Stream<Path> files = Files.walk(bucket)) {
            before = files.collect(Collectors.toSet());
        }
        ChildCli child = ChildCli.start(dir.resolve("killed.txt"), s3.environment(), "backup", "--db",
                src.toString(), "--store", store);
        boolean uploading = false;
        for (int i = 0; i < 6000 && child.alive() && !uploading; i++) {
            try (Stream<Path> files = Files.walk(bucket)) {
                uploading = files.anyMatch(p -> !before.contains(p) && Files.isRegularFile(p));
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file moved while walking: look again
            }
            Thread.sleep(5);
        }
        assertTrue(uploading && child.alive(), "the upload had begun: " + child.output());
        child.killHard();
        child.waitFor();
        Run list = cli("backups", "list", "--store", store);
        assertEquals(0, list.code(), list.output());
        assertTrue(list.output().contains("no backups in " + store), list.output());
        assertTrue(storedNames("killed").stream().noneMatch(n -> n.endsWith(".manifest.json")),
                storedNames("killed").toString());
        Run again = cli("backup", "--db", src.toString(), "--store", store);
        assertEquals(0, again.code(), again.output());
        Run after = cli("backups", "list", "--store", store);
        assertEquals(1, after.lines().stream().filter(l -> ID.matcher(l).find()).count(), after.output());
    }

    private Path keyFile(String name) throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Path file = dir.resolve(name);
        Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void anEncryptedOffSiteBackupRestoresWithItsKeyOnlyAndTheStoreNeverSeesItInClear() throws Exception {
        Path src = database(40);
        String store = "s3://backups/sealed";
        Path key = keyFile("backup.key");
        Run backup = cli("backup", "--db", src.toString(), "--store", store, "--encrypt", "--key-file", key.toString());
        assertEquals(0, backup.code(), backup.output());
        String id = id(backup);
        assertTrue(storedNames("sealed").contains(id + ".sqlite.enc"), storedNames("sealed").toString());
        Path object;
        try (Stream<Path> files = Files.walk(s3.data().resolve("backups").resolve("sealed"))) {
            object = files.filter(p -> p.getFileName().toString().equals(id + ".sqlite.enc")).findFirst().orElseThrow();
        }
        try (java.io.InputStream in = Files.newInputStream(object)) {
            assertFalse(new String(in.readNBytes(16), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .startsWith("SQLite format 3"));
        }
        Path target = dir.resolve("target.db");
        Map<String, String> wrongKey = new HashMap<>(s3.environment());
        wrongKey.put("PARTPAL_DB_BACKUP_KEY_FILE", keyFile("other.key").toString());
        Run refused = cli(wrongKey, "restore", id, "--store", store, "--to", target.toString(),
                "--allow-other-database", "--yes");
        assertEquals(2, refused.code(), refused.output());
        assertEquals(1, refused.lines().size(), refused.output());
        assertTrue(refused.output().contains("was encrypted with key"), refused.output());
        assertFalse(Files.exists(target));
        Map<String, String> rightKey = new HashMap<>(s3.environment());
        rightKey.put("PARTPAL_DB_BACKUP_KEY_FILE", key.toString());
        Run restore = cli(rightKey, "restore", id, "--store", store, "--to", target.toString(),
                "--allow-other-database", "--yes");
        assertEquals(0, restore.code(), restore.output());
        assertEquals(40, rows(target));
    }
}
