package com.partpal.db.application.fakes;

import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.domain.report.Reject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rejects kept in memory. */
public final class ListRejects implements RejectsSink {
    public final List<Reject> rejects = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void write(Reject reject) {
        rejects.add(reject);
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public void close() {
    }
}
