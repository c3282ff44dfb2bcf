package org.norrlab.store;

import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of the row a sample query stands on ({@code seq, t_s, e_v, i_a, range_a, flags, cycle, segment}, in that
 * order), read for {@link SessionStore#forEachSample}. e_v, i_a and range_a may be NULL (read as NaN); cycle and
 * segment are NULL outside a sweep (read as 0).
 *
 * <p>Through JDBC every column is two calls into sqlite-jdbc's native code (its type, to tell NULL, then its value),
 * each behind the driver's lock: a profile of a 1 M-row export had two thirds of its time in them. On SQLite the row
 * is read instead in one call on the statement's handle, sqlite-jdbc's public {@code SafeStmtPtr} (the lock once per
 * row), asking for a column's type only when its value is 0 (what SQLite gives for NULL); reading 1 M rows took about
 * half as long (0.47–0.50 s against 0.74–0.95 s, warm). SampleRowColumnsTest reads the same rows both ways;
 * ExportBytesTest exports NULLs, zeros and extremes through it byte for byte as before.
 */
abstract sealed class SampleRowColumns {
    long seq;
    double time;
    double potential;
    double current;
    double range;
    int flags;
    int cycle;
    int segment;

    /** The reader for {@code statement}'s rows: the one-call reader on SQLite, plain JDBC otherwise. */
    static SampleRowColumns of(PreparedStatement statement, boolean sqlite) throws SQLException {
        if (sqlite && statement.isWrapperFor(CoreStatement.class)) {
            return new Sqlite(statement.unwrap(CoreStatement.class).pointer);
        }
        return new Jdbc();
    }

    /** Reads the current row of {@code rows} into the fields. */
    abstract void read(ResultSet rows) throws SQLException;

    /** Column by column through JDBC (PostgreSQL; and the reference the SQLite reader is tested against). */
    static final class Jdbc extends SampleRowColumns {
        @Override
        void read(ResultSet rs) throws SQLException {
            seq = rs.getLong(1);
            time = rs.getDouble(2);
            potential = nullableReal(rs, 3);
            current = nullableReal(rs, 4);
            range = nullableReal(rs, 5);
            flags = rs.getInt(6);
            cycle = rs.getInt(7);
            segment = rs.getInt(8);
        }

        /** JDBC's getDouble gives 0 for NULL, so only an exact zero (either sign) needs wasNull. */
        private static double nullableReal(ResultSet rs, int column) throws SQLException {
            double value = rs.getDouble(column);
            return value == 0 && rs.wasNull() ? Double.NaN : value;
        }
    }

    /** The whole row in one call on sqlite-jdbc's statement handle (columns from 0 there). */
    static final class Sqlite extends SampleRowColumns {
        /** sqlite3_column_type's answer for NULL. */
        private static final int SQLITE_NULL = 5;

        private final SafeStmtPtr handle;
        /** Made once: a lambda written in {@link #read} would be a new object for every row. */
        private final SafeStmtPtr.SafePtrConsumer<SQLException> row = this::row;

        Sqlite(SafeStmtPtr handle) {
            this.handle = handle;
        }

        @Override
        void read(ResultSet rows) throws SQLException {
            handle.safeRunConsume(row);
        }

        private void row(DB db, long statement) throws SQLException {
            seq = db.column_long(statement, 0);
            time = db.column_double(statement, 1);
            potential = nullableReal(db, statement, 2);
            current = nullableReal(db, statement, 3);
            range = nullableReal(db, statement, 4);
            flags = db.column_int(statement, 5);
            cycle = db.column_int(statement, 6);
            segment = db.column_int(statement, 7);
        }

        private static double nullableReal(DB db, long statement, int column) throws SQLException {
            double value = db.column_double(statement, column);
            return value == 0 && db.column_type(statement, column) == SQLITE_NULL ? Double.NaN : value;
        }
    }
}
