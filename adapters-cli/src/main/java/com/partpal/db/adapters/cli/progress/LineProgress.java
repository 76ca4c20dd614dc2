package com.partpal.db.adapters.cli.progress;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.domain.report.TableResult;

import java.io.PrintStream;

/** Progress without a terminal (CI, logs): one line per phase and per finished table. */
public final class LineProgress implements ProgressListener {
    private final PrintStream out;

    public LineProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void phase(String description) {
        out.println("-- " + description);
    }

    @Override
    public void tableFinished(TableResult r) {
        out.println(Figures.tableLine(r));
    }
}
