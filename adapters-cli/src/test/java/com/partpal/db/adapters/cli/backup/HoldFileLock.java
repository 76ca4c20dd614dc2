package com.partpal.db.adapters.cli.backup;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as a separate JVM by tests: takes an OS lock on the file given and writes its pid there as a backup run does,
 * says "locked", and holds it until killed.
 */
public final class HoldFileLock {
    private HoldFileLock() {
    }

    public static void main(String[] args) throws Exception {
        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
                + java.time.Instant.now()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
