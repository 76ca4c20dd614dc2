package com.partpal.db.adapters.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StderrLoggingTest {
    @Test
    void theLevelIsNamedByTheVariableAndWarnOtherwise() {
        assertEquals(Level.WARN, StderrLogging.level(null));
        assertEquals(Level.WARN, StderrLogging.level(""));
        assertEquals(Level.WARN, StderrLogging.level("loud"));
        assertEquals(Level.DEBUG, StderrLogging.level("debug"));
        assertEquals(Level.ERROR, StderrLogging.level(" ERROR "));
    }

    @Test
    void logbackIsConfiguredByItWithoutAnyXml() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(StderrLogging.level(System.getenv(StderrLogging.LEVEL_VARIABLE)), root.getLevel());
        ConsoleAppender<?> stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", stderr.getTarget());
        assertEquals(StderrLogging.PATTERN, assertInstanceOf(PatternLayoutEncoder.class, stderr.getEncoder()).getPattern());
        assertEquals(null, Thread.currentThread().getContextClassLoader().getResource("logback.xml"));
    }

    @Test
    void aCommandLogsNothingByDefaultAndDebugWhenAsked() throws Exception {
        assertEquals("", run(null), "no log line (nor logback status) on stderr by default");
        String debug = run("debug");
        assertTrue(debug.lines().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG .+ - .+")), debug);
    }

    /** What `partpal-db --version` prints on stderr in a JVM of its own with PARTPAL_DB_LOG_LEVEL = {@code level}. */
    private static String run(String level) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PartpalDb.class.getName(), "--version"));
        builder.environment().remove(StderrLogging.LEVEL_VARIABLE);
        if (level != null) {
            builder.environment().put(StderrLogging.LEVEL_VARIABLE, level);
        }
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), err);
        return err;
    }
}
