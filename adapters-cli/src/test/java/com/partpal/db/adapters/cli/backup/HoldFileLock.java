package com.partpal.db.adapters.cli.backup;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run as a separate JVM by tests: takes an OS lock on the file given, says "locked", and holds it until killed. */
public final class HoldFileLock {
    private HoldFileLock() {
    }

    public static void main(String[] args) throws Exception {
        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.lock();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
