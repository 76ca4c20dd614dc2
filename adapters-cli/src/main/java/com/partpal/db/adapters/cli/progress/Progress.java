package com.partpal.db.adapters.cli.progress;

import com.partpal.db.application.port.ProgressListener;

import java.io.PrintStream;

/** Picks live bars on a terminal and one line per table otherwise. */
public final class Progress {
    private Progress() {
    }

    public static ProgressListener forOutput(PrintStream out) {
        boolean terminal = System.console() != null && System.getenv("CI") == null
                && !"dumb".equals(System.getenv("TERM"));
        return terminal ? new TerminalProgress(out) : new LineProgress(out);
    }

    public static void close(ProgressListener progress) {
        if (progress instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // progress output only
            }
        }
    }
}
