package org.norrlab.store;

/**
 * The columns of the samples table, in the order every bulk path writes and reads them: SQLite's
 * batched INSERT, PostgreSQL's COPY, the lab copy and the benchmark's plain-insert reference.
 */
final class SampleColumns {
    /** A sample's own columns, after its session. */
    static final String VALUES = "step_index, seq, t_s, e_v, i_a, range_a, flags, cycle, segment";
    /** Every column a new sample row gets. */
    static final String ALL = "session_id, " + VALUES;
    /** The INSERT of one sample row, parameters in the order of {@link #ALL}. */
    static final String INSERT = "INSERT INTO samples (" + ALL + ") VALUES (?,?,?,?,?,?,?,?,?,?)";
    /**
     * Rows in SQLite's many-row INSERT: at most 2 050 parameters, within SQLite's limit of 32 766 (since 3.32).
     * More rows gained nothing measurable; fewer lose part of the gain (issue 23).
     */
    static final int ROWS_PER_INSERT = 256;
    /** Parameters of a row in {@link #insertOfSteps}: seq, t_s, e_v, i_a, range_a, flags, then cycle and segment. */
    static final int OWN_WITHOUT_SWEEP = 6;
    static final int OWN_WITH_SWEEP = 8;

    /**
     * The INSERT of {@code rows} sample rows of one session and step: ?1 is the session and ?2 the step of every
     * row, then each row's own values from ?3 on; without {@code sweep}, cycle and segment are left NULL.
     */
    static String insertOfSteps(int rows, boolean sweep) {
        int own = sweep ? OWN_WITH_SWEEP : OWN_WITHOUT_SWEEP;
        StringBuilder sql = new StringBuilder("INSERT INTO samples (session_id, step_index, seq, t_s, e_v, i_a, range_a, flags")
                .append(sweep ? ", cycle, segment) VALUES " : ") VALUES ");
        int parameter = 3;
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(?1,?2" : ",(?1,?2");
            for (int c = 0; c < own; c++) {
                sql.append(",?").append(parameter++);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /**
     * The INSERT of {@code rows} CA sample rows of one session and step that share their range and flags and whose
     * sequence numbers follow on from one another (what an import's and a run's rows nearly always are): ?1 the
     * session, ?2 the step, ?3 the first sequence number (the others are ?3 + 1, ?3 + 2, ... worked out by SQLite),
     * ?4 the range, ?5 the flags, then each row's t_s, e_v and i_a from ?6 on. Half the values of
     * {@link #insertOfSteps} go across for each row.
     */
    static String insertOfRun(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO samples (session_id, step_index, seq, t_s, e_v, i_a, range_a, flags)"
                + " VALUES ");
        int parameter = 6;
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(?1,?2,?3" : ",(?1,?2,?3+" + r);
            for (int c = 0; c < OWN_IN_RUN; c++) {
                sql.append(",?").append(parameter++);
            }
            sql.append(",?4,?5)");
        }
        return sql.toString();
    }

    /** Parameters of a row in {@link #insertOfRun}: t_s, e_v, i_a. */
    static final int OWN_IN_RUN = 3;

    private SampleColumns() {
    }
}
