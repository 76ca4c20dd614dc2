package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.DuplicateKey;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.RemovedRows;
import com.partpal.db.application.port.RunState;
import com.partpal.db.application.port.Orphan;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.plan.Collations;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanNote;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A PostgreSQL schema to migrate into (the URL's {@code schema}, created if missing). Tables are created bare and
 * loaded with COPY; keys, orphan removal, indexes, foreign keys and sequences follow (see {@link TargetDatabase}).
 * Tables with keys or foreign keys carry a {@value PostgresDdl#ROWID} column during the load, so that removed
 * duplicates and orphans can be named by their source rowid; finish drops it.
 */
public final class PostgresTargetDatabase implements TargetDatabase {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CLEANUP_LOCK_TIMEOUT = "30s";
    private final PostgresUrl url;
    private final HikariDataSource pool;
    private final PostgresDdl ddl;
    private final ParallelSql parallel;
    /** What createTables made, so that removeCreated takes exactly that away again. */
    private final CreatedByRun created;
    private final RunStateStore state;
    private final GeneratedColumns generated;
    private final PartialIndexes partial;
    /** Whether a run's bookkeeping is kept (startRun): loads then commit checkpoints, and removals are recorded. */
    private volatile boolean runStarted;

    public PostgresTargetDatabase(PostgresUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
        this.ddl = new PostgresDdl(url.schema());
        this.created = new CreatedByRun(ddl);
        this.parallel = new ParallelSql(pool, url.password());
        this.state = new RunStateStore(url.schema());
        this.generated = new GeneratedColumns(ddl);
        this.partial = new PartialIndexes(pool, ddl, url.password());
    }

    /** Connects (BadInputException with one masked line when that fails). */
    public static PostgresTargetDatabase open(PostgresUrl url) {
        return new PostgresTargetDatabase(url, PostgresPools.open(url));
    }

    @Override
    public String describe() {
        return url.masked();
    }

    public PostgresUrl url() {
        return url;
    }

    @Override
    public String renderDdl(MigrationPlan plan) {
        ddl.checkNames(plan);
        return ddl.script(plan);
    }

    @Override
    public List<String> existingTables(Collection<String> tables) {
        return withConnection("reading tables", connection -> existingTables(connection, tables));
    }

    @Override
    public List<String> replacedByDrop(MigrationPlan plan) {
        List<String> replaced = new ArrayList<>(existingTables(plan.tables().stream().map(TargetTable::name).toList())
                .stream().map(table -> "table " + Sql.identifier(table)).toList());
        replaced.addAll(withConnection("reading enum types",
                connection -> ExistingEnums.described(ExistingEnums.differing(connection, url.schema(), plan))));
        return replaced;
    }

    @Override
    public void createTables(MigrationPlan plan, OnExisting onExisting) {
        ddl.checkNames(plan);
        List<String> names = plan.tables().stream().map(TargetTable::name).toList();
        withConnection("creating tables", connection -> {
            boolean schemaExisted = schemaExists(connection);
            List<String> existing = existingTables(connection, names);
            Set<String> keep = new LinkedHashSet<>();
            List<String> statements = new ArrayList<>();
            switch (onExisting) {
                case FAIL -> {
                    List<String> nonEmpty = nonEmpty(connection, existing);
                    if (!nonEmpty.isEmpty()) {
                        throw new BadInputException("target tables are not empty: " + nonEmpty.stream()
                                .map(Sql::identifier).collect(Collectors.joining(", "))
                                + " in " + url.masked() + " (use --on-existing truncate or drop)");
                    }
                    existing.forEach(table -> statements.add("DROP TABLE " + Sql.qualified(url.schema(), table) + " CASCADE"));
                }
                case DROP -> existing.forEach(table ->
                        statements.add("DROP TABLE " + Sql.qualified(url.schema(), table) + " CASCADE"));
                case TRUNCATE -> {
                    keep.addAll(existing);
                    statements.addAll(dropForeignKeys(connection, existing));
                    if (!existing.isEmpty()) {
                        statements.add("TRUNCATE TABLE " + existing.stream().map(t -> Sql.qualified(url.schema(), t))
                                .collect(Collectors.joining(", ")));
                    }
                }
            }
            statements.add(0, ddl.createSchema());
            List<String> collations = ddl.createCollations(plan);
            boolean createdCollation = !collations.isEmpty() && !collationExists(connection, Collations.NOCASE);
            statements.addAll(1, collations);
            Map<String, String> enums = ddl.createEnums(plan);
            Map<String, List<String>> differing = ExistingEnums.differing(connection, url.schema(), plan);
            if (!differing.isEmpty() && onExisting != OnExisting.DROP) {
                throw new BadInputException(ExistingEnums.refusal(differing, plan, url.masked()));
            }
            List<String> newEnums = new ArrayList<>();
            for (String type : enums.keySet()) {
                if (!differing.containsKey(type) && !typeExists(connection, type)) {
                    newEnums.add(type);
                }
            }
            statements.addAll(1 + collations.size(), newEnums.stream().map(enums::get).toList());
            for (String type : differing.keySet()) { // after the tables using it are dropped
                statements.add("DROP TYPE " + Sql.qualified(url.schema(), type));
                statements.add(enums.get(type));
                newEnums.add(type);
            }
            for (TargetTable table : plan.tables()) {
                if (keep.contains(table.name())) {
                    if (PostgresDdl.carriesRowid(table)) {
                        statements.add("ALTER TABLE " + ddl.table(table) + " ADD COLUMN IF NOT EXISTS "
                                + Sql.identifier(PostgresDdl.ROWID) + " bigint");
                    }
                    statements.addAll(generated.addHelpers(connection, table));
                }
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    execute(statement, sql);
                }
                for (TargetTable table : plan.tables()) {
                    if (!keep.contains(table.name())) {
                        // generated columns are tried in savepoints of this transaction, after schema and collations
                        for (String sql : generated.createTable(connection, plan, table, PostgresDdl.carriesRowid(table))) {
                            execute(statement, sql);
                        }
                    }
                }
            }
            connection.commit();
            created.recordTypes(newEnums);
            created.record(!schemaExisted, createdCollation,
                    plan.tables().stream().map(TargetTable::name).filter(name -> !keep.contains(name)).toList());
            return null;
        });
    }

    /**
     * Undoes this run ({@link CreatedByRun}) in one transaction that waits at most {@value #CLEANUP_LOCK_TIMEOUT}
     * for a lock (a stuck session is reported, not waited on forever).
     */
    @Override
    public String removeCreated(MigrationPlan plan) {
        return withConnection("removing what this run created", connection -> {
            connection.setAutoCommit(false);
            CreatedByRun.Undo undo = created.undo(plan,
                    existingTables(connection, plan.tables().stream().map(TargetTable::name).toList()));
            try (Statement statement = connection.createStatement()) {
                execute(statement, "SET LOCAL lock_timeout = '" + CLEANUP_LOCK_TIMEOUT + "'");
                for (String sql : undo.statements()) {
                    execute(statement, sql);
                }
            }
            connection.commit();
            return undo.summary();
        });
    }

    private boolean typeExists(Connection connection, String name) throws SQLException {
        return existsInSchema(connection, "SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = ? AND t.typname = ?", name);
    }

    private boolean collationExists(Connection connection, String name) throws SQLException {
        return existsInSchema(connection, "SELECT 1 FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace"
                + " WHERE n.nspname = ? AND c.collname = ?", name);
    }

    /** Whether the query (parameters: the target schema, the name) finds a row. */
    private boolean existsInSchema(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, url.schema());
            statement.setString(2, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, url.schema());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Existing foreign keys on tables kept by TRUNCATE: the plan's are re-added after the load. */
    private List<String> dropForeignKeys(Connection connection, List<String> tables) throws SQLException {
        List<String> statements = new ArrayList<>();
        String sql = "SELECT cl.relname, co.conname FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid "
                + "JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE co.contype = 'f' AND n.nspname = ? "
                + "AND cl.relname = ANY (?) ORDER BY 1, 2";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, url.schema());
            statement.setArray(2, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    statements.add("ALTER TABLE " + Sql.qualified(url.schema(), rs.getString(1)) + " DROP CONSTRAINT "
                            + Sql.identifier(rs.getString(2)));
                }
            }
        }
        return statements;
    }

    private List<String> nonEmpty(Connection connection, List<String> tables) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM " + Sql.qualified(url.schema(), table) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        nonEmpty.add(table);
                    }
                }
            }
        }
        return nonEmpty;
    }

    private List<String> existingTables(Connection connection, Collection<String> tables) throws SQLException {
        String sql = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname = ANY (?)";
        Set<String> found = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, url.schema());
            Array names = connection.createArrayOf("text", tables.toArray());
            statement.setArray(2, names);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return tables.stream().filter(found::contains).toList();
    }

    @Override
    public TableLoader openLoader(TargetTable table) {
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            throw PostgresException.of("no connection to load " + table.name(), e, url.password());
        }
        boolean withRowid = PostgresDdl.carriesRowid(table);
        Set<String> stored;
        try {
            stored = generated.stored(connection, table.name());
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool replaces it
            }
            throw PostgresException.of("cannot start loading " + table.name(), e, url.password());
        }
        return new CopyLoader(connection, ddl.truncateForLoad(table), ddl.copy(table, withRowid, true, stored),
                ddl.copy(table, withRowid, false, stored), table, withRowid, url.password(), runStarted ? state : null);
    }

    @Override
    public Optional<RunState> runState() {
        return withConnection("reading the run state", state::read);
    }

    @Override
    public void startRun(RunState run) {
        withConnection("recording the run state", connection -> {
            connection.setAutoCommit(false);
            state.start(connection, run);
            connection.commit();
            return null;
        });
        runStarted = true;
    }

    @Override
    public void dropRunState() {
        withConnection("removing the run state", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(state.drop());
            }
            return null;
        });
        runStarted = false;
    }

    @Override
    public RemovedRows removedRows(MigrationPlan plan) {
        return runStarted ? withConnection("reading the rows removed", connection -> state.removed(connection, plan))
                : RemovedRows.NONE;
    }

    @Override
    public int maxConnections() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Builds the key indexes one after another (each build has PostgreSQL's parallel workers); when one fails as
     * not unique (values equal only after conversion), every key is deduplicated in declared order before it is
     * built, so the rows kept do not depend on which build failed first.
     */
    @Override
    public List<DuplicateKey> buildKeys(TargetTable table) {
        List<DuplicateKey> duplicates = new ArrayList<>();
        Set<String> refused = partial.refusedOn(table); // before the session: the trial takes a connection of its own
        parallel.forEach(List.of(table), 1, (t, session) -> {
            String deleteNullKeys = ddl.deleteNullKeys(table);
            if (deleteNullKeys != null) {
                Index primaryKey = new Index(table.primaryKeyName(), true, table.primaryKey(), null, true);
                duplicates.addAll(session.query(runStarted ? state.recordingDuplicates(deleteNullKeys, table, primaryKey)
                        : deleteNullKeys, rs -> DuplicateKey.nullKey(table.name(), rs.getLong(1), table.primaryKey())));
            }
            List<Index> keys = ddl.keys(table).stream().filter(key -> !refused.contains(key.name())).toList();
            List<String> creates = keys.stream().map(key -> ddl.createIndex(table, key)).toList();
            if (!creates.stream().allMatch(sql -> session.executeUnless(UNIQUE_VIOLATION, sql))) {
                for (int i = 0; i < keys.size(); i++) {
                    Index key = keys.get(i);
                    String delete = ddl.deleteDuplicates(table, key);
                    duplicates.addAll(session.query(runStarted ? state.recordingDuplicates(delete, table, key) : delete, rs -> new DuplicateKey(table.name(),
                            rs.getLong(1), key.columns(), rs.getString(3), rs.getLong(2))));
                    session.execute(creates.get(i));
                }
            }
            List<String> existing = existingConstraints(session);
            List<String> names = ddl.keyConstraintNames(table);
            List<String> constraints = ddl.keyConstraints(table);
            for (int i = 0; i < names.size(); i++) {
                if (!existing.contains(names.get(i))) {
                    session.execute(constraints.get(i));
                }
            }
        });
        return duplicates;
    }

    @Override
    public void analyze(TargetTable table) {
        parallel.run(List.of(List.of(ddl.analyze(table))), 1);
    }

    @Override
    public List<Orphan> removeOrphans(MigrationPlan plan, Collection<TargetTable> tables) {
        List<Orphan> orphans = new ArrayList<>();
        parallel.forEach(List.of(tables), 1, (group, session) -> {
            boolean deleted = true;
            while (deleted) {
                deleted = false;
                for (TargetTable table : group) {
                    for (ForeignKey fk : table.foreignKeys()) {
                        String delete = ddl.deleteOrphans(plan, table, fk);
                        List<Orphan> found = session.query(runStarted ? state.recordingOrphans(delete, table, fk) : delete,
                                rs -> new Orphan(table.name(), rs.getLong(1), fk));
                        orphans.addAll(found);
                        deleted |= !found.isEmpty();
                    }
                }
            }
        });
        return orphans;
    }

    @Override
    public void buildIndex(TargetTable table, Index index) {
        if (index.predicate() == null) {
            parallel.run(List.of(List.of(ddl.createIndex(table, index))), 1);
            return;
        }
        if (!partial.accepted(table, index)) {
            return;
        }
        try {
            parallel.run(List.of(List.of(ddl.createIndex(table, index))), 1);
        } catch (PostgresException e) { // refused by a loaded row (a cast in the WHERE clause): not built, reported
            partial.refuse(table, index, e.getMessage());
        }
    }

    @Override
    public void finish(MigrationPlan plan, int jobs) {
        Set<String> existing = existingConstraints();
        List<String> add = new ArrayList<>();
        List<List<String>> validate = new ArrayList<>();
        for (TargetTable table : plan.tables()) {
            List<ForeignKey> fresh = table.foreignKeys().stream().filter(fk -> !existing.contains(fk.name())).toList();
            fresh.forEach(fk -> add.add(ddl.addForeignKey(plan, table, fk)));
            validate.add(fresh.stream().map(fk -> ddl.validateForeignKey(table, fk)).toList());
        }
        parallel.run(List.of(add), 1);
        parallel.run(validate, jobs);
        parallel.run(List.of(plan.tables().stream().filter(t -> t.sequence() != null).map(ddl::setSequence).toList()), 1);
        for (TargetTable table : plan.tables()) {
            withConnection("comparing the generated columns of " + table.name(), connection -> {
                generated.settle(connection, table);
                return null;
            });
        }
        // last, in one transaction: until then a resumed run still finds the rowids its orphan checks report
        List<String> last = new ArrayList<>(plan.tables().stream().filter(PostgresDdl::carriesRowid).map(ddl::dropRowid).toList());
        if (runStarted) {
            last.add(state.drop());
        }
        withConnection("removing the load bookkeeping", connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : last) {
                    execute(statement, sql);
                }
            }
            connection.commit();
            return null;
        });
        runStarted = false;
        // each table was analyzed right after its keys were built; the few rows removed since do not change that
    }

    @Override
    public List<PlanNote> createTriedObjects(MigrationPlan plan) {
        List<PlanNote> notes = new ArrayList<>(generated.notes(plan));
        notes.addAll(new TriedObjects(pool, ddl).create(plan));
        notes.addAll(partial.notes());
        return notes;
    }

    private Set<String> existingConstraints() {
        Set<String> names = new LinkedHashSet<>();
        parallel.forEach(List.of(url.schema()), 1, (schema, session) -> names.addAll(existingConstraints(session)));
        return names;
    }

    private List<String> existingConstraints(ParallelSql.Session session) {
        return session.query("SELECT co.conname FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace "
                + "WHERE n.nspname = " + Sql.literal(url.schema()), rs -> rs.getString(1));
    }

    private void execute(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw PostgresException.of("failed: " + ParallelSql.abbreviate(sql), e, url.password());
        }
    }

    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String doing, ConnectionWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw PostgresException.of(doing + " in " + url.masked() + " failed", e, url.password());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
