package com.partpal.db.application.ops;

import com.partpal.db.application.port.ops.ServerFacts;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.ops.PgBouncerConfig;
import com.partpal.db.domain.ops.PoolPlan;

import java.util.LinkedHashMap;
import java.util.Map;

/** `pooling`: a pool plan from the server's limits, the Prisma URLs that follow from it, and PgBouncer's files. */
public final class PoolingUseCase {
    private final ServerFacts facts;

    public PoolingUseCase(ServerFacts facts) {
        this.facts = facts;
    }

    /**
     * @param location     the server as the app reaches it directly
     * @param cores        the server's cores, or null to let the adapter find them
     * @param listenHost   where the app reaches PgBouncer (host of the pooled URL)
     * @param listenPort   PgBouncer's port
     */
    public record Request(String location, int appInstances, Integer cores, String listenHost, int listenPort) {
    }

    /** The plan and both URLs, masked (safe to print). */
    public record Report(PoolPlan plan, String pooledUrl, String directUrl) {
    }

    /** What `--write` puts in a directory. {@code secretSource} says where userlist.txt's secret came from. */
    public record Files(Map<String, String> contents, String secretSource) {
    }

    public Report plan(Request request) {
        PostgresUrl direct = PostgresUrl.parse(request.location());
        PoolPlan plan = PoolPlan.of(facts.limits(request.location(), request.cores()), request.appInstances());
        // the server's TLS settings belong to PgBouncer's leg (server_tls_* in the ini): the generated PgBouncer
        // takes clients without TLS, so the app's URL to it carries none
        Map<String, String> withoutTls = new LinkedHashMap<>(direct.otherParams());
        withoutTls.keySet().removeIf(key -> key.startsWith("ssl"));
        PostgresUrl pooled = new PostgresUrl(request.listenHost(), request.listenPort(), direct.database(), direct.user(),
                direct.password(), direct.schema(), plan.clientLimit(), plan.poolTimeoutSeconds(),
                direct.connectTimeoutSeconds(), null, true, withoutTls);
        PostgresUrl directForMigrations = new PostgresUrl(direct.host(), direct.port(), direct.database(), direct.user(),
                direct.password(), direct.schema(), null, null, direct.connectTimeoutSeconds(), direct.sslmode(), false,
                direct.otherParams());
        return new Report(plan, pooled.masked(), directForMigrations.masked());
    }

    /**
     * pgbouncer.ini and userlist.txt for {@code role}. The secret is the server's own (pg_authid) when the
     * connecting role may read it, else computed with a new salt from {@code password} (which the caller takes
     * from the environment); then the server must be given the same secret, which {@link Files#secretSource} says.
     */
    public Files files(Request request, Report report, String role, String password, String authFile) {
        PostgresUrl direct = PostgresUrl.parse(request.location());
        String secret = facts.storedScramSecret(request.location(), role).orElse(null);
        String source;
        if (secret != null) {
            source = "the server's own SCRAM secret of role " + role + " (pg_authid)";
        } else if (password != null && !password.isEmpty()) {
            secret = facts.newScramSecret(password);
            source = "a SCRAM secret computed from the password with a new salt: PgBouncer can log in to the server"
                    + " with it only once the server stores the same secret (as a superuser: ALTER ROLE " + role
                    + " PASSWORD '<the secret in userlist.txt>'), or give a URL of a role that may read pg_authid";
        } else {
            throw new BadInputException("cannot write userlist.txt: role " + role + "'s SCRAM secret is not readable"
                    + " (needs a superuser URL) and no password was given (set PGBOUNCER_PASSWORD)");
        }
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("pgbouncer.ini", PgBouncerConfig.ini(report.plan(), direct, role, request.listenHost(),
                request.listenPort(), authFile));
        contents.put("userlist.txt", PgBouncerConfig.userlist(role, secret));
        return new Files(contents, source);
    }
}
