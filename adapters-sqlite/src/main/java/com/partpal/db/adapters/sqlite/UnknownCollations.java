package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.plan.Collations;
import org.sqlite.Collation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collations the schema names that SQLite does not define (Anki's "unicase", registered by the application that
 * writes the file). Without them SQLite cannot read a table or index that uses one ("no such collation
 * sequence"), so every connection registers each as a case-insensitive comparison by Unicode case folding (what
 * such collations are in practice; the plan says the target does not keep it).
 */
final class UnknownCollations {
    private static final Collation CASE_FOLDING = new Collation() {
        @Override
        protected int xCompare(String a, String b) {
            return String.CASE_INSENSITIVE_ORDER.compare(a, b);
        }
    };

    private UnknownCollations() {
    }

    static void register(Connection connection) throws SQLException {
        for (String name : names(connection)) {
            Collation.create(connection, name, CASE_FOLDING);
        }
    }

    /** The COLLATE names in the schema's SQL that are not BINARY, NOCASE or RTRIM. */
    static Set<String> names(Connection connection) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema WHERE sql LIKE '%collate%'")) {
            while (rs.next()) {
                List<SqlToken> tokens = SqlTokenizer.tokenize(rs.getString(1));
                for (int i = 0; i + 1 < tokens.size(); i++) {
                    if (tokens.get(i).isKeyword("COLLATE") && tokens.get(i + 1).isName()
                            && !Collations.builtIn(tokens.get(i + 1).text())) {
                        names.add(tokens.get(i + 1).text());
                    }
                }
            }
        }
        return names;
    }
}
