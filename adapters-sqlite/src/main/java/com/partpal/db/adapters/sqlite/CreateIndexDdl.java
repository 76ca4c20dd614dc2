package com.partpal.db.adapters.sqlite;

import java.util.List;

/** Reads the WHERE clause of a partial index from its CREATE INDEX text. */
final class CreateIndexDdl {
    private CreateIndexDdl() {
    }

    /** The predicate text as written after WHERE (without a trailing semicolon), or null when there is none. */
    static String predicate(String createIndexSql) {
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
        String predicate = createIndexSql.substring(tokens.get(where).end()).strip();
        return predicate.endsWith(";") ? predicate.substring(0, predicate.length() - 1).strip() : predicate;
    }
}
