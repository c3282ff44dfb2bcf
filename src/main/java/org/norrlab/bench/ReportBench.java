package org.norrlab.bench;

import org.norrlab.core.UncompensatedResistance;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoredSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code report}, {@code show} and {@code analyze} of a long session (the 24 h at 100 Hz that {@link LongRunBench}
 * records), each timed as a whole process as a user waits for it ({@link CommandTimer}), with {@code sessions} on the
 * same store in the same run as the reference: what no command that opens the store can go below. The session gets
 * a typed R_u first when it has none, so that {@code analyze} corrects its potentials as it does for a user's session
 * with one (the path that used to read every sample).
 */
public final class ReportBench {
    /** The R_u recorded for a session without one: typed, so that no spectrum is needed. */
    static final double BENCH_RU_OHMS = 10;

    /** The timings of one run; {@code sessions} is the reference. */
    public record Result(long sessionId, long samples, CommandTimer.Timing sessions, CommandTimer.Timing report,
                         CommandTimer.Timing show, CommandTimer.Timing analyze) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "session %d (%d samples), whole processes: report %s; show %s;"
                    + " analyze (with R_u) %s; sessions (reference) %s", sessionId, samples, report, show, analyze, sessions);
        }
    }

    private ReportBench() {
    }

    /**
     * Times the commands on the newest session of {@code database}, {@code runs} times each after one untimed run.
     *
     * @param home norrlab's home (config/, drivers/, protocols/) for the commands
     */
    public static Result run(Path home, Path database, int runs, Path workDir) throws Exception {
        long id;
        long samples;
        try (SessionStore store = SessionStore.open(database)) {
            List<StoredSession> sessions = store.sessions();
            if (sessions.isEmpty()) {
                throw new IllegalStateException(database + " holds no session to report on");
            }
            id = sessions.stream().mapToLong(StoredSession::id).max().orElseThrow();
            samples = store.sampleCount(id);
            if (store.impedance().resistance(id).isEmpty()) {
                store.impedance().recordResistance(id, new UncompensatedResistance(BENCH_RU_OHMS, Double.NaN,
                        UncompensatedResistance.TYPED, OptionalInt.empty(), 0, Instant.now(), "bench report"));
            }
        }
        String db = database.toAbsolutePath().toString();
        String session = Long.toString(id);
        CommandTimer.Timing reference = CommandTimer.time(CommandTimer.norrlab(home, "sessions", "--db", db), runs, workDir);
        CommandTimer.Timing report = CommandTimer.time(CommandTimer.norrlab(home, "report", session, "--db", db, "-o",
                workDir.resolve("report").toAbsolutePath().toString()), runs, workDir);
        CommandTimer.Timing show = CommandTimer.time(CommandTimer.norrlab(home, "show", session, "--db", db), runs, workDir);
        CommandTimer.Timing analyze = CommandTimer.time(CommandTimer.norrlab(home, "analyze", session, "--db", db), runs,
                workDir);
        return new Result(id, samples, reference, report, show, analyze);
    }
}
