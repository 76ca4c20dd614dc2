package com.partpal.db.domain.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenamedReferencesTest {
    private static final String LONG = "a_column_name_that_is_longer_than_the_sixty_three_bytes_postgres_keeps";

    private static RenamedReferences references() {
        return new RenamedReferences().add("orders", "orders").add(LONG, "a_column_short_1234abcd").add("qty", "qty");
    }

    @Test
    void renamedNamesAreRewrittenBareOrQuotedInAnyCase() {
        RenamedReferences.Result result = references().rewrite("\"" + LONG.toUpperCase() + "\" > 0 AND [" + LONG
                + "] < `" + LONG + "` AND orders." + LONG + " <> qty");
        assertNull(result.problem());
        assertEquals("\"a_column_short_1234abcd\" > 0 AND \"a_column_short_1234abcd\" < \"a_column_short_1234abcd\""
                + " AND orders.\"a_column_short_1234abcd\" <> qty", result.sql());
    }

    @Test
    void callsCommentsAndKeptNamesAreLeftAsWritten() {
        String sql = "length(qty) > 0 -- " + LONG + "\n /* " + LONG + " */ AND \"Qty\" = 1";
        assertEquals(sql, references().rewrite(sql).sql());
        assertEquals("x", new RenamedReferences().add("x", "x").rewrite("x").sql());
    }

    @Test
    void withoutRenamesTheTextIsUntouchedEvenWhereItWouldNotParse() {
        String sql = "[odd name] = 'it''s' AND \"unterminated";
        assertEquals(sql, new RenamedReferences().add("odd name", "odd name").rewrite(sql).sql());
    }

    @Test
    void aStringSpellingARenamedNameOrANameRenamedTwoWaysIsAProblemNotAGuess() {
        RenamedReferences.Result literal = references().rewrite("status <> '" + LONG + "'");
        assertNull(literal.sql());
        assertTrue(literal.problem().contains("the string '" + LONG + "'"), literal.problem());
        RenamedReferences.Result twoWays = references().add(LONG, "a_column_short_9999ffff").rewrite(LONG + " > 1");
        assertNull(twoWays.sql());
        assertTrue(twoWays.problem().contains("renamed differently (a_column_short_1234abcd, a_column_short_9999ffff)"),
                twoWays.problem());
    }
}
