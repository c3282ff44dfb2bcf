package org.norrlab.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Runs the launcher's logging preparation (the data directory from config/site.yaml, config/logback.xml as the
 * configuration file) when Logback configures itself, that is when the first logger is asked for, instead of at
 * every start. A command that never logs ({@code --version}, {@code --help}, {@code plan}) then reads neither
 * site.yaml nor logback.xml. Logback finds this class as a service (META-INF/services) and runs it before its own
 * configurators; it only sets what they read, so config/logback.xml stays the one place logging is described.
 * Where nothing was registered (tests, an embedding program) it does nothing.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class DeferredLogSetup extends ContextAwareBase implements Configurator {
    private static volatile Runnable preparation;

    /** {@code preparation} runs once, just before Logback reads its configuration. */
    public static void beforeConfiguring(Runnable preparation) {
        DeferredLogSetup.preparation = preparation;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Runnable toRun = preparation;
        preparation = null;
        if (toRun != null) {
            toRun.run();
        }
        return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
}
