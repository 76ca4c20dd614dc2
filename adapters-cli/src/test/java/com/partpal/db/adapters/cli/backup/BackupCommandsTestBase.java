package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.cli.FailureHandler;
import com.partpal.db.adapters.cli.wiring.BackupWiring;
import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.domain.backup.BackupManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the backup command tests share: the commands run as the CLI runs them (its failure handler, out and err kept)
 * on real engines, a real catalogue directory and a fixed clock, with no terminal to confirm a restore on.
 */
abstract class BackupCommandsTestBase {
    @TempDir
    Path dir;
    Path catalogDir;
    /** The clock the services read when a command is made; a test may move it. */
    Instant now = Instant.parse("2024-06-01T02:00:00Z");
    String out;
    String err;

    /** The engines the commands may use. */
    abstract List<BackupEngine> engines();

    @BeforeEach
    void catalogue() {
        catalogDir = dir.resolve("backups");
    }

    BackupServices services() {
        RestoreConfirmation noTerminal = new RestoreConfirmation() {
            @Override
            public boolean canAsk() {
                return false;
            }

            @Override
            public String ask(String prompt) {
                throw new AssertionError("must not ask without a terminal");
            }
        };
        return new BackupServices(engines(), FileBackupCatalog::new, BackupWiring.defaultDirectory(),
                Clock.fixed(now, ZoneOffset.UTC), noTerminal);
    }

    int run(Object command, String... args) {
        Runner runner = new Runner();
        runner.run(command, args);
        out = runner.out;
        err = runner.err;
        return runner.code;
    }

    /** Runs one command as the CLI does; for tests that run several at once. */
    static final class Runner {
        int code;
        String out;
        String err;

        /** @return the exit code, a space and what went to err (then out) */
        String run(Object command, String... args) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            code = new CommandLine(command).setExecutionExceptionHandler(new FailureHandler())
                    .setOut(new PrintWriter(o)).setErr(new PrintWriter(e)).execute(args);
            out = o.toString();
            err = e.toString();
            return code + " " + err + out;
        }
    }

    /** The newest catalogued backup whose database has this name. */
    BackupManifest newestOf(String database) {
        return new FileBackupCatalog(catalogDir).list().stream().filter(m -> m.database().equals(database))
                .reduce((older, newer) -> newer).orElseThrow();
    }

    /** restore with the arguments given and the test's catalogue. */
    int restore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dir", catalogDir.toString()));
        return run(new RestoreCommand(services()), all.toArray(String[]::new));
    }
}
