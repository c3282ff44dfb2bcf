package org.norrlab.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits for a run in another process to reach a point, read from its SQLite file (WAL lets a reader
 * in beside the writer), instead of sleeping a fixed time that a busy machine fills with less.
 */
public final class StoredSamples {
    private StoredSamples() {
    }

    /** Returns once {@code db} holds {@code samples}; fails if the process ends or {@code patience} passes first. */
    public static void await(Path db, long samples, Process process, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM samples")) {
                if (rs.next() && rs.getLong(1) >= samples) {
                    return;
                }
            } catch (SQLException notYet) {
                // the file or its schema is not there yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not store " + samples + " samples within " + patience.toSeconds()
                + " s (process alive: " + process.isAlive() + ")");
    }
}
