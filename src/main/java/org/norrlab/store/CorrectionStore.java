package org.norrlab.store;

import org.norrlab.analysis.Assay;
import org.norrlab.core.BadInputException;
import org.norrlab.electrochem.CellSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrections made after a run, with their audit trail (schema 12): nothing is changed in place. A corrected assay is
 * a new assay that supersedes the old one, a removed assay stays stored but out of the analysis, and a session's cell
 * values are corrected by rows the analysis lays over the values the run recorded.
 */
public final class CorrectionStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CorrectionStore.class);
    private static final String INSERT = "INSERT INTO corrections (session_id, assay_uid, replacement_uid, field, old_value,"
            + " new_value, reason, operator, created_utc, uid) VALUES (?,?,?,?,?,?,?,?,?,?)";

    /** One field changed: its name and its value before and after, as text. */
    public record Change(String field, String oldValue, String newValue) {
        /** The fields whose value differs between before and after (keyed alike), in the order of before. */
        public static List<Change> between(Map<String, String> before, Map<String, String> after) {
            List<Change> changes = new ArrayList<>();
            before.forEach((field, value) -> {
                if (!value.equals(after.get(field))) {
                    changes.add(new Change(field, value, after.get(field)));
                }
            });
            return changes;
        }

        /** "ph 7.0 → 7.2, electrode_area 0.5 → 1.0", as the correcting commands print it. */
        public static String written(List<Change> changes) {
            return String.join(", ", changes.stream().map(c -> c.field() + " " + c.oldValue() + " → " + c.newValue())
                    .toList());
        }
    }

    private final StoreLocation location;
    private final Connection connection;

    CorrectionStore(StoreLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** The trail of a session, oldest first, with this store's ids of the assays it names. */
    public List<StoredCorrection> corrections(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.*, a.id AS assay_id, r.id AS replacement_id"
                + " FROM corrections c LEFT JOIN assays a ON a.uid = c.assay_uid"
                + " LEFT JOIN assays r ON r.uid = c.replacement_uid WHERE c.session_id = ? ORDER BY c.created_utc, c.id")) {
            ps.setLong(1, sessionId);
            List<StoredCorrection> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new StoredCorrection(rs.getLong("id"), Optional.ofNullable(rs.getString("assay_uid")),
                            id(rs, "assay_id"), Optional.ofNullable(rs.getString("replacement_uid")), id(rs, "replacement_id"),
                            rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
                            rs.getString("reason"), rs.getString("operator"), Instant.parse(rs.getString("created_utc")),
                            rs.getString("uid")));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read the corrections of session " + sessionId + " from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** The cell the analysis uses: the recorded one with every session correction laid over it in order. */
    public static CellSettings correctedCell(CellSettings recorded, List<StoredCorrection> trail) {
        CellSettings cell = recorded;
        for (StoredCorrection c : trail) {
            if (c.isSessionField()) {
                Optional<StoredCorrection.SessionField> field = StoredCorrection.SessionField.ofKey(c.field());
                if (field.isEmpty()) {
                    throw new IllegalStateException("correction " + c.uid() + " changes '" + c.field()
                            + "', which this version of norrlab does not know");
                }
                cell = field.get().applyTo(cell, c.newValue());
            }
        }
        return cell;
    }

    /** Corrects session fields, all in one transaction; the changes' old values are the session's current ones. */
    public void correctSession(long sessionId, List<Change> changes, String reason, String operator) throws StoreException {
        requireReason(reason);
        inTransaction("correct session " + sessionId, () -> {
            Instant now = Instant.now();
            for (Change change : changes) {
                insert(sessionId, null, null, change, reason, operator, now, SessionStore.newUid());
            }
            return null;
        });
    }

    /** Takes an assay out of the analysis; it stays stored, and the trail says who removed it, when and why. */
    public void removeAssay(long assayId, String description, String reason, String operator) throws StoreException {
        requireReason(reason);
        Current current = current(assayId);
        inTransaction("remove assay " + assayId, () -> {
            insert(current.sessionId, current.uid, null, new Change(StoredCorrection.REMOVED, description, ""), reason,
                    operator, Instant.now(), SessionStore.newUid());
            return null;
        });
    }

    /** Stores {@code corrected} as a new assay that supersedes assay {@code assayId}; returns the new assay's id. */
    public long correctAssay(long assayId, Assay corrected, List<Change> changes, String reason, String operator)
            throws StoreException {
        requireReason(reason);
        if (changes.isEmpty()) {
            throw new BadInputException("nothing to correct: give at least one new value for assay " + assayId);
        }
        Current current = current(assayId);
        return inTransaction("correct assay " + assayId, () -> {
            long newId;
            try (PreparedStatement ps = connection.prepareStatement(AssayStore.INSERT_ASSAY, Statement.RETURN_GENERATED_KEYS)) {
                newId = AssayStore.insertAssay(ps, current.sessionId, corrected);
            }
            String replacement = uidOf(newId);
            Instant now = Instant.now();
            for (Change change : changes) {
                insert(current.sessionId, current.uid, replacement, change, reason, operator, now, SessionStore.newUid());
            }
            return newId;
        });
    }

    /**
     * Writes a correction that came with an export into the imported session, inside the import's transaction when
     * there is one (the connection is the importer's). It gets a uid of its own, as the imported session does: the
     * same export imported twice makes two sessions, each with its trail. The assays it names are named by uid and
     * need not be in this store.
     */
    public void addImported(long sessionId, StoredCorrection c) throws StoreException {
        try {
            insert(sessionId, c.assayUid().orElse(null), c.replacementUid().orElse(null),
                    new Change(c.field(), c.oldValue(), c.newValue()), c.reason(), c.operator(), c.created(),
                    SessionStore.newUid());
        } catch (SQLException e) {
            throw new StoreException("cannot store a correction of session " + sessionId + " in " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private record Current(long sessionId, String uid) {
    }

    /** The assay's session and uid; refused when there is no such assay or it was corrected or removed already. */
    private Current current(long assayId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT session_id, uid FROM assays WHERE id = ?")) {
            ps.setLong(1, assayId);
            Current current;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new BadInputException("there is no assay " + assayId + " in " + location
                            + "; 'norrlab assay list SESSION' lists a session's assays");
                }
                current = new Current(rs.getLong(1), rs.getString(2));
            }
            for (StoredCorrection c : corrections(current.sessionId)) {
                if (c.assayUid().filter(current.uid::equals).isPresent()) {
                    throw new BadInputException("assay " + assayId + " was " + (c.replacementId().isPresent()
                            ? "corrected already (assay " + c.replacementId().get() + " replaced it on " + c.created()
                            + "): correct assay " + c.replacementId().get() + " instead"
                            : "removed already on " + c.created() + " (" + c.reason() + ")"));
                }
            }
            return current;
        } catch (SQLException e) {
            throw new StoreException("cannot read assay " + assayId + " from " + location + ": " + e.getMessage(), e);
        }
    }

    private String uidOf(long assayId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT uid FROM assays WHERE id = ?")) {
            ps.setLong(1, assayId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void insert(long sessionId, String assayUid, String replacementUid, Change change, String reason,
                        String operator, Instant at, String uid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            ps.setLong(1, sessionId);
            setText(ps, 2, assayUid);
            setText(ps, 3, replacementUid);
            ps.setString(4, change.field());
            ps.setString(5, change.oldValue());
            ps.setString(6, change.newValue());
            ps.setString(7, reason);
            ps.setString(8, operator);
            ps.setString(9, at.toString());
            ps.setString(10, uid);
            ps.executeUpdate();
        }
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** A correction without a reason is no audit trail: refused before anything is written. */
    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("a correction needs --reason: say why the value was wrong (e.g. --reason"
                    + " 'pH re-measured after the run'); it is kept in the session's trail");
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) throws StoreException {
        SessionStore.requireWritable(location);
        try {
            connection.setAutoCommit(false);
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException("cannot " + what + " in " + location + " (nothing was stored): " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                log.error("cannot restore autocommit on {}", location, e);
            }
        }
    }

    private static Optional<Long> id(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
