package com.partpal.db.adapters.cli;

import com.partpal.db.domain.connection.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command that continues an interrupted migrate: the arguments as given (passwords masked; put yours back, or
 * leave --to out to use $POSTGRES_URL / $DATABASE_URL) with --resume added, each quoted for a POSIX shell when needed.
 */
final class ResumeCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ResumeCommand() {
    }

    static String of(List<String> arguments) {
        List<String> words = new ArrayList<>(List.of("partpal-db"));
        arguments.stream().map(Secrets::mask).forEach(words::add);
        if (!arguments.contains("--resume")) {
            words.add("--resume");
        }
        return String.join(" ", words.stream().map(ResumeCommand::quoted).toList());
    }

    private static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
