package dev.ossa.camel.events.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records what one logger writes, through a Log4j 2 appender attached for the duration of a test.
 */
final class CapturedLog implements AutoCloseable {

    /** One line as logged. */
    record Line(Level level, String message) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    private CapturedLog(Class<?> loggerOf) {
        this.logger = (Logger) LogManager.getLogger(loggerOf);
        this.appender = new AbstractAppender("captured-" + loggerOf.getSimpleName(), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(new Line(event.getLevel(), event.getMessage().getFormattedMessage()));
            }
        };
    }

    /** Starts recording the logger named after {@code loggerOf}. */
    static CapturedLog of(Class<?> loggerOf) {
        CapturedLog log = new CapturedLog(loggerOf);
        log.appender.start();
        log.logger.addAppender(log.appender);
        return log;
    }

    List<Line> lines(Level level) {
        return lines.stream().filter(line -> line.level() == level).toList();
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
    }
}
