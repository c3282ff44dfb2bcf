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

    private SampleColumns() {
    }
}
