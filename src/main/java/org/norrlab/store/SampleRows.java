package org.norrlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * A session's samples held column by column, and the store-level bulk path the pipeline benchmark
 * ({@code norrlab bench pipeline}) takes as its reference: the same rows written back with a plain JDBC
 * batch INSERT into the same schema with the same pragmas, in one transaction, the fastest way SQLite
 * takes them. Not for runs: it skips everything a run's writer does (tallies, heartbeats, recovery).
 */
public record SampleRows(int count, int[] step, long[] seq, double[] t, double[] e, double[] i, double[] range,
                         int[] flags) {
    /** The samples of a session of an SQLite file, in step and sequence order. */
    public static SampleRows read(Path db, long sessionId) throws StoreException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            int n;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM samples WHERE session_id = " + sessionId)) {
                n = rs.getInt(1);
            }
            SampleRows r = new SampleRows(n, new int[n], new long[n], new double[n], new double[n], new double[n],
                    new double[n], new int[n]);
            try (ResultSet rs = s.executeQuery("SELECT " + SampleColumns.VALUES + " FROM samples"
                    + " WHERE session_id = " + sessionId + " ORDER BY step_index, seq")) {
                int k = 0;
                while (rs.next()) {
                    r.step[k] = rs.getInt(1);
                    r.seq[k] = rs.getLong(2);
                    r.t[k] = rs.getDouble(3);
                    r.e[k] = SessionStore.nullableDouble(rs, 4);
                    r.i[k] = rs.getDouble(5);
                    r.i[k] = rs.wasNull() ? Double.NaN : r.i[k];
                    r.range[k] = rs.getDouble(6);
                    r.range[k] = rs.wasNull() ? Double.NaN : r.range[k];
                    r.flags[k] = rs.getInt(7);
                    k++;
                }
            }
            return r;
        } catch (SQLException e) {
            throw new StoreException("cannot read the samples of session " + sessionId + " from " + db + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first {@code n} rows (the same arrays: nothing is copied). */
    public SampleRows first(int n) {
        if (n < 0 || n > count) {
            throw new IllegalArgumentException("cannot take " + n + " of " + count + " rows");
        }
        return new SampleRows(n, step, seq, t, e, i, range, flags);
    }

    /**
     * Writes the rows as session 1 of an SQLite file that holds the store's schema, {@code batch} rows per
     * executeBatch, in one transaction.
     */
    public void insertPlain(Path db, int batch) throws StoreException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SampleColumns.INSERT)) {
                for (int k = 0; k < count; k++) {
                    ps.setLong(1, 1);
                    ps.setInt(2, step[k]);
                    ps.setLong(3, seq[k]);
                    ps.setDouble(4, t[k]);
                    SessionStore.setNullableDouble(ps, 5, e[k]);
                    if (Double.isNaN(i[k])) {
                        ps.setNull(6, Types.REAL);
                    } else {
                        ps.setDouble(6, i[k]);
                    }
                    if (Double.isNaN(range[k])) {
                        ps.setNull(7, Types.REAL);
                    } else {
                        ps.setDouble(7, range[k]);
                    }
                    ps.setInt(8, flags[k]);
                    // the benchmark's rows are CA samples: no sweep cycle or segment
                    ps.setNull(9, Types.INTEGER);
                    ps.setNull(10, Types.INTEGER);
                    ps.addBatch();
                    if ((k + 1) % batch == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("the plain insert into " + db + " failed: " + e.getMessage(), e);
        }
    }
}
