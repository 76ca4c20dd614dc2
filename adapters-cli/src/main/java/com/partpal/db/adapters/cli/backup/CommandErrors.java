package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Exit codes of the backup commands: 0 done, 1 failed (a tool or a check failed), 2 bad input; one line on stderr. */
final class CommandErrors {
    private CommandErrors() {
    }

    static int run(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (BadInputException e) {
            err.println("partpal-db: " + e.getMessage());
            return 2;
        } catch (BackupFailedException e) {
            err.println("partpal-db: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
        }
    }
}
