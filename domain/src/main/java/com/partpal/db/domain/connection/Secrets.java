package com.partpal.db.domain.connection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks passwords in free text (error messages, logs) so that none is ever printed. */
public final class Secrets {
    public static final String MASK = "****";

    /** scheme://user:password@ ; the password runs to the last '@' of the word (it may hold unencoded '/' or '?'). */
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/?#@]*):\\S*@");
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
        String masked = URL_CREDENTIALS.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
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
}
