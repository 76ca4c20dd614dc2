package com.partpal.db.adapters.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** Starts the HTTP API on a new application context (the same bean wiring as the CLI's). */
public final class ApiServer {
    /**
     * The worker threads that run database, file and process work for requests ({@code @ExecuteOn(BLOCKING)}): a
     * fixed pool of 16 unless the configuration says otherwise. Micronaut's default is an unbounded cached pool, which
     * made a thread for each of 200 event streams opened at once (measured: 11 threads before bench-http's load, 48
     * after); its threads now stay at most 16, and are kept while idle.
     */
    static final Map<String, Object> WORKER_POOL = Map.of("micronaut.executors.io.type", "fixed",
            "micronaut.executors.io.n-threads", 16);

    private ApiServer() {
    }

    /** The running server; close its application context to stop it. Port 0 picks a free port. */
    public static EmbeddedServer start(String host, int port, String token) {
        return start(host, port, token, Map.of());
    }

    /** With more configuration {@code properties}: the job history's directory, schedules, partpal.databases.NAME.url... */
    public static EmbeddedServer start(String host, int port, String token, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(StrictJson.PROPERTIES);
        all.putAll(WORKER_POOL);
        all.putAll(properties);
        all.putAll(Map.of("micronaut.server.host", host, "micronaut.server.port", port == 0 ? -1 : port,
                ApiToken.PROPERTY, token));
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(all).start();
        try {
            return context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
