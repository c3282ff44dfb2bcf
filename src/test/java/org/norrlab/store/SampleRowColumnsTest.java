package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-call row reader on sqlite-jdbc's statement handle reads what JDBC's getters read, value for value: NULL as
 * NaN (or 0 for cycle and segment), a stored 0.0 as 0.0 and not as NULL, extremes and large sequence numbers intact.
 */
class SampleRowColumnsTest {
    @TempDir
    Path temp;

    private static final String QUERY = "SELECT seq, t_s, e_v, i_a, range_a, flags, cycle, segment FROM rows ORDER BY seq";

    @Test
    void theSqliteReaderReadsWhatJdbcReads() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("rows.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rows (seq INTEGER, t_s REAL, e_v REAL, i_a REAL, range_a REAL, flags INTEGER,"
                        + " cycle INTEGER, segment INTEGER)");
            }
            insert(c, 0, 0.0, null, -1.0E-6, 1.0E-6, 1, null, null);
            insert(c, 1, 0.01, 0.0, 0.0, 0.0, 0, null, null);
            insert(c, 2, 0.02, -0.0, null, null, 32, 3, 2);
            insert(c, 3, 1.0E9, Double.MIN_VALUE, -Double.MAX_VALUE, 9999999.0, Integer.MAX_VALUE, 7, 1);
            insert(c, 4_000_000_000_000L, 0.03, -1.0111186320596743, -0.00419769287109375, 0.01, 16, null, null);

            List<double[]> jdbc = read(c, false);
            List<double[]> sqlite = read(c, true);
            assertThat(sqlite).hasSize(5);
            for (int k = 0; k < jdbc.size(); k++) {
                assertThat(sqlite.get(k)).as("row " + k).containsExactly(jdbc.get(k));
            }
            assertThat(sqlite.get(0)).containsExactly(0, 0.0, Double.NaN, -1.0E-6, 1.0E-6, 1, 0, 0);
            assertThat(sqlite.get(1)).containsExactly(1, 0.01, 0.0, 0.0, 0.0, 0, 0, 0);
            assertThat(sqlite.get(2)).containsExactly(2, 0.02, 0.0, Double.NaN, Double.NaN, 32, 3, 2);
            assertThat(sqlite.get(3)).containsExactly(3, 1.0E9, Double.MIN_VALUE, -Double.MAX_VALUE, 9999999.0,
                    Integer.MAX_VALUE, 7, 1);
            assertThat(sqlite.get(4)[0]).isEqualTo(4.0E12);
            assertThat(sqlite.get(4)[2]).isEqualTo(-1.0111186320596743);
        }
    }

    /** Each row's eight fields (as doubles, bit for bit), read with the SQLite reader or with JDBC's getters. */
    private static List<double[]> read(Connection c, boolean sqlite) throws Exception {
        List<double[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(QUERY); ResultSet rs = ps.executeQuery()) {
            SampleRowColumns row = SampleRowColumns.of(ps, sqlite);
            assertThat(row).isInstanceOf(sqlite ? SampleRowColumns.Sqlite.class : SampleRowColumns.Jdbc.class);
            while (rs.next()) {
                row.read(rs);
                rows.add(new double[]{row.seq, row.time, row.potential, row.current, row.range, row.flags, row.cycle,
                        row.segment});
            }
        }
        return rows;
    }

    private static void insert(Connection c, long seq, double t, Double e, Double i, Double range, int flags,
                               Integer cycle, Integer segment) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setDouble(2, t);
            Double[] reals = {e, i, range};
            for (int k = 0; k < 3; k++) {
                if (reals[k] == null) {
                    ps.setNull(3 + k, Types.REAL);
                } else {
                    ps.setDouble(3 + k, reals[k]);
                }
            }
            ps.setInt(6, flags);
            if (cycle == null) {
                ps.setNull(7, Types.INTEGER);
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setInt(7, cycle);
                ps.setInt(8, segment);
            }
            ps.executeUpdate();
        }
    }
}
