package com.partpal.db.adapters.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the PRAGMAs do not tell about a table and its CREATE TABLE text does: constraint names, whether an INTEGER
 * PRIMARY KEY column constraint says DESC (then it is no rowid alias), WITHOUT ROWID, and each column's definition.
 */
final class CreateTableDdl {
    /** A UNIQUE constraint; name is null when the DDL gives none. */
    record Unique(String name, List<String> columns) {
    }

    /**
     * A FOREIGN KEY or column REFERENCES clause; name is null when the DDL gives none, deferral is
     * "DEFERRABLE INITIALLY DEFERRED|IMMEDIATE" or null.
     */
    record ForeignKeyClause(String name, List<String> columns, String parentTable, String deferral) {
    }

    private final String sql;
    private String primaryKeyName;
    private boolean columnPrimaryKeyDesc;
    private boolean withoutRowid;
    private final List<Unique> uniques = new ArrayList<>();
    private final List<ForeignKeyClause> foreignKeys = new ArrayList<>();
    private final Map<String, String> columnDefinitions = new LinkedHashMap<>();
    private final Map<String, String> columnCollations = new LinkedHashMap<>();
    private final List<String> checks = new ArrayList<>();
    /** CHECK constraints as read: name (or null) and token range, requoted once every column name is known. */
    private final List<Object[]> checkRanges = new ArrayList<>();
    private final Map<String, String> columnNames = new LinkedHashMap<>();
    /** Per column (lower case), the token range of its generation expression, inside AS ( ... ). */
    private final Map<String, int[]> generatedRanges = new LinkedHashMap<>();
    private final Map<String, String> generatedExpressions = new LinkedHashMap<>();
    private List<SqlToken> allTokens = List.of();

    private CreateTableDdl(String sql) {
        this.sql = sql;
    }

    static CreateTableDdl parse(String sql) {
        CreateTableDdl ddl = new CreateTableDdl(sql == null ? "" : sql);
        ddl.read(SqlTokenizer.tokenize(ddl.sql));
        return ddl;
    }

    String primaryKeyName() {
        return primaryKeyName;
    }

    boolean columnPrimaryKeyDesc() {
        return columnPrimaryKeyDesc;
    }

    boolean withoutRowid() {
        return withoutRowid;
    }

    List<Unique> uniques() {
        return uniques;
    }

    List<ForeignKeyClause> foreignKeys() {
        return foreignKeys;
    }

    /** The column's whole definition as written ("total" REAL GENERATED ALWAYS AS (...)), or null. */
    String columnDefinition(String column) {
        return columnDefinitions.get(column.toLowerCase(Locale.ROOT));
    }

    /** Each CHECK constraint as "[CONSTRAINT name ]CHECK (expression)", quoted identifiers written "x". */
    List<String> checks() {
        return checks;
    }

    /**
     * The expression of a generated column (what its GENERATED ALWAYS AS / AS parentheses hold), quoted identifiers
     * written "x" and known mixed-case names quoted; null for a column that has none.
     */
    String generatedExpression(String column) {
        return generatedExpressions.get(column.toLowerCase(Locale.ROOT));
    }

    /** The table's column names by their lower-case form, for requoting SQL that names them. */
    Map<String, String> columnNames() {
        return Map.copyOf(columnNames);
    }

    /** The column's COLLATE name as written, or null. */
    String columnCollation(String column) {
        return columnCollations.get(column.toLowerCase(Locale.ROOT));
    }

    private void read(List<SqlToken> tokens) {
        allTokens = tokens;
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).is('(')) {
            open++;
        }
        if (open == tokens.size()) {
            return;
        }
        int close = matchingParen(tokens, open);
        for (List<SqlToken> definition : splitTopLevel(tokens, open + 1, close)) {
            readDefinition(definition);
        }
        for (Object[] check : checkRanges) {
            checks.add((check[0] == null ? "" : "CONSTRAINT " + SqliteNames.quote((String) check[0]) + " ")
                    + PortableSql.requote(sql, tokens, (int) check[1], (int) check[2], columnNames));
        }
        generatedRanges.forEach((column, range) -> generatedExpressions.put(column,
                PortableSql.requote(sql, tokens, range[0], range[1], columnNames)));
        for (int i = close + 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isKeyword("WITHOUT") && tokens.get(i + 1).isKeyword("ROWID")) {
                withoutRowid = true;
            }
        }
    }

    private void readDefinition(List<SqlToken> definition) {
        if (definition.isEmpty()) {
            return;
        }
        SqlToken first = definition.get(0);
        boolean tableConstraint = first.isKeyword("CONSTRAINT") || first.isKeyword("PRIMARY")
                || first.isKeyword("UNIQUE") || first.isKeyword("CHECK") || first.isKeyword("FOREIGN");
        String column = tableConstraint ? null : first.text();
        if (column != null) {
            columnNames.putIfAbsent(column.toLowerCase(Locale.ROOT), column);
            columnDefinitions.put(column.toLowerCase(Locale.ROOT),
                    sql.substring(first.start(), definition.get(definition.size() - 1).end()));
        }
        readConstraints(definition, tableConstraint ? 0 : 1, column);
    }

    /** Walks the constraints of a column (column != null) or of one table constraint (column == null). */
    private void readConstraints(List<SqlToken> tokens, int from, String column) {
        String pendingName = null;
        int i = from;
        while (i < tokens.size()) {
            SqlToken token = tokens.get(i);
            if (token.isKeyword("CONSTRAINT") && i + 1 < tokens.size()) {
                pendingName = tokens.get(i + 1).text();
                i += 2;
                continue;
            }
            if (token.isKeyword("PRIMARY")) {
                primaryKeyName = pendingName;
                i = skipKeyword(tokens, i + 1, "KEY");
                if (column != null) {
                    columnPrimaryKeyDesc |= i < tokens.size() && tokens.get(i).isKeyword("DESC");
                } else {
                    i = skipGroup(tokens, i);
                }
                pendingName = null;
            } else if (token.isKeyword("UNIQUE")) {
                List<String> columns = column != null ? List.of(column) : groupNames(tokens, i + 1);
                uniques.add(new Unique(pendingName, columns));
                i = column != null ? i + 1 : skipGroup(tokens, i + 1);
                pendingName = null;
            } else if (token.isKeyword("FOREIGN")) {
                int group = skipKeyword(tokens, i + 1, "KEY");
                List<String> columns = groupNames(tokens, group);
                i = skipGroup(tokens, group);
                if (i + 1 < tokens.size() && tokens.get(i).isKeyword("REFERENCES")) {
                    foreignKeys.add(new ForeignKeyClause(pendingName, columns, tokens.get(i + 1).text(),
                            deferral(tokens, i + 2)));
                    i += 2;
                }
                pendingName = null;
            } else if (token.isKeyword("REFERENCES") && column != null && i + 1 < tokens.size()) {
                foreignKeys.add(new ForeignKeyClause(pendingName, List.of(column), tokens.get(i + 1).text(),
                        deferral(tokens, i + 2)));
                i += 2;
                pendingName = null;
            } else if (token.isKeyword("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).is('(')) {
                int close = matchingParen(tokens, i + 1);
                checkRanges.add(new Object[] {pendingName, allTokens.indexOf(token), allTokens.indexOf(tokens.get(close))});
                pendingName = null;
                i = close + 1;
            } else if (token.isKeyword("COLLATE") && column != null && i + 1 < tokens.size()) {
                columnCollations.put(column.toLowerCase(Locale.ROOT), tokens.get(i + 1).text());
                pendingName = null;
                i += 2;
            } else if (token.isKeyword("AS") && column != null && i + 1 < tokens.size() && tokens.get(i + 1).is('(')) {
                int close = matchingParen(tokens, i + 1);
                if (close > i + 2) {
                    generatedRanges.put(column.toLowerCase(Locale.ROOT),
                            new int[] {allTokens.indexOf(tokens.get(i + 2)), allTokens.indexOf(tokens.get(close - 1))});
                }
                pendingName = null;
                i = close + 1;
            } else if (token.is('(')) {
                i = matchingParen(tokens, i) + 1;
            } else {
                if (token.kind() == SqlToken.Kind.WORD && isConstraintStart(token)) {
                    pendingName = null;
                }
                i++;
            }
        }
    }

    /**
     * The deferral of the REFERENCES clause whose tokens follow {@code from}: SQLite's DEFERRABLE INITIALLY DEFERRED
     * (the clause defaults to INITIALLY IMMEDIATE once DEFERRABLE is given); null when absent or NOT DEFERRABLE.
     */
    private static String deferral(List<SqlToken> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.is('(')) {
                i = matchingParen(tokens, i);
                continue;
            }
            if (token.isKeyword("CONSTRAINT") || token.isKeyword("PRIMARY") || token.isKeyword("UNIQUE")
                    || token.isKeyword("CHECK") || token.isKeyword("FOREIGN") || token.isKeyword("REFERENCES")
                    || token.isKeyword("DEFAULT") || token.isKeyword("COLLATE") || token.isKeyword("GENERATED")) {
                return null;
            }
            if (token.isKeyword("DEFERRABLE")) {
                if (i > from && tokens.get(i - 1).isKeyword("NOT")) {
                    return null;
                }
                boolean deferred = i + 2 < tokens.size() && tokens.get(i + 1).isKeyword("INITIALLY")
                        && tokens.get(i + 2).isKeyword("DEFERRED");
                return "DEFERRABLE INITIALLY " + (deferred ? "DEFERRED" : "IMMEDIATE");
            }
        }
        return null;
    }

    private static boolean isConstraintStart(SqlToken token) {
        for (String keyword : new String[] {"CHECK", "NOT", "NULL", "DEFAULT", "COLLATE", "GENERATED", "AS"}) {
            if (token.isKeyword(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static int skipKeyword(List<SqlToken> tokens, int i, String keyword) {
        return i < tokens.size() && tokens.get(i).isKeyword(keyword) ? i + 1 : i;
    }

    /** The index just after the parenthesized group starting at i (i itself when there is none). */
    private static int skipGroup(List<SqlToken> tokens, int i) {
        return i < tokens.size() && tokens.get(i).is('(') ? matchingParen(tokens, i) + 1 : i;
    }

    /** The first token of each comma-separated item of the group at i: "(a COLLATE NOCASE, b DESC)" gives [a, b]. */
    private static List<String> groupNames(List<SqlToken> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).is('(')) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (List<SqlToken> item : splitTopLevel(tokens, i + 1, matchingParen(tokens, i))) {
            if (!item.isEmpty()) {
                names.add(item.get(0).text());
            }
        }
        return names;
    }

    static int matchingParen(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is('(')) {
                depth++;
            } else if (tokens.get(i).is(')') && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** The tokens in [from, to) split at commas outside parentheses. */
    static List<List<SqlToken>> splitTopLevel(List<SqlToken> tokens, int from, int to) {
        List<List<SqlToken>> items = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            SqlToken token = tokens.get(i);
            if (token.is(',') && depth == 0) {
                items.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (token.is('(')) {
                depth++;
            } else if (token.is(')')) {
                depth--;
            }
            current.add(token);
        }
        items.add(current);
        return items;
    }
}
