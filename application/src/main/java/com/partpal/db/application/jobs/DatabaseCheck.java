package com.partpal.db.application.jobs;

import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.domain.BadInputException;

/** Opens a database and reads its description, so that a missing file or an unreachable server is refused now. */
final class DatabaseCheck {
    private DatabaseCheck() {
    }

    static void opens(VerifiableDatabaseConnector connector, String location) {
        if (location == null || location.isBlank()) {
            throw new BadInputException("no database given");
        }
        try (VerifiableDatabase db = connector.open(location)) {
            db.describe();
        }
    }
}
