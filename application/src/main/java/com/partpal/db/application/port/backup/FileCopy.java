package com.partpal.db.application.port.backup;

import java.nio.file.Path;

/** Copies one local file over another, byte for byte (the core does no file I/O of its own). */
@FunctionalInterface
public interface FileCopy {
    void copy(Path from, Path to);
}
