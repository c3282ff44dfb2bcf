package org.norrlab.cli;

import org.junit.jupiter.api.Test;
import org.norrlab.analysis.Charge;
import org.norrlab.core.BadInputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is the operator's to fix; an invariant of norrlab's own code that breaks is not blamed on them. */
class ErrorReportTest {
    @CommandLine.Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        private final Callable<Integer> body;

        Probe(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }

    private record Outcome(int exitCode, String err) {
    }

    private static Outcome run(Callable<Integer> body) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Probe(body));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorReport());
        int code = cli.execute();
        return new Outcome(code, err.toString());
    }

    @Test
    void aProgrammingErrorIsNotReportedAsBadInput() {
        Outcome outcome = run(() -> {
            new Charge(Double.POSITIVE_INFINITY);   // an invariant of the analysis, not something the operator typed
            return 0;
        });
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(outcome.err()).doesNotContain("Bad input")
                .startsWith("norrlab failed (a fault in norrlab, not in your input): a charge magnitude must be finite")
                .contains("Details are in the log file");
    }

    /** Bad input is one INFO line in the log, without a stack trace; a fault of norrlab's keeps its ERROR and trace. */
    @Test
    void badInputIsOneLineInTheLogAndAFaultItsTrace() {
        try (org.norrlab.testing.LogCapture log = new org.norrlab.testing.LogCapture(ErrorReport.class.getName())) {
            run(() -> {
                throw new BadInputException("there is no session 99 in s.db; 'norrlab sessions' lists them");
            });
            run(() -> {
                new Charge(Double.NaN);
                return 0;
            });
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0))
                    .isEqualTo("INFO [main] Bad input in 'probe': there is no session 99 in s.db; 'norrlab sessions' lists them");
            assertThat(log.lines().get(1)).startsWith("ERROR [main] norrlab failed (a fault in norrlab, not in your input)")
                    .contains("IllegalArgumentException");
        }
    }

    @Test
    void aRefusedValueOfTheOperatorsIsBadInput() {
        Outcome outcome = run(() -> {
            throw new BadInputException("'fast' is not a speed; give a factor > 0 (1 = real time, 600) or 'max'");
        });
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(outcome.err()).startsWith("Bad input: 'fast' is not a speed");
    }
}
