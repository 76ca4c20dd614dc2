package com.partpal.db.application.jobs;

/**
 * What a job writes: {@code shown} is how the API names it (no user, no password), {@code identity} what two jobs are
 * compared by, so that two spellings of one database (localhost and 127.0.0.1, a path and a symbolic link to it) are
 * one target.
 */
public record JobTarget(String shown, String identity) {
}
