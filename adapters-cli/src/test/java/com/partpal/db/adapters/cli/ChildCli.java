package com.partpal.db.adapters.cli;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The partpal-db command line in a JVM of its own (so that it can be killed), its output in a file. */
final class ChildCli {
    private final Process process;
    private final Path output;

    private ChildCli(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildCli start(Path output, String... args) throws IOException {
        return start(output, java.util.Map.of(), args);
    }

    /** With these variables added to (or, when empty, removed from) the environment. */
    static ChildCli start(Path output, java.util.Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), PartpalDb.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("PARTPAL_DB_LOG_LEVEL");
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return new ChildCli(builder.start(), output);
    }

    /** Runs to the end (at most 3 minutes) and returns the exit code. */
    static int run(Path output, String... args) throws IOException, InterruptedException {
        return start(output, args).waitFor();
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("partpal-db did not end in 3 minutes: " + output());
        }
        return process.exitValue();
    }

    /** Waits (at most a minute) until the output holds {@code text}; false when the process ended first. */
    boolean awaitOutput(String text) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(10);
        }
        return false;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    void killHard() {
        process.destroyForcibly();
    }

    /** Sends a signal (INT, TERM) as a shell's kill would. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
