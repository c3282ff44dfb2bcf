package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's samples go in by a many-row INSERT of {@value SampleColumns#ROWS_PER_INSERT} rows of one step (with or
 * without the sweep columns) and the rest of a flush by the one-row INSERT (SqliteDialect): whatever the batch sizes
 * (one row, one short of a full group, exactly full, one over, several groups and a tail), steps and sessions that
 * change inside a group, CA and sweep samples, every sample reads back bit for bit, NaN readings included, under
 * its own session, step and sequence number, and none twice.
 */
class ManyRowInsertTest {
    private static final int GROUP = SampleColumns.ROWS_PER_INSERT;

    @TempDir
    Path temp;

    /**
     * One run of samples: {@code count} samples of a session's step, then a flush (the end of a transaction) or not;
     * {@code steady} ones share their range and flags, as most of an import's and a run's do (SampleColumns.insertOfRun).
     */
    private record Run(long session, int step, int count, boolean sweep, boolean flush, boolean steady) {
        Run(long session, int step, int count, boolean sweep, boolean flush) {
            this(session, step, count, sweep, flush, false);
        }
    }

    @Test
    void batchesOfEverySizeAroundTheGroupReadBackExactly() throws Exception {
        List<Run> runs = List.of(
                new Run(1, 1, 1, false, true), new Run(1, 1, GROUP - 1, false, true), new Run(1, 1, GROUP, false, true),
                new Run(1, 1, GROUP + 1, false, true), new Run(1, 1, 3 * GROUP + 17, false, true),
                new Run(1, 2, 2 * GROUP, true, true), new Run(1, 2, GROUP + 5, true, false),
                // the step, then the session, changes in the middle of a group, within one flush
                new Run(1, 3, 100, false, false), new Run(1, 4, GROUP + 30, false, false),
                new Run(2, 1, 70, true, false), new Run(2, 2, 2 * GROUP + 1, false, true),
                // a sweep step whose first group has CA-like samples (cycle 0) before the sweep ones
                new Run(2, 3, GROUP + 3, true, true),
                // steady CA samples: whole groups by the shorter INSERT, sequence numbers worked out by SQLite; a gap
                // in the sequence numbers, a range that changes, and a session that changes inside a group
                new Run(3, 1, 3 * GROUP + 9, false, true, true), new Run(3, 2, GROUP - 3, false, false, true),
                new Run(3, 3, 2 * GROUP, false, false, true), new Run(4, 1, 2 * GROUP + 7, false, true, true));
        Path file = temp.resolve("many.db");
        SessionStore.open(file).close();   // the schema, made by the store
        SplittableRandom random = new SplittableRandom(23);
        Map<List<Long>, List<Sample>> written = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.setAutoCommit(false);
            try (SampleInserter inserter = new SqliteDialect().sampleInserter(connection)) {
                for (Run run : runs) {
                    List<Sample> samples = written.computeIfAbsent(List.of(run.session(), (long) run.step()), k -> new ArrayList<>());
                    for (int k = 0; k < run.count(); k++) {
                        if (run.steady() && run.step() == 2 && k == 100) {
                            samples.add(null);   // sequence number 100 is never written
                        }
                        long sequence = samples.size();
                        Sample sample = run.steady() ? steady(random, sequence, run.step() == 3 && k >= GROUP + 50)
                                : sample(random, sequence, run.sweep() && !(run.step() == 3 && k < 40));
                        samples.add(sample);
                        inserter.add(run.session(), run.step(), sequence, sample);
                    }
                    if (run.flush()) {
                        inserter.flush();
                        connection.commit();
                    }
                }
                inserter.flush();
                connection.commit();
            }
        }
        try (SessionStore store = SessionStore.open(file)) {
            for (Map.Entry<List<Long>, List<Sample>> step : written.entrySet()) {
                List<Long> sequences = new ArrayList<>();
                List<Sample> read = new ArrayList<>();
                store.forEachSample(step.getKey().get(0), step.getKey().get(1).intValue(), (seq, s) -> {
                    sequences.add(seq);
                    read.add(s);
                });
                List<Long> expectedSequences = new ArrayList<>();
                List<Sample> expected = new ArrayList<>();
                for (int k = 0; k < step.getValue().size(); k++) {
                    if (step.getValue().get(k) != null) {
                        expectedSequences.add((long) k);
                        expected.add(step.getValue().get(k));
                    }
                }
                assertThat(sequences).as("session and step " + step.getKey()).isEqualTo(expectedSequences);
                for (int k = 0; k < read.size(); k++) {
                    // a record's equality compares its doubles bit for bit (and NaN as equal to NaN)
                    assertThat(read.get(k)).as("sample " + sequences.get(k) + " of " + step.getKey()).isEqualTo(expected.get(k));
                }
            }
        }
    }

    /** A CA reading in a fixed range with no flags (from {@code otherRange} on, in a range ten times as large). */
    private static Sample steady(SplittableRandom random, long sequence, boolean otherRange) {
        return new Sample(sequence * 0.01, -0.5 - random.nextDouble() * 1e-3, -random.nextDouble() * 1e-4,
                otherRange ? 1e-3 : 1e-4, 0);
    }

    /** Random full-precision readings; every fifth without a current, every seventh without a range or potential. */
    private static Sample sample(SplittableRandom random, long sequence, boolean sweep) {
        double t = sequence * 0.01 + random.nextDouble() * 1e-9;
        double current = sequence % 5 == 3 ? Double.NaN : (random.nextDouble() - 0.7) * Math.pow(10, -3 - random.nextInt(6));
        double range = sequence % 7 == 4 ? Double.NaN : Math.pow(10, -2 - random.nextInt(7));
        double potential = sequence % 7 == 6 ? Double.NaN : -0.4 - random.nextDouble() * 0.3;
        int flags = random.nextInt(4) | (Double.isNaN(current) ? SampleFlag.NO_CURRENT.bit() : 0);
        Sample sample = new Sample(t, potential, current, range, flags);
        return sweep ? sample.inSweep(1 + (int) (sequence / 300), 1 + (int) (sequence % 3)) : sample;
    }
}
