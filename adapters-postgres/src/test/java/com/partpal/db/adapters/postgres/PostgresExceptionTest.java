package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.ResumableFailure;
import com.partpal.db.application.port.TransientFailure;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which server failures migrate retries, which ones keep the run resumable with their cause named, and the rest. */
class PostgresExceptionTest {
    @Test
    void connectionLossesRestartsAndConflictsAreTransient() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P02", "57P03", "40001", "40P01", "53300"}) {
            PostgresException e = PostgresException.of("loading parts failed", new SQLException("FATAL: boom", state), "pw");
            assertInstanceOf(PostgresException.Transient.class, e, state);
            assertTrue(TransientFailure.isTransient(e), state);
        }
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 10000ms.", null,
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
        assertTrue(TransientFailure.isTransient(PostgresException.of("no connection to load parts", poolTimeout, "pw")));
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", null, new ConnectException("reset"));
        assertTrue(TransientFailure.isTransient(PostgresException.of("loading parts failed", io, "pw")));
    }

    @Test
    void aFullDiskAQuotaOrAReadOnlyTargetIsResumableAndNamed() {
        assertEquals("loading parts failed: the target's disk is full (ERROR: could not extend file \"base/1/2\": No space"
                + " left on device)", resumable("53100", "ERROR: could not extend file \"base/1/2\": No space left on device"));
        assertTrue(resumable("53100", "ERROR: could not extend file \"base/1/2\": Disk quota exceeded")
                .contains(": the target's disk quota is exceeded ("));
        assertTrue(resumable("25006", "ERROR: cannot execute COPY FROM in a read-only transaction")
                .contains(": the target is read-only ("));
        assertTrue(resumable("42501", "ERROR: permission denied for table parts")
                .contains(": the target role may not write there ("));
    }

    @Test
    void otherFailuresAreNeitherAndNoPasswordShows() {
        PostgresException e = PostgresException.of("failed: CREATE UNIQUE INDEX", new SQLException(
                "ERROR: could not create unique index for postgresql://app:s3cret@db/x", "23505"), "s3cret");
        assertFalse(TransientFailure.isTransient(e));
        assertFalse(ResumableFailure.isResumable(e));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    private static String resumable(String state, String message) {
        PostgresException e = PostgresException.of("loading parts failed", new SQLException(message, state), "pw");
        assertInstanceOf(PostgresException.Resumable.class, e);
        assertFalse(TransientFailure.isTransient(e));
        assertTrue(ResumableFailure.isResumable(e));
        return e.getMessage();
    }
}
