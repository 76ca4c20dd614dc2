package com.partpal.db.adapters.cli.bench;

import com.partpal.db.adapters.cli.progress.Figures;
import com.partpal.db.adapters.http.ApiServer;
import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.application.port.SampleDataWriter;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the HTTP API while it migrates: {@code --clients} server-sent event streams following the migration and
 * {@code --rate} GET /api/health a second, against a server, a throwaway PostgreSQL and a generated sample in this
 * process. Prints errors, health latency (p50, p99, max; goal p99 under 50 ms), and threads and file descriptors
 * before the load and after it (no growth expected). Not a test: figures to read.
 */
@Command(name = "bench-http", mixinStandardHelpOptions = true,
        description = {"Load-tests the HTTP API during a migration: SSE clients plus health requests a second.",
                "Prints errors, p50/p99/max health latency and threads and file descriptors before and after."})
public final class BenchHttpCommand implements Callable<Integer> {
    private static final String TOKEN = "bench-http-token-0123456789";
    private static final long WARM_UP_MILLIS = 3000;

    private final SampleDataWriter sampleWriter;

    @Inject
    BenchHttpCommand(SampleDataWriter sampleWriter) {
        this.sampleWriter = sampleWriter;
    }

    @Option(names = "--rows", defaultValue = "200000", description = "Rows in the largest tables (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--clients", defaultValue = "200", description = "Event-stream clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rate", defaultValue = "500", description = "Health requests a second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        System.setProperty("jdk.httpclient.keepalive.timeout", "2"); // idle client connections close soon after
        Path work = Files.createTempDirectory("partpal-bench-http");
        Path db = work.resolve("bench.db");
        out.printf("generating sample data (%s rows in the largest tables) ...%n", Figures.count(rows));
        sampleWriter.write(db, rows, false);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            EmbeddedServer server = ApiServer.start("127.0.0.1", 0, TOKEN,
                    Map.of("partpal.http.allowed.sources", work.toString()));
            ExecutorService clientThreads = Executors.newCachedThreadPool(named("bench-client"));
            ExecutorService streamReaders = Executors.newFixedThreadPool(clients, named("bench-sse"));
            // two clients, so that the polling does not queue behind the streams; health has sockets of its own
            HttpClient http = client(clientThreads);
            HttpClient sse = client(clientThreads);
            try {
                String base = server.getURL().toString();
                send(http, base, "GET", "/api/health", null); // warm up
                // no System.gc() here: a full collection shrinks the heap, and the migration's start then pays for
                // growing it again in many young collections
                Thread.sleep(500);
                int threadsBefore = threads();
                long fdsBefore = fileDescriptors();
                Map<String, Long> namesBefore = threadNames();

                // the health load and the meters run first, so that their own start is not counted to the migration
                HealthLoad load = new HealthLoad(base, rate);
                Thread.sleep(WARM_UP_MILLIS);
                long gcBefore = gcMillis();
                long start = System.nanoTime();
                StallMeter stalls = new StallMeter();
                EventLoopLag loopLag = new EventLoopLag(server.getApplicationContext().getBean(
                        io.micronaut.http.netty.channel.EventLoopGroupRegistry.class).getDefaultEventLoopGroup());
                String id = field(send(http, base, "POST", "/api/migrations", "{\"from\": \"" + db + "\", \"to\": \""
                        + postgres.url().connectionString() + "\"}").body(), "id");
                Streams streams = new Streams(sse, base, id, clients, streamReaders);
                String state;
                do {
                    Thread.sleep(500);
                    state = field(send(http, base, "GET", "/api/jobs/" + id, null).body(), "state");
                } while (state.equals("queued") || state.equals("running"));
                long end = System.nanoTime();
                double seconds = (end - start) / 1e9;
                long gcDuring = gcMillis() - gcBefore;
                stalls.close();
                loopLag.close();
                load.stop();
                streams.await(30);
                String job = send(http, base, "GET", "/api/jobs/" + id, null).body();
                streamReaders.shutdownNow();

                System.gc();
                Thread.sleep(2000);
                int threadsAfter = threads();
                long fdsAfter = fileDescriptors();
                Map<String, Long> namesAfter = threadNames();
                out.printf("migration %s in %.1f s (%s rows in the largest tables)%s%n", state, seconds,
                        Figures.count(rows), state.equals("succeeded") ? "" : ": " + job);
                out.printf("SSE: %d clients, %d got the final event, %d events in all, %d stream errors%n", clients,
                        streams.finished.get(), streams.events.get(), streams.errors.get());
                List<Long> before = load.latencies(Long.MIN_VALUE, start);
                List<Long> during = load.latencies(start, end);
                out.printf("health: %d answered during the migration (%.0f/s; asked: %d/s), %d errors%s%n",
                        during.size(), during.size() / seconds, rate, load.errors.get(),
                        load.firstError.get() == null ? "" : " (first: " + load.firstError.get() + ")");
                out.printf("health latency before the migration (%d s): %s%n", WARM_UP_MILLIS / 1000, spread(before));
                out.printf("health latency during the migration: %s (goal: p99 < 50 ms)%n", spread(during));
                out.printf("  from when each was sent (the round trip alone): %s%n", spread(load.roundTrips(start, end)));
                out.printf("  in its first 5 s: %s; after them: %s%n",
                        spread(load.latencies(start, start + TimeUnit.SECONDS.toNanos(5))),
                        spread(load.latencies(start + TimeUnit.SECONDS.toNanos(5), end)));
                out.printf("server threads: %d before the load, %d after; file descriptors of the process: %d before, %d"
                        + " after%n", threadsBefore, threadsAfter, fdsBefore, fdsAfter);
                out.printf("threads after the load that were not there before: %s%n", grown(namesBefore, namesAfter));
                out.printf("garbage collection during the migration: %d ms%n", gcDuring);
                out.printf("stalls of the process (a thread asking to sleep 1 ms, how much later it woke): %s%n",
                        spread(stalls.sortedMicros()));
                out.printf("server event loops (a task handed to each every 5 ms, how long it waited): %s%n",
                        spread(loopLag.sortedMicros()));
                io.micrometer.core.instrument.Timer served = server.getApplicationContext()
                        .getBean(io.micrometer.core.instrument.MeterRegistry.class).find("http.server.requests")
                        .tag("uri", "/api/health").timer();
                if (served != null) {
                    out.printf("health as the server timed it (filters to response): mean %.2f ms, max %.1f ms%n",
                            served.mean(TimeUnit.MILLISECONDS), served.max(TimeUnit.MILLISECONDS));
                }
                return state.equals("succeeded") && load.errors.get() == 0 && streams.errors.get() == 0 ? 0 : 1;
            } finally {
                clientThreads.shutdownNow();
                streamReaders.shutdownNow();
                server.getApplicationContext().close();
            }
        }
    }

    private static HttpClient client(ExecutorService threads) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** p50, p99 and max of sorted microseconds, in milliseconds. */
    private static String spread(List<Long> sortedMicros) {
        if (sortedMicros.isEmpty()) {
            return "none";
        }
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sortedMicros, 50),
                percentile(sortedMicros, 99), sortedMicros.get(sortedMicros.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sortedMicros, int p) {
        int index = (int) Math.min(sortedMicros.size() - 1, Math.ceil(sortedMicros.size() * p / 100.0) - 1);
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body)
            throws Exception {
        return http.send(request(base, path).header("Content-Type", "application/json").method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .timeout(java.time.Duration.ofSeconds(30));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Live threads but the bench's own clients' (the JDK HttpClient's and its executors'). */
    private static int threads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> !n.startsWith("bench-") && !n.startsWith("HttpClient")).count();
    }

    /** Live threads but the bench's own, counted by name with any trailing number left out. */
    private static Map<String, Long> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> !n.startsWith("bench-") && !n.startsWith("HttpClient"))
                .collect(java.util.stream.Collectors.groupingBy(n -> n.replaceAll("[-#]?\\d+$", ""),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static String grown(Map<String, Long> before, Map<String, Long> after) {
        List<String> grown = new ArrayList<>();
        after.forEach((name, n) -> {
            long more = n - before.getOrDefault(name, 0L);
            if (more > 0) {
                grown.add(name + " +" + more);
            }
        });
        return grown.isEmpty() ? "none" : String.join(", ", grown);
    }

    /** Milliseconds the JVM's collectors have spent so far. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** Open file descriptors of this process (Linux /proc); -1 elsewhere. */
    private static long fileDescriptors() {
        File[] fds = new File("/proc/self/fd").listFiles();
        return fds == null ? -1 : fds.length;
    }

    /** The event-stream clients: each reads its stream to the end and counts its events. */
    private static final class Streams {
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong events = new AtomicLong();
        final List<CompletableFuture<Void>> all = new ArrayList<>();

        Streams(HttpClient http, String base, String id, int clients, ExecutorService readers) {
            HttpRequest events = HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/events"))
                    .header("Authorization", "Bearer " + TOKEN).GET().build();
            for (int i = 0; i < clients; i++) {
                all.add(http.sendAsync(events, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> {
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                        return;
                    }
                    response.body().filter(line -> line.startsWith("event:")).forEach(line -> {
                        this.events.incrementAndGet();
                        if (line.contains("finished")) {
                            finished.incrementAndGet();
                        }
                    });
                }, readers).exceptionally(e -> {
                    errors.incrementAndGet();
                    return null;
                }));
            }
        }

        void await(int seconds) {
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }

    /**
     * GET /api/health at a fixed rate from a fixed number of callers, each on a keep-alive connection of its own, each
     * request timed from the moment it was due: a slow answer delays that caller's next ones and their wait counts too.
     * There are enough callers (each asks 5 times a second at 500/s) that a pause of the process of a few hundred
     * ms delays only the requests that fell into it; with 25 (the first version), each caller had to catch up 20
     * requests a second, and a pause under CPU contention left seconds of backlog that was counted to the server.
     */
    private static final class HealthLoad {
        private static final int CALLERS = 100;
        /**
         * When a request was due (nanoTime), how long after that its answer came and how long after it was sent
         * (microseconds).
         */
        private final List<long[]> answered = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS, named("bench-health"));
        private volatile boolean running = true;

        HealthLoad(String base, int rate) {
            URI health = URI.create(base + "/api/health");
            long periodNanos = TimeUnit.SECONDS.toNanos(1) * CALLERS / rate;
            long start = System.nanoTime();
            for (int i = 0; i < CALLERS; i++) {
                long first = start + periodNanos * i / CALLERS;
                callers.execute(() -> {
                    try (KeepAliveGet get = new KeepAliveGet(health, 10_000)) {
                        for (long due = first; running; due += periodNanos) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            try {
                                long sent = System.nanoTime();
                                int status = get.send();
                                long got = System.nanoTime();
                                if (status == 200) {
                                    answered.add(new long[] {due, (got - due) / 1000, (got - sent) / 1000});
                                } else {
                                    fail("status " + status);
                                }
                            } catch (Exception e) {
                                fail(e.toString());
                            }
                        }
                    }
                });
            }
        }

        /** The latencies (from when due) of the requests due from {@code from} to before {@code to} (nanoTime), sorted. */
        List<Long> latencies(long from, long to) {
            return sorted(from, to, 1);
        }

        /** The round trips (from when sent) of the requests due from {@code from} to before {@code to}, sorted. */
        List<Long> roundTrips(long from, long to) {
            return sorted(from, to, 2);
        }

        private List<Long> sorted(long from, long to, int field) {
            List<Long> micros;
            synchronized (answered) {
                micros = new ArrayList<>(answered.stream().filter(a -> a[0] >= from && a[0] < to).map(a -> a[field])
                        .toList());
            }
            Collections.sort(micros);
            return micros;
        }

        private void fail(String why) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, why);
        }

        void stop() throws InterruptedException {
            running = false;
            callers.shutdown();
            callers.awaitTermination(15, TimeUnit.SECONDS);
        }
    }
}
