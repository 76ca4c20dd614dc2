package com.partpal.db.application.port;

import java.util.Map;

/**
 * The bookkeeping a migrate run keeps in its target while it runs, so that an interrupted run can be resumed: what
 * it was started from (fingerprints of the source's state and of the options) and each table's last checkpoint.
 *
 * @param snapshotAt when the source was read (its snapshot), ISO-8601
 * @param tables     table name -> its last committed checkpoint (tables not started have none)
 */
public record RunState(String runId, String startedAt, String sourceFingerprint, String optionsFingerprint,
                       String snapshotAt, Map<String, TableCheckpoint> tables) {
    public RunState {
        tables = Map.copyOf(tables);
    }
}
