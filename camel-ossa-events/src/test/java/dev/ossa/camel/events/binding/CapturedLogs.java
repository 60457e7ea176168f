package dev.ossa.camel.events.binding;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Records every log line (message and stack trace) while open: WARN and above from every logger, and everything
 * down to the given level from the loggers named, which for that time log only here.
 */
final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Map<String, LoggerConfig> replaced = new HashMap<>();
    private final AbstractAppender appender;

    private CapturedLogs(Map<String, Level> loggers) {
        appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringWriter line = new StringWriter();
                line.append(event.getLevel().name()).append(' ').append(event.getLoggerName()).append(" - ")
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    line.append('\n');
                    event.getThrown().printStackTrace(new PrintWriter(line));
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().addAppender(appender, Level.WARN, null);
        loggers.forEach((name, level) -> {
            LoggerConfig capturing = new LoggerConfig(name, level, false);
            capturing.addAppender(appender, level, null);
            LoggerConfig previous = configuration.getLoggers().get(name);
            replaced.put(name, previous);
            if (previous != null) {
                configuration.removeLogger(name);
            }
            configuration.addLogger(name, capturing);
        });
        context.updateLoggers();
    }

    /** Starts capturing; each named logger (and those below it) is captured down to its level. */
    static CapturedLogs capture(Map<String, Level> loggers) {
        return new CapturedLogs(loggers);
    }

    /** The lines captured so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        replaced.forEach((name, previous) -> {
            configuration.removeLogger(name);
            if (previous != null) {
                configuration.addLogger(name, previous);
            }
        });
        configuration.getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
