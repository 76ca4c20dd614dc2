package com.partpal.db.adapters.cli;

import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.domain.report.Reject;

/** For a dry run, which rejects nothing because it reads no rows. */
enum DiscardingRejects implements RejectsSink {
    INSTANCE;

    @Override
    public void write(Reject reject) {
        throw new IllegalStateException("a dry run writes no rejects");
    }

    @Override
    public String location() {
        return null;
    }

    @Override
    public void close() {
    }
}
