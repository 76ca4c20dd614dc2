package com.partpal.db.adapters.sqlite;

import java.util.List;
import java.util.Map;

/**
 * Reads the WHERE clause of a partial index from its CREATE INDEX text, written the way CHECK constraints are
 * ({@link PortableSql}): [x] and `x` become "x", mixed-case column names are quoted in their spelling.
 */
final class CreateIndexDdl {
    private CreateIndexDdl() {
    }

    /**
     * The predicate after WHERE (without a trailing semicolon), requoted, or null when there is none.
     *
     * @param names the table's column names by their lower-case form
     */
    static String predicate(String createIndexSql, Map<String, String> names) {
        if (createIndexSql == null) {
            return null;
        }
        List<SqlToken> tokens = SqlTokenizer.tokenize(createIndexSql);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).is('(')) {
            open++;
        }
        int where = CreateTableDdl.matchingParen(tokens, open) + 1;
        if (where >= tokens.size() || !tokens.get(where).isKeyword("WHERE")) {
            return null;
        }
        int last = tokens.size() - 1;
        while (last > where && tokens.get(last).is(';')) {
            last--;
        }
        return last == where ? null : PortableSql.requote(createIndexSql, tokens, where + 1, last, names);
    }
}
