package com.partpal.db.domain.plan;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the names a piece of SQL (a CHECK, a view's query, a generation expression, a partial index's WHERE)
 * refers to, after the plan renamed tables, columns or views (longer than 63 bytes, or taken). Names are matched as
 * SQLite matches them, ignoring ASCII case, bare or quoted ("x", [x], `x`); a renamed one is written "new". Function
 * calls, string literals and comments are left alone. When a name cannot be rewritten with certainty (it stands for
 * objects renamed differently, or a string literal spells a renamed name, which SQLite may read as an identifier)
 * the result is a problem instead of SQL, so that the object is not created rather than created wrong.
 */
final class RenamedReferences {
    /** sql is the rewritten text (the same text when nothing was renamed), or null with a problem. */
    record Result(String sql, String problem) {
    }

    /** Lower-case source name -> every target name it has in scope (one per object of that name). */
    private final Map<String, Set<String>> names = new LinkedHashMap<>();

    /** Records that the source name {@code from} is {@code to} on the target (the same when kept). */
    RenamedReferences add(String from, String to) {
        names.computeIfAbsent(fold(from), k -> new LinkedHashSet<>()).add(to);
        return this;
    }

    RenamedReferences addAll(RenamedReferences other) {
        other.names.forEach((name, targets) -> names.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(targets));
        return this;
    }

    boolean renamesAnything() {
        return names.entrySet().stream().anyMatch(e -> e.getValue().stream().anyMatch(t -> !fold(t).equals(e.getKey())));
    }

    Result rewrite(String sql) {
        if (sql == null || !renamesAnything()) {
            return new Result(sql, null);
        }
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = quotedEnd(sql, i, '\'');
                String literal = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'");
                if (renamed(literal) != null) {
                    return new Result(null, "the string '" + literal + "' names a renamed object");
                }
                out.append(sql, i, end);
            } else if (c == '-' && sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(sql, i, end);
            } else if (c == '"' || c == '`' || c == '[') {
                end = quotedEnd(sql, i, c == '[' ? ']' : c);
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1));
                name = c == '[' ? name : name.replace(String.valueOf(c) + c, String.valueOf(c));
                String problem = append(out, name, sql.substring(i, end));
                if (problem != null) {
                    return new Result(null, problem);
                }
            } else if (isWordStart(c)) {
                end = i + 1;
                while (end < sql.length() && isWordPart(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (isCall(sql, end)) {
                    out.append(word);
                } else {
                    String problem = append(out, word, word);
                    if (problem != null) {
                        return new Result(null, problem);
                    }
                }
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return new Result(out.toString(), null);
    }

    /** Appends the name's target spelling when it was renamed, else the text as written; a problem when ambiguous. */
    private String append(StringBuilder out, String name, String asWritten) {
        Set<String> targets = names.get(fold(name));
        if (targets == null || targets.stream().allMatch(t -> fold(t).equals(fold(name)))) {
            out.append(asWritten);
            return null;
        }
        if (targets.size() > 1) {
            return name + " stands for objects renamed differently (" + String.join(", ", targets) + ")";
        }
        out.append('"').append(targets.iterator().next().replace("\"", "\"\"")).append('"');
        return null;
    }

    private String renamed(String name) {
        Set<String> targets = names.get(fold(name));
        return targets == null || targets.stream().allMatch(t -> fold(t).equals(fold(name))) ? null : name;
    }

    /** The index just past the closing quote (a doubled quote inside is part of the text). */
    private static int quotedEnd(String sql, int open, char close) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isCall(String sql, int end) {
        int i = end;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '(';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }

    /** SQLite folds ASCII letters only. */
    private static String fold(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return folded.toString();
    }
}
