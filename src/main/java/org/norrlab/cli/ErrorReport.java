package org.norrlab.cli;

import org.norrlab.config.ConfigException;
import org.norrlab.core.BadInputException;
import org.norrlab.driver.DriverException;
import org.norrlab.importer.ImportException;
import org.norrlab.run.PlanRejectedException;
import org.norrlab.store.StoreException;
import org.norrlab.sync.SyncService;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * One readable paragraph on the console and an exit code. A fault's stack trace goes to the log; bad input (a
 * mistyped session number, a file refused with its line) is one INFO line there, as the trial found each typo
 * leaving an ERROR with 18 lines of trace.
 */
final class ErrorReport implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code;
        String what;
        if (e instanceof ConfigException || e instanceof PlanRejectedException) {
            code = ExitCodes.BAD_INPUT;
            what = "Bad input";
        } else if (e instanceof DriverException) {
            code = ExitCodes.INSTRUMENT;
            what = "Instrument problem";
        } else if (e instanceof StoreException || e instanceof SyncService.SyncException) {
            code = ExitCodes.STORE;
            what = "Session database problem";
        } else if (e instanceof BadInputException || e instanceof ImportException) {
            code = ExitCodes.BAD_INPUT;
            what = "Bad input";
        } else if (e instanceof RuntimeException) {
            // Any other IllegalArgumentException, IllegalStateException, ...: an invariant of our own code broke.
            code = ExitCodes.FAILED;
            what = "norrlab failed (a fault in norrlab, not in your input)";
        } else {
            code = ExitCodes.FAILED;
            what = "norrlab failed";
        }
        if (code == ExitCodes.BAD_INPUT) {
            // the operator's input, told in full on the console: one line in the log, not a stack trace of ours
            LoggerFactory.getLogger(ErrorReport.class).info("{} in '{}': {}", what, cli.getCommandName(), e.getMessage());
        } else {
            LoggerFactory.getLogger(ErrorReport.class).error("{} in '{}'", what, cli.getCommandName(), e);
        }
        cli.getErr().println(what + ": " + e.getMessage());
        if (code == ExitCodes.FAILED) {
            cli.getErr().println("Details are in the log file (norrlab.log in the data directory).");
        }
        return code;
    }
}
