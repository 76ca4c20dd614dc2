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
            // three clients, so that neither the streams nor the polling queue behind the health requests
            HttpClient http = client(clientThreads);
            HttpClient sse = client(clientThreads);
            HttpClient probe = client(clientThreads);
            try {
                String base = server.getURL().toString();
                send(http, base, "GET", "/api/health", null); // warm up
                System.gc();
                Thread.sleep(500);
                int threadsBefore = threads();
                long fdsBefore = fileDescriptors();

                String id = field(send(http, base, "POST", "/api/migrations", "{\"from\": \"" + db + "\", \"to\": \""
                        + postgres.url().connectionString() + "\"}").body(), "id");
                long start = System.nanoTime();
                Streams streams = new Streams(sse, base, id, clients, streamReaders);
                HealthLoad load = new HealthLoad(probe, base, rate);
                String state;
                do {
                    Thread.sleep(500);
                    state = field(send(http, base, "GET", "/api/jobs/" + id, null).body(), "state");
                } while (state.equals("queued") || state.equals("running"));
                double seconds = (System.nanoTime() - start) / 1e9;
                load.stop();
                streams.await(30);
                String job = send(http, base, "GET", "/api/jobs/" + id, null).body();
                streamReaders.shutdownNow();

                System.gc();
                Thread.sleep(2000);
                int threadsAfter = threads();
                long fdsAfter = fileDescriptors();
                out.printf("migration %s in %.1f s (%s rows in the largest tables)%s%n", state, seconds,
                        Figures.count(rows), state.equals("succeeded") ? "" : ": " + job);
                out.printf("SSE: %d clients, %d got the final event, %d events in all, %d stream errors%n", clients,
                        streams.finished.get(), streams.events.get(), streams.errors.get());
                out.printf("health: %d answered in %.1f s (%.0f/s; asked: %d/s), %d errors%s%n", load.latencies.size(),
                        seconds, load.latencies.size() / seconds, rate, load.errors.get(),
                        load.firstError.get() == null ? "" : " (first: " + load.firstError.get() + ")");
                List<Long> micros = new ArrayList<>(load.latencies);
                Collections.sort(micros);
                if (!micros.isEmpty()) {
                    out.printf("health latency: p50 %.1f ms, p99 %.1f ms (goal < 50 ms), max %.1f ms%n",
                            percentile(micros, 50), percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0);
                }
                out.printf("server threads: %d before the load, %d after; file descriptors of the process: %d before, %d"
                        + " after%n", threadsBefore, threadsAfter, fdsBefore, fdsAfter);
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
     * GET /api/health at a fixed rate from a fixed number of callers (so at most that many connections), each request
     * timed from the moment it was due: a slow answer delays the next ones and their wait counts too.
     */
    private static final class HealthLoad {
        private static final int CALLERS = 25;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS, named("bench-health"));
        private volatile boolean running = true;

        HealthLoad(HttpClient http, String base, int rate) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/api/health")).GET()
                    .timeout(java.time.Duration.ofSeconds(10)).build();
            long periodNanos = TimeUnit.SECONDS.toNanos(1) * CALLERS / rate;
            long start = System.nanoTime();
            for (int i = 0; i < CALLERS; i++) {
                long first = start + periodNanos * i / CALLERS;
                callers.execute(() -> {
                    for (long due = first; running; due += periodNanos) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        try {
                            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 200) {
                                latencies.add((System.nanoTime() - due) / 1000);
                            } else {
                                fail("status " + answer.statusCode());
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            fail(e.toString());
                        }
                    }
                });
            }
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
