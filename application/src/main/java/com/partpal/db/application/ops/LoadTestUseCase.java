package com.partpal.db.application.ops;

import com.partpal.db.application.port.ops.LoadTarget;
import com.partpal.db.application.port.ops.LoadTarget.Operation;
import com.partpal.db.application.port.ops.LoadTargets;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.domain.ops.Latencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * `loadtest`: N clients run a PartPal-like mix for a while, as fast as the pool lets them; throughput and latency
 * percentiles per operation. Errors are counted, and the first is kept (masked) so the report can say what failed.
 */
public final class LoadTestUseCase {
    private final LoadTargets targets;

    public LoadTestUseCase(LoadTargets targets) {
        this.targets = targets;
    }

    /** {@code writePercent}: share of operations that write (adds and stock updates). */
    public record Request(String location, int clients, int connections, Duration duration, int rows, int writePercent,
                          long seed) {
    }

    public record Report(int clients, int connections, double seconds, long operations, double perSecond, long errors,
                         String firstError, List<Latencies> latencies) {
    }

    public Report run(Request request, Consumer<String> progress) {
        if (request.clients() < 1 || request.connections() < 1 || request.rows() < 1 || request.duration().isNegative()
                || request.writePercent() < 0 || request.writePercent() > 100) {
            throw new BadInputException("loadtest needs at least 1 client, connection and row, a duration, and"
                    + " --write-percent from 0 to 100");
        }
        try (LoadTarget target = targets.open(request.location(), request.connections())) {
            progress.accept("creating " + target.createdObjects() + " with " + request.rows() + " parts");
            target.prepare(request.rows());
            try {
                progress.accept("running " + request.clients() + " clients for " + request.duration().toSeconds() + " s");
                return measure(target, request);
            } finally {
                progress.accept("dropping " + target.createdObjects());
                target.cleanUp();
            }
        }
    }

    private static Report measure(LoadTarget target, Request request) {
        ExecutorService pool = Executors.newFixedThreadPool(request.clients());
        List<Future<ClientResult>> futures = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + request.duration().toNanos();
        for (int i = 0; i < request.clients(); i++) {
            SplittableRandom random = new SplittableRandom(request.seed() + i);
            futures.add(pool.submit(() -> client(target, request, random, end)));
        }
        Map<Operation, List<long[]>> samples = new EnumMap<>(Operation.class);
        long errors = 0;
        String firstError = null;
        try {
            for (Future<ClientResult> future : futures) {
                ClientResult result = future.get();
                result.samples().forEach((op, nanos) -> samples.computeIfAbsent(op, k -> new ArrayList<>()).add(nanos));
                errors += result.errors();
                firstError = firstError == null ? result.firstError() : firstError;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loadtest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a loadtest client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Latencies> latencies = new ArrayList<>();
        List<long[]> everything = new ArrayList<>();
        samples.forEach((op, parts) -> {
            long[] all = concat(parts);
            everything.add(all);
            latencies.add(Latencies.of(op.name().toLowerCase(), all));
        });
        long[] all = concat(everything);
        latencies.add(Latencies.of("all", all));
        return new Report(request.clients(), request.connections(), seconds, all.length, all.length / seconds, errors,
                firstError == null ? null : Secrets.mask(firstError), latencies);
    }

    private record ClientResult(Map<Operation, long[]> samples, long errors, String firstError) {
    }

    private static ClientResult client(LoadTarget target, Request request, SplittableRandom random, long end) {
        Map<Operation, LongList> samples = new EnumMap<>(Operation.class);
        long errors = 0;
        String firstError = null;
        while (System.nanoTime() < end) {
            Operation op = pick(random, request.writePercent());
            long key = random.nextLong(request.rows()) + 1;
            long began = System.nanoTime();
            try {
                target.run(op, key);
                samples.computeIfAbsent(op, k -> new LongList()).add(System.nanoTime() - began);
            } catch (RuntimeException e) {
                errors++;
                firstError = firstError == null ? String.valueOf(e.getMessage()).lines().findFirst().orElse("") : firstError;
            }
        }
        Map<Operation, long[]> out = new EnumMap<>(Operation.class);
        samples.forEach((op, list) -> out.put(op, list.toArray()));
        return new ClientResult(out, errors, firstError);
    }

    /** Reads: 50% one part, 35% a search, 15% category counts; writes: 40% new parts, 60% stock changes. */
    static Operation pick(SplittableRandom random, int writePercent) {
        int roll = random.nextInt(100);
        int sub = random.nextInt(100);
        if (roll < writePercent) {
            return sub < 40 ? Operation.ADD_PART : Operation.UPDATE_STOCK;
        }
        return sub < 50 ? Operation.READ_PART : sub < 85 ? Operation.SEARCH_PARTS : Operation.CATEGORY_COUNTS;
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
