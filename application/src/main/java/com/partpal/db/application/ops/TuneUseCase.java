package com.partpal.db.application.ops;

import com.partpal.db.application.port.ops.ServerFacts;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.ops.PoolPlan;
import com.partpal.db.domain.ops.ServerLimits;
import com.partpal.db.domain.ops.Tuning;

import java.util.List;
import java.util.Map;

/** `tune`: recommended settings from the machine and the pool plan, next to the server's current values. */
public final class TuneUseCase {
    /** PostgreSQL's defaults, for a plan without a server to read. */
    static final int DEFAULT_MAX_CONNECTIONS = 100;
    static final int DEFAULT_SUPERUSER_RESERVED = 3;

    private final ServerFacts facts;

    public TuneUseCase(ServerFacts facts) {
        this.facts = facts;
    }

    /** {@code location} may be null when memory and cores are given; storage null means SSD (assumed, and said). */
    public record Request(String location, Long memoryBytes, Integer cores, Tuning.Storage storage, int appInstances) {
    }

    public record Row(String name, String current, String recommended, String reason, boolean restart) {
    }

    public record Report(String server, String memory, String memorySource, int cores, String coresSource,
                         String storage, List<Row> settings) {
    }

    public Report tune(Request request) {
        boolean hasServer = request.location() != null && !request.location().isBlank();
        if (!hasServer && (request.memoryBytes() == null || request.cores() == null)) {
            throw new BadInputException("give --db URL, or --memory and --cores for a server not yet running");
        }
        ServerLimits limits = hasServer ? facts.limits(request.location(), request.cores())
                : new ServerLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_SUPERUSER_RESERVED, 0, request.cores(), "--cores");
        long memory;
        String memorySource;
        if (request.memoryBytes() != null) {
            memory = request.memoryBytes();
            memorySource = "--memory";
        } else {
            Map.Entry<Long, String> read = facts.memory(request.location()).orElseThrow(() -> new BadInputException(
                    "cannot tell the server's memory (PostgreSQL does not report it; reading /proc/meminfo needs"
                            + " superuser or pg_read_server_files): give --memory, e.g. --memory 8GB"));
            memory = read.getKey();
            memorySource = read.getValue();
        }
        Tuning.Storage storage = request.storage() == null ? Tuning.Storage.SSD : request.storage();
        String storageText = storage.name().toLowerCase() + (request.storage() == null ? " (assumed; --storage hdd for spinning disks)" : "");
        List<Tuning.Recommendation> recommended = Tuning.recommend(memory, storage,
                PoolPlan.of(limits, request.appInstances()));
        Map<String, String> current = hasServer
                ? facts.settings(request.location(), recommended.stream().map(Tuning.Recommendation::name).toList())
                : Map.of();
        List<Row> rows = recommended.stream().map(r -> new Row(r.name(), current.get(r.name()), r.value(), r.reason(),
                r.restart())).toList();
        return new Report(hasServer ? PostgresUrl.parse(request.location()).masked() : null, Tuning.size(memory),
                memorySource, limits.cores(), limits.coresSource(), storageText, rows);
    }

    /** The ALTER SYSTEM script for the recommendations. */
    public static String alterSystemScript(Report report) {
        return Tuning.alterSystemScript(report.settings().stream()
                .map(row -> new Tuning.Recommendation(row.name(), row.recommended(), row.reason(), row.restart())).toList());
    }
}
