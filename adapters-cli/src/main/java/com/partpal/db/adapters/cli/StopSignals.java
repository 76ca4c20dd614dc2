package com.partpal.db.adapters.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT run a graceful stop instead of the JVM's default (which exits 143 / 130 through the shutdown
 * hooks): serve then ends its jobs and streams and returns 0. Where the signals cannot be handled, a shutdown hook
 * runs the same stop.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onTermOrInt(Runnable stop) {
        try {
            for (String name : new String[]{"TERM", "INT"}) {
                Signal.handle(new Signal(name), signal -> new Thread(stop, "partpal-stop").start());
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "partpal-stop"));
        }
    }
}
