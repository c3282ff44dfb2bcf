package org.norrlab.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When {@link SessionStore#checkIntegrity} reads the whole SQLite file (docs/store.md): a file whose last writer did not
 * close it, or that has no passed check on record, is read through and refused when damaged; one closed cleanly since
 * it passed is not read again.
 */
class IntegrityCheckRuleTest {
    @TempDir
    Path temp;

    private static final int ROWS = 20_000;

    /** A store file with {@code ROWS} samples (pages enough to damage one no opening reads), closed cleanly. */
    private Path store(String name, boolean checked) throws Exception {
        Path file = temp.resolve(name);
        try (SessionStore store = SessionStore.open(file)) {
            if (checked) {
                store.checkIntegrity();
            }
        }
        int[] step = new int[ROWS];
        long[] seq = new long[ROWS];
        double[] t = new double[ROWS];
        double[] e = new double[ROWS];
        double[] i = new double[ROWS];
        double[] range = new double[ROWS];
        for (int k = 0; k < ROWS; k++) {
            step[k] = 1;
            seq[k] = k;
            t[k] = 0.1 * k;
            e[k] = -0.5;
            i[k] = -1e-6 * k;
            range[k] = 1e-3;
        }
        new SampleRows(ROWS, step, seq, t, e, i, range, new int[ROWS]).insertPlain(file, 5000);
        assertThat(SessionStore.walFile(file)).doesNotExist();   // the last connection closed: SQLite removed it
        return file;
    }

    /** Overwrites most of a page near the end of the file: sample rows, which opening a store never reads. */
    private static void damage(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int page = bytes.length - 3 * 4096;
        Arrays.fill(bytes, page + 200, page + 3000, (byte) 'A');
        Files.write(file, bytes);
    }

    /**
     * What a crash leaves: the file and its -wal as they were while a connection had written and not yet closed (the
     * copies are taken while it is open; closing it would fold the WAL into the original and delete it).
     */
    private Path crashImage(Path file, String name) throws Exception {
        Path image = temp.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("UPDATE sessions SET notes = notes WHERE id = -1");
            s.execute("PRAGMA user_version = " + SessionStore.SCHEMA_VERSION);   // a frame in the WAL, the same version
            Files.copy(file, image, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(SessionStore.walFile(file), SessionStore.walFile(image), StandardCopyOption.REPLACE_EXISTING);
        }
        return image;
    }

    @Test
    void aDamagedFileNeverCheckedIsRefused() throws Exception {
        Path file = store("never.db", false);
        damage(file);
        try (SessionStore store = SessionStore.open(file)) {
            assertThatThrownBy(store::checkIntegrity).isInstanceOf(StoreException.class)
                    .hasMessageContaining("never.db is damaged (SQLite integrity check: ");
        }
    }

    @Test
    void aCleanlyClosedFileThatPassedIsNotReadAgainUntilAWalIsLeftBehind() throws Exception {
        Path file = store("clean.db", true);
        damage(file);
        try (SessionStore store = SessionStore.open(file)) {
            // the damage is on a page nothing here reads: the recorded check vouches for the file (the documented limit)
            store.checkIntegrity();
        }
        // the same damaged file as a crash left it: its -wal is there when it is opened, and it is read through
        Path crashed = crashImage(file, "crashed.db");
        assertThat(SessionStore.walFile(crashed)).exists();
        try (SessionStore store = SessionStore.open(crashed)) {
            assertThatThrownBy(store::checkIntegrity).isInstanceOf(StoreException.class)
                    .hasMessageContaining("crashed.db is damaged (SQLite integrity check: ");
        }
    }

    @Test
    void aWalLeftBehindIsRememberedByAnOpeningThatDoesNotCheck() throws Exception {
        Path file = store("remembered.db", true);
        damage(file);
        Path crashed = crashImage(file, "remembered-crash.db");
        // `norrlab sessions` opens it first (and closes it cleanly: the -wal is gone afterwards) ...
        SessionStore.open(crashed).close();
        assertThat(SessionStore.walFile(crashed)).doesNotExist();
        // ... and the run after it still reads the file through
        try (SessionStore store = SessionStore.open(crashed)) {
            assertThatThrownBy(store::checkIntegrity).isInstanceOf(StoreException.class)
                    .hasMessageContaining("remembered-crash.db is damaged (SQLite integrity check: ");
        }
    }

    @Test
    void aSoundFileIsCheckedOnceThenOnlyAfterAnUncleanClose() throws Exception {
        Path file = store("sound.db", false);
        try (SessionStore store = SessionStore.open(file)) {
            store.checkIntegrity();
            store.checkIntegrity();
        }
        try (SessionStore store = SessionStore.open(file)) {
            store.checkIntegrity();
        }
        // a full check each time one is due, and none otherwise: told by the record of passed checks
        List<String> first = checks(file);
        assertThat(first).hasSize(1);
        Path crashed = crashImage(file, "sound-crash.db");
        try (SessionStore store = SessionStore.open(crashed)) {
            store.checkIntegrity();
        }
        // the old record was forgotten when the -wal was found, and the new check recorded
        assertThat(checks(crashed)).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    private static List<String> checks(Path file) throws Exception {
        List<String> checked = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT checked_utc FROM integrity_checks")) {
            while (rs.next()) {
                checked.add(rs.getString(1));
            }
        }
        return checked;
    }
}
