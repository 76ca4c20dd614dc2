package com.partpal.db.adapters.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a command to completion, sampling the peak resident memory of it and its children from /proc. */
final class ChildProcess {
    record Result(int exitCode, double seconds, long peakRssKb, String output) {
    }

    private ChildProcess() {
    }

    static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("partpal-bench", ".log");
        builder.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, treeRssKb(process.toHandle()));
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        return new Result(process.exitValue(), seconds, peak, output);
    }

    private static long treeRssKb(ProcessHandle root) {
        long total = rssKb(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            total += rssKb(child.pid());
        }
        return total;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
