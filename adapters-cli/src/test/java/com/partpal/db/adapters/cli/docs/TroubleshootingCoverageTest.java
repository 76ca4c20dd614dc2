package com.partpal.db.adapters.cli.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/troubleshooting.md names every error line partpal-db prints itself: the messages of the exceptions that reach
 * the user as one line (bad input, failed backups and migrations, refused resumes, refused places, PostgreSQL's
 * refusals as partpal-db words them) and the HTTP API's problem details. The main sources of every module are scanned
 * for those constructors; each message's first fixed part (its first string literal of 10 or more characters, up to a
 * format placeholder) must appear in the guide. Messages that start with a value and carry no such literal cannot be
 * matched and are counted, not checked; lines that come from PostgreSQL, SQLite or the JDK verbatim are the guide's
 * prose, not this test's.
 */
class TroubleshootingCoverageTest {
    private static final Pattern MESSAGE_SITE = Pattern.compile("new\\s+(BadInputException|BackupFailedException"
            + "|MigrationFailedException|ResumableRunException|PlaceNotAllowedException|JobConflictException)\\s*\\("
            + "|PostgresException\\.of\\s*\\(|Problem\\.(response|of)\\s*\\(");
    /** In an exception class of the code, the message it makes itself. */
    private static final Pattern OWN_MESSAGE = Pattern.compile("\\bsuper\\s*\\(");
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("class\\s+\\w+\\s+extends\\s+\\w*Exception\\b");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int SHORTEST = 10;

    @Test
    void everyMessageOfTheCodeHasItsEntry() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String guide = Files.readString(root.resolve("docs/troubleshooting.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path source : mainSources(root)) {
            String text = Files.readString(source);
            Matcher site = (EXCEPTION_CLASS.matcher(text).find() ? Pattern.compile(MESSAGE_SITE.pattern() + "|"
                    + OWN_MESSAGE.pattern()) : MESSAGE_SITE).matcher(text);
            while (site.find()) {
                String fragment = firstFixedPart(arguments(text, site.end()));
                if (fragment == null) {
                    continue;
                }
                checked++;
                if (!guide.contains(fragment)) {
                    missing.add(root.relativize(source) + ":" + line(text, site.start()) + " \"" + fragment + "\"");
                }
            }
        }
        assertTrue(checked > 150, "messages found in the code: " + checked);
        assertEquals(List.of(), missing, "error messages without an entry in docs/troubleshooting.md");
    }

    private static List<Path> mainSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, 12)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    .sorted().toList();
        }
    }

    /** The text of a call's arguments, from just after its opening parenthesis to its closing one. */
    static String arguments(String text, int from) {
        int depth = 1;
        int i = from;
        while (depth > 0 && i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return text.substring(from, Math.max(from, i - 1));
    }

    /** The first string literal of at least {@link #SHORTEST} characters, cut at a format placeholder, trimmed. */
    static String firstFixedPart(String arguments) {
        Matcher literal = LITERAL.matcher(arguments);
        while (literal.find()) {
            String value = literal.group(1).replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\");
            String fixed = value.split("%[-#+ 0,(]*[0-9.]*[sdfnx]", 2)[0].replaceAll("^[\\s:,;()]+|[\\s:,;(]+$", "");
            if (fixed.length() >= SHORTEST) {
                return fixed;
            }
        }
        return null;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
