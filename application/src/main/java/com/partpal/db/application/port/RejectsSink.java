package com.partpal.db.application.port;

import com.partpal.db.domain.report.Reject;

/** Where rejected rows go (a JSON Lines file for the CLI); safe to call from several loader threads. */
public interface RejectsSink extends AutoCloseable {
    void write(Reject reject);

    /** Where the rejects can be read, for the report; null when no row was rejected. */
    String location();

    /**
     * Writes every reject so far out to its file (it then survives the process). Called before the run removes its resumable state: from then on
     * nothing can replay the load, so the rejects file must already be whole if the process dies afterwards.
     */
    default void flush() {
    }

    @Override
    void close();
}
