package com.partpal.db.application.port;

import java.util.List;

/**
 * Where one table's load stands, as committed in the target together with its rows: every source row up to
 * {@code lastRowid} (in the order {@link SourceDatabase#readRows} gives) was read, and was copied or rejected.
 *
 * @param rejectedRowids the rejected rows' rowids (filled when read back from the target, empty when written)
 */
public record TableCheckpoint(long lastRowid, long read, long copied, long rejected, boolean loaded,
                              List<Long> rejectedRowids) {
    public TableCheckpoint {
        rejectedRowids = List.copyOf(rejectedRowids);
    }

    public TableCheckpoint(long lastRowid, long read, long copied, long rejected, boolean loaded) {
        this(lastRowid, read, copied, rejected, loaded, List.of());
    }
}
