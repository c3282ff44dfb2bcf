package org.norrlab.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every line logged below a logger while it is open, at every level (the test configuration logs WARN and up only;
 * a secret in a DEBUG line would leak as surely in a site that turns DEBUG on).
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        level = logger.getLevel();
        logger.setLevel(Level.ALL);
        appender.start();
        logger.addAppender(appender);
    }

    /** The lines so far as they would be written: level, thread, message with its arguments, any exception. */
    public List<String> lines() {
        synchronized (appender) { // AppenderBase.doAppend holds the same lock while it adds
            return appender.list.stream().map(e -> e.getLevel() + " [" + e.getThreadName() + "] " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getClassName() + ": "
                    + e.getThrowableProxy().getMessage())).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }
}
