package com.partpal.db.adapters.cli.progress;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.domain.report.TableResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Live progress bars on a terminal: one line per table being loaded (rows, rows/s, ETA), redrawn in place. */
public final class TerminalProgress implements ProgressListener, AutoCloseable {
    private static final int BAR = 24;

    private final PrintStream out;
    private final Map<String, Bar> active = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partpal-progress");
        t.setDaemon(true);
        return t;
    });
    private int drawnLines;

    public TerminalProgress(PrintStream out) {
        this.out = out;
        ticker.scheduleAtFixedRate(this::redraw, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void phase(String description) {
        printAbove("-- " + description);
    }

    @Override
    public synchronized void tableStarted(String table, long totalRows) {
        active.put(table, new Bar(table, totalRows, System.nanoTime()));
        redraw();
    }

    @Override
    public synchronized void rowsLoaded(String table, long rowsDone) {
        Bar bar = active.get(table);
        if (bar != null) {
            bar.done = rowsDone;
        }
    }

    @Override
    public synchronized void tableFinished(TableResult result) {
        active.remove(result.table());
        printAbove(Figures.tableLine(result));
    }

    private void printAbove(String line) {
        erase();
        out.println(line);
        redraw();
    }

    private synchronized void redraw() {
        erase();
        List<String> lines = new ArrayList<>();
        for (Bar bar : active.values()) {
            lines.add(bar.render());
        }
        lines.forEach(out::println);
        drawnLines = lines.size();
        out.flush();
    }

    private void erase() {
        for (int i = 0; i < drawnLines; i++) {
            out.print("\033[1A\033[2K");
        }
        drawnLines = 0;
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        erase();
        out.flush();
    }

    private static final class Bar {
        final String table;
        final long total;
        final long startNanos;
        long done;

        Bar(String table, long total, long startNanos) {
            this.table = table;
            this.total = total;
            this.startNanos = startNanos;
        }

        String render() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
            int filled = (int) Math.round(fraction * BAR);
            String eta = done == 0 || seconds <= 0 ? "?" : Figures.duration((total - done) / (done / seconds));
            return String.format(Locale.ROOT, "%-24s [%s%s] %3d%% %s/%s  %s rows/s  ETA %s", table,
                    "#".repeat(filled), ".".repeat(BAR - filled), Math.round(fraction * 100), Figures.count(done),
                    Figures.count(total), Figures.rate(done, seconds), eta);
        }
    }
}
