package com.partpal.db.application.port;

import com.partpal.db.domain.report.Reject;

/** Where rejected rows go (a JSON Lines file for the CLI); safe to call from several loader threads. */
public interface RejectsSink extends AutoCloseable {
    void write(Reject reject);

    /** Where the rejects can be read, for the report; null when no row was rejected. */
    String location();

    @Override
    void close();
}
