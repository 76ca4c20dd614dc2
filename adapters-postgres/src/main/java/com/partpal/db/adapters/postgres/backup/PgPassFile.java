package com.partpal.db.adapters.postgres.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * libpq's password file: PGPASSFILE, else ~/.pgpass; lines {@code host:port:database:username:password}, {@code *}
 * matching anything, {@code \:} and {@code \\} escaped, the first match wins. Like libpq, a file that its group or
 * others may read is ignored.
 */
final class PgPassFile {
    private PgPassFile() {
    }

    static String password(Map<String, String> env, String host, int port, String database, String user) {
        String explicit = env.get("PGPASSFILE");
        String home = env.get("HOME");
        Path file = explicit != null && !explicit.isBlank() ? Path.of(explicit)
                : home != null ? Path.of(home, ".pgpass") : null;
        if (file == null || !Files.isRegularFile(file) || tooOpen(file)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return fields.get(4);
            }
        }
        return null;
    }

    private static boolean tooOpen(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean matches(String pattern, String value) {
        return "*".equals(pattern) || pattern.equals(value);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
