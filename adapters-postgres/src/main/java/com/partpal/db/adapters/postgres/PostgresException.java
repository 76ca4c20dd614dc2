package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.connection.Secrets;

import java.sql.SQLException;

/** A statement the target server refused; the message is one masked line naming what was being done. */
public class PostgresException extends RuntimeException {
    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }

    static PostgresException of(String doing, SQLException e, String password) {
        return new PostgresException(Secrets.mask(doing + ": " + firstLine(e.getMessage()), password), e);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
