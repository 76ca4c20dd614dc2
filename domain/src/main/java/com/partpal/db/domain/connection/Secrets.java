package com.partpal.db.domain.connection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks passwords in free text (error messages, logs) so that none is ever printed. */
public final class Secrets {
    public static final String MASK = "****";

    /** The start of a URL's authority: scheme:// */
    private static final Pattern URL_START = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    /** user:password@host without a scheme. */
    private static final Pattern BARE_CREDENTIALS =
            Pattern.compile("(?<![\\w@*%.+-])([\\w.%+-]+):(?!\\*{4}@)[^\\s/?#@:]+@(?=[\\w\\[])");
    /** password=..., "password": "...", PGPASSWORD=... */
    private static final Pattern PASSWORD_PARAM = Pattern.compile(
            "(?i)(\\b(?:pg)?(?:password|passwd|pwd)\\b\"?\\s*[=:]\\s*\"?)([^\\s&;,\"']+)");

    private Secrets() {
    }

    /** The text with URL credentials and password parameters masked as ****. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = maskUrlCredentials(text);
        masked = BARE_CREDENTIALS.matcher(masked).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** Like {@link #mask(String)}, and also every literal occurrence of a known password. */
    public static String mask(String text, String password) {
        String masked = mask(text);
        if (masked == null || password == null || password.isEmpty() || password.equals(MASK)) {
            return masked;
        }
        return masked.replace(password, MASK);
    }

    /**
     * scheme://user:password@host, read as a URL is, not as a word: the user name runs to the first ':' (no space or
     * '/' in it), the password to the last '@' before the path starts (at '/', '?', '#' or the end of the line). So a password may hold spaces, ':', '%', '/'
     * and '@' unencoded and is still masked whole; the line break is the only thing it cannot cross.
     */
    private static String maskUrlCredentials(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher start = URL_START.matcher(text);
        int copied = 0;
        int from = 0;
        while (from < text.length() && start.find(from)) {
            int userStart = start.end();
            int lineEnd = lineEnd(text, userStart);
            int colon = text.indexOf(':', userStart);
            int at = text.indexOf('@', userStart);
            if (colon < 0 || at < 0 || colon > at || at >= lineEnd || !plainUser(text, userStart, colon)) {
                from = userStart;
                continue;
            }
            int end = endOfUserInfo(text, at, lineEnd);
            out.append(text, copied, colon + 1).append(MASK).append('@');
            copied = end + 1;
            from = end + 1;
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean plainUser(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '/' || c == '?' || c == '#' || c == '@') {
                return false;
            }
        }
        return true;
    }

    /**
     * The last '@' before the path (a password may hold unencoded '@' and spaces, as URL parsers take the last '@' of
     * the authority); in free text with no path after the URL this may mask more than the password, never less.
     */
    private static int endOfUserInfo(String text, int firstAt, int lineEnd) {
        int last = firstAt;
        for (int i = firstAt + 1; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            if (c == '@') {
                last = i;
            }
        }
        return last;
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
