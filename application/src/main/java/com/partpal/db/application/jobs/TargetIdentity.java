package com.partpal.db.application.jobs;

/**
 * The port that says which database or file a job target really is (resolved server address, real path), so that
 * localhost and 127.0.0.1, or a path and a symbolic link to it, are one target. May ask DNS or the file system.
 */
@FunctionalInterface
public interface TargetIdentity {
    String of(JobTarget target);

    /** Without resolving anything: the target as written, normalized. */
    TargetIdentity LEXICAL = JobTarget::lexicalIdentity;
}
