package com.partpal.db.application.monitoring;

import java.util.List;

/** UP when every configured database answers; each database with its status and, when DOWN, a masked reason. */
public record Readiness(String status, List<DatabaseStatus> databases) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean up() {
        return UP.equals(status);
    }

    public record DatabaseStatus(String name, String status, String reason) {
    }
}
