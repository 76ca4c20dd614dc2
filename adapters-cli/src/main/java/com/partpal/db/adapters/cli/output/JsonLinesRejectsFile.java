package com.partpal.db.adapters.cli.output;

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
 * with the first reject, so a run that rejects nothing (or stops on bad input) leaves no empty file behind.
 */
public final class JsonLinesRejectsFile implements RejectsSink {
    private final Path path;
    private BufferedWriter out;
    private long count;

    public JsonLinesRejectsFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    @Override
    public synchronized void write(Reject reject) {
        try {
            if (out == null) {
                Files.createDirectories(path.getParent());
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            }
            out.write(reject.toJsonLine());
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }

    public synchronized long count() {
        return count;
    }

    /** The file's path once a row was rejected; null when none was. */
    @Override
    public synchronized String location() {
        return out == null ? null : path.toString();
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
