package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.postgres.ServerIdentity;
import com.partpal.db.application.jobs.JobTarget;
import com.partpal.db.application.jobs.TargetIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Job targets as they really are: a PostgreSQL database by its server's resolved address, port and name (localhost
 * and 127.0.0.1 are one), a file or directory by its real path (a symbolic link and its target are one).
 */
public final class ResolvedTargetIdentity implements TargetIdentity {
    @Override
    public String of(JobTarget target) {
        if (target.postgres() != null) {
            return ServerIdentity.of(target.postgres());
        }
        if (target.path() != null) {
            return "file " + real(target.path());
        }
        return target.lexicalIdentity();
    }

    private static Path real(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
