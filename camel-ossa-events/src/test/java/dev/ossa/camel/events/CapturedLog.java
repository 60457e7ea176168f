package dev.ossa.camel.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps every message logged to one logger, at INFO and above, until closed.
 */
public final class CapturedLog implements AutoCloseable {

    private final String loggerName;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    public CapturedLog(String loggerName) {
        this.loggerName = loggerName;
        this.appender = new AbstractAppender("captured-" + loggerName, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                messages.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        LoggerConfig logger = new LoggerConfig(loggerName, Level.INFO, false);
        logger.addAppender(appender, null, null);
        configuration.addLogger(loggerName, logger);
        context.updateLoggers();
    }

    /** The messages logged so far. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Waits (generously) until {@code count} messages were logged, and returns them. */
    public List<String> await(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (messages.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Expected " + count + " log messages, got " + messages);
            }
            Thread.sleep(10);
        }
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(loggerName);
        context.updateLoggers();
        appender.stop();
    }
}
