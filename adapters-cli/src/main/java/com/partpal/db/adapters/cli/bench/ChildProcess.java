package com.partpal.db.adapters.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a command to completion, sampling the peak resident memory of it and its children from /proc. */
final class ChildProcess {
    /** output as printed; timedOutput the same lines, each prefixed with the seconds since the start ("[  2.03] "). */
    record Result(int exitCode, double seconds, long peakRssKb, String output, String timedOutput) {
    }

    private ChildProcess() {
    }

    static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        StringBuilder timed = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    timed.append(String.format(Locale.ROOT, "[%6.2f] %s%n", (System.nanoTime() - start) / 1e9, line));
                }
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(")\n");
            }
        }, "partpal-bench-output");
        reader.start();
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, treeRssKb(process.toHandle()));
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        reader.join();
        return new Result(process.exitValue(), seconds, peak, output.toString(), timed.toString());
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
