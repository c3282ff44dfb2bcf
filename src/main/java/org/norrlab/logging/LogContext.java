package org.norrlab.logging;

import org.slf4j.MDC;

import java.util.Map;

/**
 * The bench a log line belongs to, as the SLF4J MDC key {@value #BENCH}: set on a bench's thread by the lab,
 * and carried to every thread that thread starts, so that a warning from an instrument's reader names its bench
 * too. Outside a lab it is unset and the console shows nothing for it.
 */
public final class LogContext {
    /** The MDC key; config/logback.xml prints it. */
    public static final String BENCH = "bench";

    private LogContext() {
    }

    /** Names the bench on this thread until closed. */
    public static MDC.MDCCloseable bench(String name) {
        return MDC.putCloseable(BENCH, name);
    }

    /** {@code task} as another thread should run it: with the log context of the thread that calls this. */
    public static Runnable carried(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context == null || context.isEmpty()) {
            return task;
        }
        return () -> {
            MDC.setContextMap(context);
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }
}
