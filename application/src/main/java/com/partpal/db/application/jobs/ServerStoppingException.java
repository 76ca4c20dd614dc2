package com.partpal.db.application.jobs;

/** The server is stopping: it takes no new job. */
public final class ServerStoppingException extends RuntimeException {
    public ServerStoppingException() {
        super("the server is stopping and takes no new job; submit it again once it is back");
    }
}
