package com.partpal.db.adapters.http;

/** A request named a file or directory outside the directories the server's configuration allows: 403. */
final class PlaceNotAllowedException extends RuntimeException {
    PlaceNotAllowedException(String message) {
        super(message);
    }
}
