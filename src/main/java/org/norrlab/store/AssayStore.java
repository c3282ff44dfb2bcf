package org.norrlab.store;

import com.fasterxml.jackson.core.type.TypeReference;
import org.norrlab.analysis.Assay;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.Standard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Calibrations, assays and control links: the analysis inputs kept beside the sessions. */
public final class AssayStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AssayStore.class);
    private final StoreLocation file;
    private final Connection connection;

    AssayStore(StoreLocation file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public long addCalibration(Calibration c) throws StoreException {
        String sql = "INSERT INTO calibrations (created_utc, operator, note, product, method, wavelength_nm, unit,"
                + " source_file, standards_json, blanks_json, accepted_poor_fit, uid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, c.created().toString());
            ps.setString(2, c.operator());
            ps.setString(3, c.note());
            ps.setString(4, c.product().name());
            ps.setString(5, c.method());
            ps.setDouble(6, c.wavelengthNm());
            ps.setString(7, c.unit());
            ps.setString(8, c.sourceFile());
            ps.setString(9, Json.write(c.standards()));
            ps.setString(10, Json.write(c.blankAbsorbances()));
            ps.setInt(11, c.acceptedPoorFit() ? 1 : 0);
            ps.setString(12, SessionStore.newUid());
            ps.executeUpdate();
            return generatedId(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot store the calibration in " + file + ": " + e.getMessage(), e);
        }
    }

    public List<Calibration> calibrations() throws StoreException {
        return queryCalibrations("SELECT * FROM calibrations ORDER BY id", null);
    }

    public Optional<Calibration> calibration(long id) throws StoreException {
        return queryCalibrations("SELECT * FROM calibrations WHERE id = ?", id).stream().findFirst();
    }

    private List<Calibration> queryCalibrations(String sql, Long id) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            List<Calibration> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Standard> standards = Json.MAPPER.readValue(rs.getString("standards_json"),
                            new TypeReference<List<Standard>>() { });
                    List<Double> blanks = Json.MAPPER.readValue(rs.getString("blanks_json"),
                            new TypeReference<List<Double>>() { });
                    list.add(new Calibration(rs.getLong("id"), Instant.parse(rs.getString("created_utc")),
                            rs.getString("operator"), rs.getString("note"), Product.valueOf(rs.getString("product")),
                            rs.getString("method"), rs.getDouble("wavelength_nm"), rs.getString("unit"),
                            rs.getString("source_file"), standards, blanks, rs.getInt("accepted_poor_fit") == 1));
                }
            }
            return list;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("cannot read calibrations from " + file + ": " + e.getMessage(), e);
        }
    }

    static final String INSERT_ASSAY = "INSERT INTO assays (session_id, step_index, product, created_utc, operator,"
            + " note, kind, value, value_sd, unit, calibration_id, dilution, dilution_rel_sd, volume_ml, volume_sd_ml,"
            + " gas_flow_ml_min, gas_minutes, uid, place) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    public long addAssay(long sessionId, Assay a) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT_ASSAY, Statement.RETURN_GENERATED_KEYS)) {
            return insertAssay(ps, sessionId, a);
        } catch (SQLException e) {
            throw new StoreException("cannot store the assay in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores many assays in one transaction: all of them or, if anything fails (or the process is killed),
     * none, so that importing the file again never stores a row twice.
     */
    public List<Long> addAssays(long sessionId, List<Assay> assays) throws StoreException {
        List<Long> ids = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(INSERT_ASSAY, Statement.RETURN_GENERATED_KEYS)) {
                for (Assay a : assays) {
                    ids.add(insertAssay(ps, sessionId, a));
                }
            }
            connection.commit();
            return ids;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException("cannot store the assays in " + file + " (none was stored): " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                log.error("cannot restore autocommit on {}", file, e);
            }
        }
    }

    static long insertAssay(PreparedStatement ps, long sessionId, Assay a) throws SQLException {
        return insertAssay(ps, sessionId, a, SessionStore.newUid());
    }

    private static long insertAssay(PreparedStatement ps, long sessionId, Assay a, String uid) throws SQLException {
        ps.setLong(1, sessionId);
        ps.setInt(2, a.stepIndex());
        ps.setString(3, a.product().name());
        ps.setString(4, a.created().toString());
        ps.setString(5, a.operator());
        ps.setString(6, a.note());
        ps.setString(7, a.kind().name().toLowerCase(Locale.ROOT));
        ps.setDouble(8, a.value().value());
        ps.setDouble(9, a.value().sigma());
        ps.setString(10, a.unit());
        if (a.calibrationId().isPresent()) {
            ps.setLong(11, a.calibrationId().get());
        } else {
            ps.setNull(11, Types.INTEGER);
        }
        ps.setDouble(12, a.dilution());
        ps.setDouble(13, a.dilutionRelativeSigma());
        setOptional(ps, 14, a.volumeMl().map(Measure::value));
        setOptional(ps, 15, a.volumeMl().map(Measure::sigma));
        setOptional(ps, 16, a.gasFlowMlPerMinute());
        setOptional(ps, 17, a.gasMinutes());
        ps.setString(18, uid);
        ps.setString(19, a.place().written());
        ps.executeUpdate();
        return generatedId(ps);
    }

    /**
     * Every assay of a session ever stored, those corrected or removed since included (the history; see
     * {@link #currentAssays}).
     */
    public List<Assay> assays(long sessionId) throws StoreException {
        return queryAssays("SELECT * FROM assays WHERE session_id = ? ORDER BY step_index, id", sessionId,
                "the assays of session " + sessionId);
    }

    /**
     * The assays of a session the analysis uses: every one not superseded by a correction nor removed (schema 12's
     * corrections name them by uid).
     */
    public List<Assay> currentAssays(long sessionId) throws StoreException {
        return queryAssays("SELECT * FROM assays a WHERE session_id = ? AND NOT EXISTS (SELECT 1 FROM corrections c"
                + " WHERE c.assay_uid = a.uid) ORDER BY step_index, id", sessionId, "the assays of session " + sessionId);
    }

    /** This store's uid of each assay of a session, by the assay's id: the name the corrections' trail uses. */
    public Map<Long, String> assayUids(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, uid FROM assays WHERE session_id = ?")) {
            ps.setLong(1, sessionId);
            Map<Long, String> uids = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uids.put(rs.getLong(1), rs.getString(2));
                }
            }
            return uids;
        } catch (SQLException e) {
            throw new StoreException("cannot read the assays of session " + sessionId + " from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Stores the assays and calibrations an export brought along with imported session {@code sessionId}, on the
     * import's connection and so in its transaction. A calibration identical to one the store has (everything but the
     * id) is reused, else stored as new; each assay is re-pointed to it. Each assay gets a uid of its own, as the
     * imported session does (the same export imported twice makes two sessions with their own assays).
     *
     * @return the new uid of each exported assay uid, for the trail's corrections to follow
     */
    public Map<String, String> addImported(long sessionId, List<AssayExportLines.ExportedCalibration> exportedCalibrations,
                                           List<AssayExportLines.ExportedAssay> exportedAssays) throws StoreException {
        Map<Long, Long> calibrationIds = new HashMap<>();
        List<Calibration> existing = calibrations();
        for (AssayExportLines.ExportedCalibration exported : exportedCalibrations) {
            Calibration c = exported.calibration();
            Optional<Calibration> same = existing.stream().filter(e -> withId(e, 0).equals(withId(c, 0))).findFirst();
            calibrationIds.put(exported.exportedId(), same.isPresent() ? same.get().id() : addCalibration(c));
        }
        Map<String, String> uids = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(INSERT_ASSAY, Statement.RETURN_GENERATED_KEYS)) {
            for (AssayExportLines.ExportedAssay exported : exportedAssays) {
                Assay a = exported.assay();
                Optional<Long> calibration = a.calibrationId().map(id -> Optional.ofNullable(calibrationIds.get(id))
                        .orElseThrow(() -> new IllegalStateException("assay " + exported.uid() + " names calibration " + id
                                + ", which the export does not list")));
                String uid = SessionStore.newUid();
                insertAssay(ps, sessionId, new Assay(0, a.stepIndex(), a.product(), a.kind(), a.value(), a.unit(),
                        calibration, a.dilution(), a.dilutionRelativeSigma(), a.volumeMl(), a.gasFlowMlPerMinute(),
                        a.gasMinutes(), a.operator(), a.note(), a.created(), a.place()), uid);
                uids.put(exported.uid(), uid);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the assays of imported session " + sessionId + " in " + file + ": "
                    + e.getMessage(), e);
        }
        return uids;
    }

    private static Calibration withId(Calibration c, long id) {
        return new Calibration(id, c.created(), c.operator(), c.note(), c.product(), c.method(), c.wavelengthNm(), c.unit(),
                c.sourceFile(), c.standards(), c.blankAbsorbances(), c.acceptedPoorFit());
    }

    /** One assay by its id in this store, whichever session it belongs to. */
    public Optional<Assay> assay(long assayId) throws StoreException {
        return queryAssays("SELECT * FROM assays WHERE id = ?", assayId, "assay " + assayId).stream().findFirst();
    }

    /** The session an assay belongs to. */
    public long sessionOf(long assayId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT session_id FROM assays WHERE id = ?")) {
            ps.setLong(1, assayId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("there is no assay " + assayId + " in " + file);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read assay " + assayId + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Assay> queryAssays(String sql, long key, String what) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key);
            List<Assay> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long calibration = rs.getLong("calibration_id");
                    Optional<Long> calibrationId = rs.wasNull() ? Optional.empty() : Optional.of(calibration);
                    Optional<Double> volume = optional(rs, "volume_ml");
                    Optional<Double> volumeSd = optional(rs, "volume_sd_ml");
                    list.add(new Assay(rs.getLong("id"), rs.getInt("step_index"), Product.valueOf(rs.getString("product")),
                            Assay.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                            new Measure(rs.getDouble("value"), rs.getDouble("value_sd")), rs.getString("unit"),
                            calibrationId, rs.getDouble("dilution"), rs.getDouble("dilution_rel_sd"),
                            volume.map(v -> new Measure(v, volumeSd.orElse(0.0))), optional(rs, "gas_flow_ml_min"),
                            optional(rs, "gas_minutes"), rs.getString("operator"), rs.getString("note"),
                            Instant.parse(rs.getString("created_utc")), Assay.Place.parse(rs.getString("place"))));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + " from " + file + ": " + e.getMessage(), e);
        }
    }

    public void addControl(ControlLink link) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO controls (session_id, step_index,"
                + " control_session_id, control_step_index, created_utc, note, uid) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, link.sessionId());
            setOptionalInt(ps, 2, link.stepIndex());
            ps.setLong(3, link.controlSessionId());
            setOptionalInt(ps, 4, link.controlStepIndex());
            ps.setString(5, Instant.now().toString());
            ps.setString(6, link.note());
            ps.setString(7, SessionStore.newUid());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store the control link in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Control links of a session, newest first: a newer link for the same step overrides an older one. */
    public List<ControlLink> controls(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM controls WHERE session_id = ? ORDER BY id DESC")) {
            ps.setLong(1, sessionId);
            List<ControlLink> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new ControlLink(rs.getLong("session_id"), optional(rs, "step_index").map(Double::intValue),
                            rs.getLong("control_session_id"), optional(rs, "control_step_index").map(Double::intValue),
                            rs.getString("note")));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read the controls of session " + sessionId + " from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static Optional<Double> optional(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<Double> value) throws SQLException {
        if (value.isPresent()) {
            ps.setDouble(index, value.get());
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }

    private static void setOptionalInt(PreparedStatement ps, int index, Optional<Integer> value) throws SQLException {
        if (value.isPresent()) {
            ps.setInt(index, value.get());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }
}
