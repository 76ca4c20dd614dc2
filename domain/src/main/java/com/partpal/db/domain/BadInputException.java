package com.partpal.db.domain;

/** Input the user can fix (a bad URL, a missing file, a non-empty target): front ends exit with 2 and print the message alone. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
