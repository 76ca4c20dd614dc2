package com.partpal.db.adapters.http;

import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One kind of place the server may use: configured directories, compared by their real paths. A path is inside when
 * the real path of its longest existing part, followed by the rest (no {@code ..}, no symbolic link at the first
 * missing name), starts with one of them. So {@code ..} and symbolic links that lead out are refused, whether the
 * file exists yet or not. Checking creates nothing.
 */
final class AllowedDirectories {
    private final String kind;
    private final String property;
    private final List<Path> roots = new ArrayList<>();

    AllowedDirectories(String kind, String property, List<String> configured, Path implicit) {
        this.kind = kind;
        this.property = property;
        if (configured != null) {
            configured.stream().map(String::trim).filter(d -> !d.isEmpty()).forEach(d -> roots.add(resolve(Path.of(d))));
        }
        if (implicit != null) {
            roots.add(resolve(implicit));
        }
    }

    List<Path> roots() {
        return List.copyOf(roots);
    }

    void check(String field, String given) {
        Path path;
        try {
            path = resolve(Path.of(given));
        } catch (InvalidPathException e) {
            throw new BadInputException("'" + field + "' is not a valid path: " + e.getReason());
        } catch (EscapeException e) {
            throw refused(field, given, e.getMessage());
        }
        if (roots.stream().noneMatch(path::startsWith)) {
            throw refused(field, given, "it is outside them");
        }
    }

    private PlaceNotAllowedException refused(String field, String given, String why) {
        String allowed = roots.isEmpty() ? "none is configured"
                : roots.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new PlaceNotAllowedException("'" + field + "' " + given + " is not in a directory the server may use for "
                + kind + " files (" + property + ": " + allowed + "); " + why + ". Nothing was read or written");
    }

    /** The real path of the longest existing part of {@code path}, with the missing rest appended. */
    private static Path resolve(Path path) {
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            return absolute.normalize();
        }
        Path rest = existing.relativize(absolute);
        if (rest.toString().isEmpty()) {
            return real;
        }
        for (Path name : rest) {
            if (name.toString().equals("..")) {
                throw new EscapeException("'..' leads out of an existing directory");
            }
        }
        if (Files.isSymbolicLink(real.resolve(rest.getName(0))) || Files.exists(real.resolve(rest.getName(0)),
                LinkOption.NOFOLLOW_LINKS)) {
            throw new EscapeException("it is a symbolic link to a missing file");
        }
        return real.resolve(rest).normalize();
    }

    private static final class EscapeException extends RuntimeException {
        EscapeException(String message) {
            super(message);
        }
    }
}
