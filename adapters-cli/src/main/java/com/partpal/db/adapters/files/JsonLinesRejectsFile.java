package com.partpal.db.adapters.files;

import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.domain.report.Reject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rejects file: one JSON object per rejected row (JSON Lines), written as rows are rejected. The file is created
 * with the first reject, so a run that stops on bad input leaves no empty file behind. A file the user asked for
 * (--rejects) is also written empty by {@link #writeIfEmpty} once a run rejected nothing, so that the same file can be
 * handed to verify (and a stale one from an earlier run is not taken for this run's).
 */
public final class JsonLinesRejectsFile implements RejectsSink {
    private final Path path;
    private final boolean asked;
    private BufferedWriter out;
    private long count;

    public JsonLinesRejectsFile(Path path) {
        this(path, false);
    }

    /** @param asked the user named this file: it is written even when no row is rejected */
    public JsonLinesRejectsFile(Path path, boolean asked) {
        this.path = path.toAbsolutePath().normalize();
        this.asked = asked;
    }

    @Override
    public synchronized void write(Reject reject) {
        try {
            open();
            out.write(reject.toJsonLine());
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        if (out == null) {
            Files.createDirectories(path.getParent());
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        }
    }

    /** Writes the file empty when it was asked for and no row was rejected; call once the run has finished. */
    public synchronized void writeIfEmpty() {
        if (!asked) {
            return;
        }
        try {
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    public synchronized long count() {
        return count;
    }

    /** The file's path once a row was rejected, or when it was asked for; null otherwise. */
    @Override
    public synchronized String location() {
        return out == null && !asked ? null : path.toString();
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }
}
