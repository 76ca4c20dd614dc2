package com.partpal.db.adapters.cli.prisma;

import java.util.ArrayList;
import java.util.List;

/**
 * One attribute of a Prisma schema line: "@default(now())", "@db.VarChar(255)", "@@index([a, b])".
 *
 * @param arguments what the parentheses hold, as written; null without parentheses
 */
record PslAttribute(String name, String arguments) {
    /** Every attribute in the text, in order. */
    static List<PslAttribute> parseAll(String text) {
        List<PslAttribute> attributes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '@') {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '@'
                    || text.charAt(end) == '.' || text.charAt(end) == '_')) {
                end++;
            }
            String name = text.substring(i, end);
            String arguments = null;
            if (end < text.length() && text.charAt(end) == '(') {
                int close = closing(text, end);
                arguments = text.substring(end + 1, Math.min(close, text.length())).strip();
                end = close + 1;
            }
            attributes.add(new PslAttribute(name, arguments));
            i = end;
        }
        return attributes;
    }

    /** The first top-level argument ("now()" of "now(), map: \"x\""), or null. */
    String firstArgument() {
        if (arguments == null || arguments.isEmpty()) {
            return null;
        }
        return arguments.substring(0, topLevel(arguments, 0, ',')).strip();
    }

    /** The value of a named argument ("onDelete" of "fields: [a], onDelete: Cascade" is "Cascade"), or null. */
    String named(String name) {
        if (arguments == null) {
            return null;
        }
        int from = 0;
        while (from < arguments.length()) {
            int end = topLevel(arguments, from, ',');
            String argument = arguments.substring(from, end).strip();
            int colon = argument.indexOf(':');
            if (colon > 0 && argument.substring(0, colon).strip().equals(name)) {
                return argument.substring(colon + 1).strip();
            }
            from = end + 1;
        }
        return null;
    }

    /** The index of the parenthesis closing the one at open (strings skipped); text.length() when unclosed. */
    static int closing(String text, int open) {
        return topLevel(text, open + 1, ')');
    }

    /**
     * The index of the first {@code target} from {@code from} that is outside strings and outside the parentheses
     * and brackets opened after {@code from}; text.length() when there is none.
     */
    private static int topLevel(String text, int from, char target) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (depth == 0 && c == target) {
                return i;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return text.length();
    }

    /** The text of a "..." literal (\" and \\ unescaped); the argument as is when it is not quoted. */
    static String string(String argument) {
        if (argument == null) {
            return null;
        }
        String a = argument.strip();
        if (a.startsWith("name:")) {
            a = a.substring(5).strip();
        }
        if (a.length() < 2 || a.charAt(0) != '"') {
            return a;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < a.length() - 1; i++) {
            char c = a.charAt(i);
            if (c == '\\' && i + 1 < a.length() - 1) {
                c = a.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The field names of "[a, b(sort: Desc)]" (fields: [a, b] too): [a, b]. */
    static List<String> fieldList(String argument) {
        List<String> names = new ArrayList<>();
        if (argument == null) {
            return names;
        }
        String a = argument.strip();
        if (a.startsWith("fields:")) {
            a = a.substring(7).strip();
        }
        int open = a.indexOf('[');
        int close = a.lastIndexOf(']');
        if (open < 0 || close < open) {
            return names;
        }
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : a.substring(open + 1, close).toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                names.add(current.toString().strip());
                current.setLength(0);
            } else if (depth == 0) {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            names.add(current.toString().strip());
        }
        return names;
    }
}
