package com.partpal.db.adapters.cli;

import com.partpal.db.application.ops.PoolingUseCase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.ops.PoolPlan;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "pooling", mixinStandardHelpOptions = true,
        description = {"Plans connection pools from the server's max_connections, reserved connections and cores: Prisma's"
                + " connection_limit and pool_timeout per app instance, PgBouncer's pool sizes, with the arithmetic shown,"
                + " and the pooled and direct DATABASE_URL forms.",
                "--write DIR writes a ready pgbouncer.ini (transaction pooling) and userlist.txt (SCRAM secret only)."})
final class PoolingCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "PGBOUNCER_PASSWORD";

    private final PoolingUseCase useCase;

    @Inject
    PoolingCommand(PoolingUseCase useCase) {
        this.useCase = useCase;
    }

    @Option(names = "--db", paramLabel = "URL", description = "The server, as the app reaches it directly (default: $POSTGRES_URL or $DATABASE_URL).")
    String db;

    @Option(names = "--app-instances", paramLabel = "N", defaultValue = "1", description = "App processes, each with its own Prisma pool (default: 1).")
    int appInstances;

    @Option(names = "--cores", paramLabel = "N", description = "The server's CPU cores (default: read from the server when allowed, else this machine's for a loopback server).")
    Integer cores;

    @Option(names = "--listen", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "PgBouncer's listen address and the pooled URL's host (default: 127.0.0.1).")
    String listen;

    @Option(names = "--listen-port", paramLabel = "PORT", defaultValue = "6432", description = "PgBouncer's port (default: 6432).")
    int listenPort;

    @Option(names = "--role", paramLabel = "NAME", description = "The app's role in userlist.txt (default: the URL's user).")
    String role;

    @Option(names = "--write", paramLabel = "DIR", description = "Write pgbouncer.ini and userlist.txt here. The secret is the role's own from pg_authid when the URL's role may read it, else computed from $" + PASSWORD_VARIABLE + " (or the URL's password for its own user).")
    Path writeDir;

    @Option(names = "--auth-file", paramLabel = "PATH", description = "auth_file in pgbouncer.ini (default: userlist.txt's absolute path in DIR).")
    String authFile;

    @Override
    public Integer call() throws IOException {
        String location = Environment.requiredTarget(db);
        PoolingUseCase.Request request = new PoolingUseCase.Request(location, appInstances, cores, listen, listenPort);
        PoolingUseCase.Report report = useCase.plan(request);
        System.out.print(text(report));
        if (writeDir != null) {
            write(request, report, PostgresUrl.parse(location));
        }
        return 0;
    }

    static String text(PoolingUseCase.Report report) {
        PoolPlan plan = report.plan();
        StringBuilder out = new StringBuilder();
        out.append("server: max_connections ").append(plan.limits().maxConnections()).append(", reserved ")
                .append(plan.limits().reserved()).append(", cores ").append(plan.limits().cores())
                .append(" (").append(plan.limits().coresSource()).append(")\n");
        out.append("arithmetic:\n");
        plan.arithmetic().forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("per app instance (").append(plan.appInstances()).append("): connection_limit ")
                .append(plan.clientLimit()).append(" through PgBouncer (")
                .append(plan.directLimit()).append(" without), pool_timeout ").append(plan.poolTimeoutSeconds()).append('\n');
        out.append("PgBouncer: pool_mode transaction, default_pool_size ").append(plan.serverConnections())
                .append(", max_db_connections ").append(plan.serverConnections()).append(", max_client_conn ")
                .append(plan.maxClientConn()).append(", query_wait_timeout ").append(plan.poolTimeoutSeconds()).append('\n');
        if (plan.directTooSmall()) {
            out.append("note: without PgBouncer each instance gets fewer than 2 connections: use PgBouncer\n");
        }
        out.append("DATABASE_URL (app, through PgBouncer): ").append(report.pooledUrl()).append('\n');
        out.append("DIRECT_URL (Prisma directUrl: migrations; partpal-db migrate, backup, restore): ")
                .append(report.directUrl()).append('\n');
        return out.toString();
    }

    private void write(PoolingUseCase.Request request, PoolingUseCase.Report report, PostgresUrl url) throws IOException {
        String appRole = role != null ? role : url.user();
        if (appRole == null) {
            throw new BadInputException("no role for userlist.txt: give --role or a URL with a user");
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if ((password == null || password.isEmpty()) && appRole.equals(url.user())) {
            password = url.password();
        }
        Path dir = writeDir.toAbsolutePath();
        Files.createDirectories(dir);
        String auth = authFile != null ? authFile : dir.resolve("userlist.txt").toString();
        PoolingUseCase.Files files = useCase.files(request, report, appRole, password, auth);
        for (Map.Entry<String, String> file : files.contents().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, file.getValue());
            System.out.println("wrote " + path);
        }
        System.out.println("userlist.txt holds " + files.secretSource());
    }
}
