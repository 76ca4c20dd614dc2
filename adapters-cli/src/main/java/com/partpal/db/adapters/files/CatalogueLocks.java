package com.partpal.db.adapters.files;

import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One lock per catalogue and database: an OS file lock (fcntl, released by the kernel when a process dies, so a
 * killed run never leaves a stale lock) on {@code DIR/.locks/KEY.lock}, plus a semaphore per file for the threads of
 * this JVM (the OS lock is per process). The file holds the holder's pid and start time, for the refusal message.
 */
final class CatalogueLocks {
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private CatalogueLocks() {
    }

    static CatalogueLock acquire(Path lockFile, String what, boolean wait) {
        Path file = lockFile.toAbsolutePath().normalize();
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        try {
            if (wait) {
                local.acquire();
            } else if (!local.tryAcquire()) {
                throw busy(what, "pid " + ProcessHandle.current().pid() + ", this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while waiting for " + what);
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = wait ? channel.lock() : channel.tryLock();
            if (lock == null) {
                channel.close();
                throw busy(what, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return () -> {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing releases the lock; nothing more to do
                } finally {
                    local.release();
                }
            };
        } catch (IOException e) {
            local.release();
            throw new BadInputException("cannot lock " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static BadInputException busy(String what, String holder) {
        return new BadInputException("another run is working on " + what + (holder.isEmpty() ? "" : " (" + holder
                + ")") + ": pass --wait to wait for it");
    }
}
