package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A COMMIT that fails may still have taken effect when the connection broke after it was sent: the run must then
 * say its samples are not confirmed rather than not stored (a killed PostgreSQL server once held 8 samples more
 * than the summary said were committed, and the summary had called them lost).
 */
class CommitInDoubtTest {
    private final Dialect postgres = new PostgresDialect();
    private final Dialect sqlite = new SqliteDialect();

    @Test
    void aBrokenConnectionOrAServerShuttingDownLeavesAPostgresCommitInDoubt() {
        assertThat(postgres.commitMayHaveLanded(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(postgres.commitMayHaveLanded(new PSQLException("This connection has been closed.",
                PSQLState.CONNECTION_DOES_NOT_EXIST))).isTrue();
        assertThat(postgres.commitMayHaveLanded(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(postgres.commitMayHaveLanded(new SQLException("no state given"))).isTrue();
    }

    @Test
    void anErrorTheServerAnsweredWithMeansItRolledBack() {
        assertThat(postgres.commitMayHaveLanded(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))).isFalse();
        assertThat(postgres.commitMayHaveLanded(new SQLException("could not serialize access", "40001"))).isFalse();
    }

    @Test
    void aLocalFileNeverLeavesACommitInDoubt() {
        assertThat(sqlite.commitMayHaveLanded(new SQLException("[SQLITE_FULL] database or disk is full"))).isFalse();
    }
}
