package com.partpal.db.adapters.sqlite;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite SQL text made readable by PostgreSQL as far as names go: identifiers written [x] or `x` (which PostgreSQL
 * does not know) become "x", which both read the same, and a bare word naming one of the schema's tables or
 * columns whose spelling has capitals is quoted in that spelling (SQLite matches names ignoring case, PostgreSQL
 * folds bare words to lower case). Everything else is kept as written: whether it runs there is for PostgreSQL
 * to say.
 */
final class PortableSql {
    private PortableSql() {
    }

    /** Requoting without knowing the schema's names (quoted identifiers only). */
    static String requote(String sql, List<SqlToken> tokens, int from, int to) {
        return requote(sql, tokens, from, to, Map.of());
    }

    /**
     * The text of tokens [from, to] requoted; the gaps between tokens kept.
     *
     * @param names the schema's table and column names by their lower-case form
     */
    static String requote(String sql, List<SqlToken> tokens, int from, int to, Map<String, String> names) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            SqlToken token = tokens.get(i);
            if (i > from) {
                out.append(sql, tokens.get(i - 1).end(), token.start());
            }
            String known = token.kind() == SqlToken.Kind.WORD ? names.get(token.folded()) : null;
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is('(');
            if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
                out.append(SqliteNames.quote(token.text()));
            } else if (known != null && !call && !known.equals(known.toLowerCase(Locale.ROOT))) {
                out.append(SqliteNames.quote(known));
            } else {
                out.append(sql, token.start(), token.end());
            }
        }
        return out.toString();
    }

    /** The query of a CREATE VIEW statement (what follows its AS), requoted; null when there is none. */
    static String viewQuery(String sql, Map<String, String> names) {
        if (sql == null) {
            return null;
        }
        List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is('(')) {
                return null; // a column list: the names would not carry over
            }
            if (tokens.get(i).isKeyword("AS") && i + 1 < tokens.size()) {
                int last = tokens.size() - 1;
                while (last > i && tokens.get(last).is(';')) {
                    last--;
                }
                return requote(sql, tokens, i + 1, last, names);
            }
        }
        return null;
    }
}
