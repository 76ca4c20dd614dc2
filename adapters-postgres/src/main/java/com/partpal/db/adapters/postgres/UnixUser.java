package com.partpal.db.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The account the embedded server runs as. PostgreSQL refuses to run as root, so under root it is
 * {@code postgres} (or {@code nobody}) via runuser/setpriv; otherwise the current user.
 */
final class UnixUser {
    private final String name;

    private UnixUser(String name) {
        this.name = name;
    }

    static UnixUser forServer() {
        if (!isRoot()) {
            return new UnixUser(null);
        }
        UserPrincipalLookupService users = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        for (String candidate : List.of("postgres", "nobody")) {
            try {
                users.lookupPrincipalByName(candidate);
                return new UnixUser(candidate);
            } catch (UserPrincipalNotFoundException e) {
                // try the next one
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("running as root and neither a 'postgres' nor a 'nobody' user exists to run "
                + "the embedded PostgreSQL");
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The command, wrapped to run as this user when needed. */
    List<String> command(String... command) {
        List<String> full = new ArrayList<>();
        if (name != null) {
            if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
                full.addAll(List.of("runuser", "-u", name, "--"));
            } else {
                full.addAll(List.of("setpriv", "--reuid=" + name, "--regid=" + name, "--init-groups", "--"));
            }
        }
        full.addAll(List.of(command));
        return full;
    }

    /** Gives the whole tree to this user. */
    void own(Path root) throws IOException {
        if (name == null) {
            return;
        }
        UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = users.lookupPrincipalByName(name);
        GroupPrincipal group = Files.readAttributes(Path.of("/"), java.nio.file.attribute.PosixFileAttributes.class)
                .group();
        try {
            group = users.lookupPrincipalByGroupName(name);
        } catch (UserPrincipalNotFoundException e) {
            // 'nobody' has group 'nogroup' on Debian; root's group is fine for a directory only it and we use
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    /** Lets this user reach a directory: every ancestor gets o+x if it lacks it. */
    void makeTraversable(Path directory) {
        if (name == null) {
            return;
        }
        try {
            for (Path path = directory.toAbsolutePath(); path != null; path = path.getParent()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + directory + " reachable for user " + name, e);
        }
    }
}
