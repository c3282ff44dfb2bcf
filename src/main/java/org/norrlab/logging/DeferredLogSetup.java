package org.norrlab.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the launcher's logging preparation (the data directory from config/site.yaml, config/logback.xml as the
 * configuration file) and Logback's own configuration when the first line is logged, not when the first logger is
 * made. Libraries make their loggers early and ask "is TRACE on?" often (sqlite-jdbc before every statement):
 * reading logback.xml for that cost {@code sessions} a third of its start (issue 23), for a command that logs
 * nothing when all goes well. Until then the context has no appenders and nothing was logged, so nothing is lost;
 * a question below INFO is answered "no" without configuring only when the configuration file plainly enables
 * nothing below INFO (QuietConfiguration), and configures Logback first otherwise. config/logback.xml stays the one
 * place logging is described. Logback finds this class as a service (META-INF/services) and runs it before its own
 * configurators. Where nothing was registered (tests, an embedding program) it does nothing.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class DeferredLogSetup extends ContextAwareBase implements Configurator {
    private static volatile Runnable preparation;
    private static volatile Path configurationFile;

    /**
     * {@code preparation} runs once, just before Logback reads its configuration; {@code configurationFile} is the
     * file it will read (null when not known: then any question configures Logback).
     */
    public static void beforeConfiguring(Runnable preparation, Path configurationFile) {
        DeferredLogSetup.configurationFile = configurationFile;
        DeferredLogSetup.preparation = preparation;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Runnable toRun = preparation;
        preparation = null;
        if (toRun == null) {
            // Nothing registered, or the second call, from FirstUse below: Logback's own configurators go on.
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        FirstUse firstUse = new FirstUse(toRun, quietBelowInfo(configurationFile));
        firstUse.setContext(context);
        firstUse.start();
        context.addTurboFilter(firstUse);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private boolean quietBelowInfo(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return QuietConfiguration.enablesNothingBelowInfo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            addWarn("could not read " + file + " ahead of configuring; logging is configured at its first use", e);
            return false;
        }
    }

    /**
     * Logback asks every turbo filter before it looks at a level, for each line logged and each is...Enabled():
     * the first question at INFO or above (or any, when the file may enable more) configures the context, under a
     * lock that other threads wait on, and removes this filter; the call then goes on with the configured levels
     * and appenders.
     */
    private static final class FirstUse extends TurboFilter {
        private final Runnable preparation;
        private final boolean quietBelowInfo;
        private volatile boolean configured;
        private boolean configuring;

        FirstUse(Runnable preparation, boolean quietBelowInfo) {
            this.preparation = preparation;
            this.quietBelowInfo = quietBelowInfo;
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            if (configured) {
                return FilterReply.NEUTRAL;
            }
            if (quietBelowInfo && level != null && level.toInt() < Level.INFO_INT) {
                return FilterReply.DENY;
            }
            configureOnce();
            return FilterReply.NEUTRAL;
        }

        private synchronized void configureOnce() {
            if (configured || configuring) {
                return;   // done by another thread, or a logger used while configuring (this thread): let it pass
            }
            configuring = true;
            LoggerContext context = (LoggerContext) getContext();
            boolean failed = false;
            try {
                try {
                    preparation.run();
                } catch (RuntimeException e) {
                    // the data directory could not be worked out: logback.xml's own default (data/) is used
                    failed = true;
                    addError("norrlab could not prepare logging (the data directory for norrlab.log)", e);
                }
                new ContextInitializer(context).autoConfig();
            } catch (JoranException | RuntimeException e) {
                failed = true;
                addError("norrlab could not configure logging", e);
            } finally {
                if (failed) {
                    // SLF4J cannot report its own set-up failing: Logback's status lines go to the console instead
                    ch.qos.logback.core.util.StatusPrinter.printInCaseOfErrorsOrWarnings(context);
                }
                configured = true;
                configuring = false;
                context.getTurboFilterList().remove(this);
            }
        }
    }
}
