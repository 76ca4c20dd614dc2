package com.partpal.db.application.port.backup;

/** How a front end asks a person to confirm a restore. */
public interface RestoreConfirmation {
    /** False without a terminal (cron, pipes): then only --yes can confirm. */
    boolean canAsk();

    /** Shows prompt and returns the line typed, without its line end (null at end of input). */
    String ask(String prompt);
}
