package org.norrlab.store;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.UncompensatedResistance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Impedance spectra and the uncompensated resistance of a session (schema 14): the {@code impedance} table, one row
 * per frequency of an EIS step, and the {@code resistances} table, where the newest row is the R_u in force.
 */
public final class ImpedanceStore {
    static final String INSERT_POINT = "INSERT INTO impedance (session_id, step_index, seq, t_s, frequency_hz,"
            + " z_real_ohm, z_imag_ohm, modulus_ohm, phase_deg, dc_e_v, dc_i_a, range_a, flags)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_RESISTANCE = "INSERT INTO resistances (session_id, ru_ohm, stderr_ohm, method,"
            + " spectrum_step, compensated_fraction, note, created_utc, uid) VALUES (?,?,?,?,?,?,?,?,?)";

    private final StoreLocation location;
    private final Connection connection;

    ImpedanceStore(StoreLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** Binds one point to {@link #INSERT_POINT} (for the run's writer and importers, which batch them). */
    static void bind(PreparedStatement insert, long sessionId, int stepIndex, long sequence, ImpedancePoint p)
            throws SQLException {
        insert.setLong(1, sessionId);
        insert.setInt(2, stepIndex);
        insert.setLong(3, sequence);
        insert.setDouble(4, p.timeSeconds());
        insert.setDouble(5, p.frequencyHz());
        boolean has = p.hasImpedance();
        SessionStore.setNullableDouble(insert, 6, has ? p.realOhms() : Double.NaN);
        SessionStore.setNullableDouble(insert, 7, has ? p.imaginaryOhms() : Double.NaN);
        SessionStore.setNullableDouble(insert, 8, has ? p.modulusOhms() : Double.NaN);
        SessionStore.setNullableDouble(insert, 9, has ? p.phaseDegrees() : Double.NaN);
        SessionStore.setNullableDouble(insert, 10, p.dcPotentialVolts());
        SessionStore.setNullableDouble(insert, 11, p.dcCurrentAmperes());
        SessionStore.setNullableDouble(insert, 12, p.rangeAmperes());
        insert.setInt(13, p.flags());
    }

    /** Stores a whole spectrum for a step (an import); numbered from 0. */
    public void addSpectrum(long sessionId, int stepIndex, List<ImpedancePoint> points) throws StoreException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POINT)) {
            long seq = 0;
            for (ImpedancePoint p : points) {
                bind(insert, sessionId, stepIndex, seq++, p);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot store the impedance spectrum of step " + stepIndex + " of session "
                    + sessionId + " in " + location + ": " + e.getMessage(), e);
        }
    }

    /** The spectrum of one step, in the order measured; empty when the step has none. */
    public List<ImpedancePoint> spectrum(long sessionId, int stepIndex) throws StoreException {
        return spectra(sessionId, OptionalInt.of(stepIndex)).getOrDefault(stepIndex, List.of());
    }

    /** Every spectrum of a session, by step index in step order. */
    public Map<Integer, List<ImpedancePoint>> spectra(long sessionId) throws StoreException {
        return spectra(sessionId, OptionalInt.empty());
    }

    private Map<Integer, List<ImpedancePoint>> spectra(long sessionId, OptionalInt step) throws StoreException {
        String sql = "SELECT step_index, t_s, frequency_hz, z_real_ohm, z_imag_ohm, dc_e_v, dc_i_a, range_a, flags"
                + " FROM impedance WHERE session_id = ?" + (step.isPresent() ? " AND step_index = ?" : "")
                + " ORDER BY step_index, seq";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, sessionId);
            if (step.isPresent()) {
                ps.setInt(2, step.getAsInt());
            }
            Map<Integer, List<ImpedancePoint>> spectra = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int flags = rs.getInt("flags");
                    boolean missing = SampleFlag.NO_IMPEDANCE.isSetIn(flags);
                    spectra.computeIfAbsent(rs.getInt("step_index"), i -> new ArrayList<>()).add(new ImpedancePoint(
                            rs.getDouble("t_s"), rs.getDouble("frequency_hz"),
                            missing ? Double.NaN : rs.getDouble("z_real_ohm"),
                            missing ? Double.NaN : rs.getDouble("z_imag_ohm"), nullable(rs, "dc_e_v"),
                            nullable(rs, "dc_i_a"), nullable(rs, "range_a"), flags));
                }
            }
            return spectra;
        } catch (SQLException e) {
            throw new StoreException("cannot read the impedance spectra of session " + sessionId + " from " + location
                    + ": " + e.getMessage(), e);
        }
    }

    /** Records the R_u in force from now on for a session (the older rows stay, as its history). */
    public void recordResistance(long sessionId, UncompensatedResistance ru) throws StoreException {
        recordResistance(sessionId, ru, newUid());
    }

    /** A lab-wide name for a new row of the R_u history (32 hex digits, like a session's). */
    static String newUid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether this store has a row of an R_u history named {@code uid}. */
    boolean hasResistance(String uid) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM resistances WHERE uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up R_u " + uid + " in " + location + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #recordResistance(long, UncompensatedResistance)} with the row's uid given (sync, import). */
    public void recordResistance(long sessionId, UncompensatedResistance ru, String uid) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT_RESISTANCE)) {
            ps.setLong(1, sessionId);
            ps.setDouble(2, ru.ohms());
            SessionStore.setNullableDouble(ps, 3, ru.standardErrorOhms());
            ps.setString(4, ru.method());
            if (ru.spectrumStep().isPresent()) {
                ps.setInt(5, ru.spectrumStep().getAsInt());
            } else {
                ps.setNull(5, Types.INTEGER);
            }
            ps.setDouble(6, ru.compensatedFraction());
            ps.setString(7, ru.note());
            ps.setString(8, ru.recordedAt().toString());
            ps.setString(9, uid);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record R_u for session " + sessionId + " in " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** The R_u in force for a session: the newest recorded; empty when none was. */
    public Optional<UncompensatedResistance> resistance(long sessionId) throws StoreException {
        List<UncompensatedResistance> all = resistances(sessionId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every R_u recorded for a session, oldest first. */
    public List<UncompensatedResistance> resistances(long sessionId) throws StoreException {
        return history(sessionId).stream().map(StoredResistance::resistance).toList();
    }

    /** Every R_u recorded for a session with the uid of its row, oldest first (the last is in force). */
    public List<StoredResistance> history(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM resistances WHERE session_id = ?"
                + " ORDER BY id")) {
            ps.setLong(1, sessionId);
            List<StoredResistance> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int step = rs.getInt("spectrum_step");
                    OptionalInt spectrumStep = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(step);
                    list.add(new StoredResistance(rs.getString("uid"), new UncompensatedResistance(rs.getDouble("ru_ohm"),
                            nullable(rs, "stderr_ohm"), rs.getString("method"), spectrumStep,
                            rs.getDouble("compensated_fraction"), Instant.parse(rs.getString("created_utc")),
                            rs.getString("note"))));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read R_u of session " + sessionId + " from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private static double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
