package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.types.TargetType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Reads a PostgreSQL cell as the Java value of its column kind (see {@link TargetType}); json/jsonb as text. */
final class PostgresCells {
    private PostgresCells() {
    }

    static Object read(ResultSet rs, int column, TargetType kind) throws SQLException {
        Object value = switch (kind) {
            case INTEGER, BIGINT -> rs.getLong(column);
            case BOOLEAN -> rs.getBoolean(column);
            case TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case DATE -> rs.getObject(column, LocalDate.class);
            case DOUBLE -> rs.getDouble(column);
            case NUMERIC -> rs.getBigDecimal(column);
            case BYTEA -> rs.getBytes(column);
            case TEXT, JSONB -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }
}
