package org.norrlab.bench;

import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * The acquisition pipeline (simulator at max speed → bounded queue → store, committed per batch)
 * against its reference in the same run: a plain JDBC batch insert of the very same rows into the
 * same schema with the same pragmas, in one transaction — the fastest way SQLite takes those rows.
 */
public final class PipelineBench {
    /** Rows per executeBatch in the plain insert. */
    static final int PLAIN_BATCH = 10_000;

    public record Result(long samples, double pipelineSeconds, double plainSeconds, List<Double> lagMillis) {
        public double pipelinePerSecond() {
            return samples / pipelineSeconds;
        }

        public double plainPerSecond() {
            return samples / plainSeconds;
        }

        public double ratio() {
            return pipelinePerSecond() / plainPerSecond();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d samples: pipeline %.0f samples/s (%.2f s), plain JDBC batch insert %.0f"
                    + " samples/s (%.2f s), ratio %.2f", samples, pipelinePerSecond(), pipelineSeconds, plainPerSecond(),
                    plainSeconds, ratio());
        }
    }

    private PipelineBench() {
    }

    /**
     * Four CA steps at 10 ms adding up to about {@code samples} samples. Both sides first run once at a
     * tenth of the size, so that neither is timed with cold JIT-compiled code (the pipeline would
     * otherwise always go first, cold, and the plain insert second, warm).
     */
    public static Result run(SiteConfig site, long samples, Path workDir) throws Exception {
        once(site, Math.max(4_000, samples / 10), workDir);
        return once(site, samples, workDir);
    }

    private static Result once(SiteConfig site, long samples, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        long perStep = Math.max(1, samples / 4);
        Path protocol = workDir.resolve("pipeline.yaml");
        StringBuilder text = new StringBuilder("name: pipeline benchmark\nsteps:\n");
        for (int i = 0; i < 4; i++) {
            text.append(String.format(Locale.ROOT, "  - ca: {potential: %.1f V vs RHE, duration: %d ms, interval: 10 ms}%n",
                    -0.4 - 0.1 * i, perStep * 10));
        }
        Files.writeString(protocol, text);
        Path pipelineDb = BenchFiles.freshDatabase(workDir.resolve("pipeline.db"));
        Path plainDb = BenchFiles.freshDatabase(workDir.resolve("plain.db"));
        RunOutcome outcome = new RunService(site).prepare(RunRequest.simulated(protocol, Speed.MAX).withDatabase(pipelineDb))
                .execute(RunListener.NONE);
        Rows rows = Rows.read(pipelineDb, outcome.sessionId());
        SessionStore.open(plainDb).close();   // the same schema and version, made by the store itself
        double plain = plainInsert(plainDb, rows);
        return new Result(rows.count, outcome.wallSeconds(), plain, outcome.result().lagMillis());
    }

    /** The samples of a session, column by column, so that reading them is not part of either timing. */
    private record Rows(int count, int[] step, long[] seq, double[] t, double[] e, double[] i, double[] range, int[] flags) {
        static Rows read(Path db, long sessionId) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = c.createStatement()) {
                int n;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM samples WHERE session_id = " + sessionId)) {
                    n = rs.getInt(1);
                }
                Rows r = new Rows(n, new int[n], new long[n], new double[n], new double[n], new double[n], new double[n],
                        new int[n]);
                try (ResultSet rs = s.executeQuery("SELECT step_index, seq, t_s, e_v, i_a, range_a, flags FROM samples"
                        + " WHERE session_id = " + sessionId + " ORDER BY step_index, seq")) {
                    int k = 0;
                    while (rs.next()) {
                        r.step[k] = rs.getInt(1);
                        r.seq[k] = rs.getLong(2);
                        r.t[k] = rs.getDouble(3);
                        r.e[k] = rs.getDouble(4);
                        r.i[k] = rs.getDouble(5);
                        r.i[k] = rs.wasNull() ? Double.NaN : r.i[k];
                        r.range[k] = rs.getDouble(6);
                        r.range[k] = rs.wasNull() ? Double.NaN : r.range[k];
                        r.flags[k] = rs.getInt(7);
                        k++;
                    }
                }
                return r;
            }
        }
    }

    private static double plainInsert(Path db, Rows rows) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO samples (session_id, step_index, seq, t_s, e_v, i_a, range_a, flags) VALUES (?,?,?,?,?,?,?,?)")) {
                for (int k = 0; k < rows.count; k++) {
                    ps.setLong(1, 1);
                    ps.setInt(2, rows.step[k]);
                    ps.setLong(3, rows.seq[k]);
                    ps.setDouble(4, rows.t[k]);
                    ps.setDouble(5, rows.e[k]);
                    if (Double.isNaN(rows.i[k])) {
                        ps.setNull(6, Types.REAL);
                    } else {
                        ps.setDouble(6, rows.i[k]);
                    }
                    if (Double.isNaN(rows.range[k])) {
                        ps.setNull(7, Types.REAL);
                    } else {
                        ps.setDouble(7, rows.range[k]);
                    }
                    ps.setInt(8, rows.flags[k]);
                    ps.addBatch();
                    if ((k + 1) % PLAIN_BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
