package com.partpal.db.adapters.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration (found through META-INF/services): warnings and errors on stderr, or the level in
 * $PARTPAL_DB_LOG_LEVEL. Set up in code rather than by a logback.xml, whose XML parsing cost each command ~0.15 s of
 * start-up.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
    static final String LEVEL_VARIABLE = "PARTPAL_DB_LOG_LEVEL";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv(LEVEL_VARIABLE)));
        root.addAppender(stderr);
        context.getLogger(AUDIT_LOGGER).setLevel(Level.INFO); // serve's audit lines, one per request that changes something
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The HTTP API's audit log (adapters-http's BearerTokenFilter.AUDIT): always at INFO. */
    static final String AUDIT_LOGGER = "partpal.audit";

    /** The level named (any case), WARN when unset or not a level. */
    static Level level(String name) {
        return Level.toLevel(name == null ? null : name.trim(), Level.WARN);
    }
}
