package com.partpal.db.adapters.cli.output;

import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.domain.report.Reject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rejects file: one JSON object per rejected row (JSON Lines), written as rows are rejected. */
public final class JsonLinesRejectsFile implements RejectsSink {
    private final Path path;
    private final BufferedWriter out;
    private long count;

    public JsonLinesRejectsFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
        try {
            Path parent = this.path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + this.path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(Reject reject) {
        try {
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

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
        }
    }
}
