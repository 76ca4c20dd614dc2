package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanNote;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.SkippedObject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source objects PostgreSQL may or may not take as SQLite wrote them (views, CHECK constraints): once the data and
 * keys are in, each is tried in its own transaction, with the target schema first on the search path, and kept
 * if PostgreSQL runs it; a view that fails is tried again after the others (it may use one of them). What each
 * came to is a note for the report; none of them ever fails the run.
 */
final class TriedObjects {
    private final DataSource pool;
    private final PostgresDdl ddl;

    TriedObjects(DataSource pool, PostgresDdl ddl) {
        this.pool = pool;
        this.ddl = ddl;
    }

    List<PlanNote> create(MigrationPlan plan) {
        List<PlanNote> notes = new ArrayList<>();
        Map<SkippedObject, String> errors = new LinkedHashMap<>();
        List<SkippedObject> pending = plan.skipped().stream().filter(SkippedObject::tried)
                .filter(s -> !s.kind().equals("generated column")).toList(); // GeneratedColumns' own
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            List<SkippedObject> failed = new ArrayList<>();
            for (SkippedObject object : pending) {
                Optional<String> statement = statement(plan, object);
                if (statement.isEmpty()) {
                    notes.add(new PlanNote(object.kind(), shown(object), "not created", "its table is not migrated"));
                    continue;
                }
                String error = run(statement.get());
                if (error == null) {
                    notes.add(new PlanNote(object.kind(), shown(object), "created on PostgreSQL", null));
                    progress = true;
                } else if (object.kind().equals("view")) {
                    errors.put(object, error);
                    failed.add(object);
                } else {
                    notes.add(new PlanNote(object.kind(), shown(object), "not created", "PostgreSQL: " + error));
                }
            }
            pending = failed;
        }
        pending.forEach(view -> notes.add(new PlanNote("view", view.name(), "not created",
                "PostgreSQL: " + errors.get(view))));
        return notes;
    }

    private static String shown(SkippedObject object) {
        return object.kind().equals("check") ? object.name() + " " + object.targetSql() : object.name();
    }

    private Optional<String> statement(MigrationPlan plan, SkippedObject object) {
        if (object.kind().equals("view")) {
            return Optional.of("CREATE VIEW " + Sql.qualified(ddl.schema(), object.name()) + " AS " + object.targetSql());
        }
        return plan.tables().stream().filter(t -> t.source().name().equals(object.name())).findFirst()
                .map((TargetTable table) -> "ALTER TABLE " + ddl.table(table) + " ADD " + object.targetSql());
    }

    /** Runs the statement in its own transaction; null when it ran, else PostgreSQL's first line. */
    private String run(String sql) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + Sql.identifier(ddl.schema()) + ", public");
                statement.execute(sql);
                connection.commit();
                return null;
            } catch (SQLException e) {
                connection.rollback();
                return firstLine(e);
            }
        } catch (SQLException e) {
            return firstLine(e);
        }
    }

    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }
}
