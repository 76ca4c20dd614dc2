package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.port.backup.RestoreConfirmation;

import java.io.Console;

/** Asks on the terminal; without one (cron, pipes, CI) it cannot ask and restores need --yes. */
public final class ConsoleConfirmation implements RestoreConfirmation {
    @Override
    public boolean canAsk() {
        return System.console() != null;
    }

    @Override
    public String ask(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", prompt);
    }
}
