package com.partpal.db.adapters.cli;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;
import picocli.CommandLine;

/** One clear, password-free error line: exit 2 for input the user can fix, 1 for a failure. */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        boolean badInput = e instanceof BadInputException;
        commandLine.getErr().println("error: " + Secrets.mask(message(e)));
        if (System.getenv("PARTPAL_DB_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return badInput ? BAD_INPUT : FAILED;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            return message(cause);
        }
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
