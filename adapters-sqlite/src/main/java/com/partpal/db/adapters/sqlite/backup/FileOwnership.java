package com.partpal.db.adapters.sqlite.backup;

import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Gives a file the owner, group and mode of the file it is about to replace, so that the app (often another user)
 * can still open its database after a restore. What cannot be carried is refused before anything is replaced.
 */
final class FileOwnership {
    private FileOwnership() {
    }

    static void copy(Path from, Path to) {
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (target == null) {
            return; // not a POSIX file system: nothing to carry
        }
        PosixFileAttributes old;
        try {
            old = Files.readAttributes(from, PosixFileAttributes.class);
        } catch (IOException e) {
            throw new BadInputException("cannot read the owner and mode of " + from + ": " + e.getMessage());
        }
        try {
            target.setPermissions(old.permissions());
            if (!old.group().equals(target.readAttributes().group())) {
                target.setGroup(old.group());
            }
            if (!old.owner().equals(target.readAttributes().owner())) {
                target.setOwner(old.owner());
            }
        } catch (IOException e) {
            throw new BadInputException("cannot give the restored file the owner " + old.owner().getName() + ", group "
                    + old.group().getName() + " of " + from + " (run the restore as that user or as root);"
                    + " nothing was replaced");
        }
    }
}
