package com.partpal.db.domain.plan;

import com.partpal.db.domain.prisma.PrismaEnum;
import com.partpal.db.domain.prisma.PrismaField;
import com.partpal.db.domain.prisma.PrismaSchema;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.value.CellRejectedException;
import com.partpal.db.domain.value.Converters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrismaColumnTypesTest {
    private static final PrismaSchema SCHEMA = new PrismaSchema(List.of(),
            List.of(new PrismaEnum("Role", "user_role", List.of("BUYER", "seller"))));

    private static PrismaField field(String type, String nativeType, String defaultValue) {
        return new PrismaField("f", type, false, false, null, false, false, nativeType, defaultValue, false, false);
    }

    private static String sql(String type, String nativeType, List<String> warnings) {
        return PrismaColumnTypes.type(SCHEMA, "t.f", field(type, nativeType, null), warnings)
                .map(ColumnType::sql).orElse(null);
    }

    @Test
    void scalarTypesAreThoseOfPrismasPostgresqlProvider() {
        List<String> warnings = new ArrayList<>();
        assertEquals("text", sql("String", null, warnings));
        assertEquals("integer", sql("Int", null, warnings));
        assertEquals("bigint", sql("BigInt", null, warnings));
        assertEquals("double precision", sql("Float", null, warnings));
        assertEquals("numeric(65,30)", sql("Decimal", null, warnings));
        assertEquals("boolean", sql("Boolean", null, warnings));
        assertEquals("timestamp(3)", sql("DateTime", null, warnings));
        assertEquals("jsonb", sql("Json", null, warnings));
        assertEquals("bytea", sql("Bytes", null, warnings));
        assertEquals("\"user_role\"", sql("Role", null, warnings));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void nativeTypesOverrideAndUnknownOnesAreWarnedAbout() {
        List<String> warnings = new ArrayList<>();
        assertEquals("character varying(255)", sql("String", "VarChar(255)", warnings));
        assertEquals("character(3)", sql("String", "Char(3)", warnings));
        assertEquals("numeric(10,2)", sql("Decimal", "Decimal(10, 2)", warnings));
        assertEquals("timestamp(6)", sql("DateTime", "Timestamp(6)", warnings));
        assertEquals("date", sql("DateTime", "Date", warnings));
        assertEquals("text", sql("String", "Uuid", warnings));
        assertEquals(List.of("t.f: @db.Uuid is not carried; the column gets the type of Prisma's String"), warnings);
    }

    @Test
    void valuesOutsideTheEnumOrTheLengthAreRejectedWithAReason() throws Exception {
        ColumnType role = PrismaColumnTypes.type(SCHEMA, "t.f", field("Role", null, null), new ArrayList<>()).orElseThrow();
        assertEquals("seller", Converters.forType(role).convert("seller"));
        CellRejectedException e = assertThrows(CellRejectedException.class, () -> Converters.forType(role).convert("ADMIN"));
        assertEquals("not a value of enum user_role (BUYER, seller): 'ADMIN'", e.getMessage());
        ColumnType code = PrismaColumnTypes.type(SCHEMA, "t.f", field("String", "VarChar(2)", null), new ArrayList<>())
                .orElseThrow();
        assertEquals("ab", Converters.forType(code).convert("ab"));
        assertEquals("longer than character varying(2) keeps: 3 characters",
                assertThrows(CellRejectedException.class, () -> Converters.forType(code).convert("abc")).getMessage());
    }

    @Test
    void defaultsFollowPrisma() {
        assertEquals("CURRENT_TIMESTAMP", PrismaColumnTypes.defaultSql(field("DateTime", null, "now()"), null));
        assertNull(PrismaColumnTypes.defaultSql(field("String", null, "cuid()"), "'x'"));
        assertNull(PrismaColumnTypes.defaultSql(field("String", null, "uuid(4)"), null));
        assertEquals("gen_random_uuid()", PrismaColumnTypes.defaultSql(field("String", null,
                "dbgenerated(\"gen_random_uuid()\")"), null));
        assertEquals("'BUYER'", PrismaColumnTypes.defaultSql(field("Role", null, "BUYER"), "'BUYER'"));
    }
}
