package org.norrlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What became of a session's alerts on each channel (schema 17): one row per alert and channel, written when it is
 * settled. {@code sessions} prints the counts, {@code show} the alerts that did not go out. The store knows alerts only
 * as text (the alert package is above it): the channel's printable name and the kind in words.
 */
public final class AlertDeliveryStore {
    /** Sent, failed after every retry, or dropped (its queue was full or already closed). */
    public enum Outcome {
        SENT, FAILED, DROPPED;

        public String dbName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(String dbName) {
            return valueOf(dbName.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One alert settled on one channel.
     *
     * @param kind     the alert's kind as a person reads it, e.g. "run finished"
     * @param event    when the event the alert is about happened
     * @param attempts tries made, 0 for a dropped alert
     * @param reason   why it was not sent, already without secrets; "" when sent
     * @param settled  when it was sent or given up
     */
    public record Delivery(long sessionId, String channel, String kind, Instant event, Outcome outcome, int attempts,
                           String reason, Instant settled) {
        public Delivery {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(settled, "settled");
            if (sessionId < 1) {
                throw new IllegalArgumentException("a delivery belongs to a session, was session " + sessionId);
            }
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
            }
        }
    }

    /** A session's deliveries counted by outcome (alerts times channels). */
    public record Tally(long sent, long failed, long dropped) {
        public static final Tally NONE = new Tally(0, 0, 0);

        /** "4 sent, 1 failed" — the outcomes that happened, sent always, for {@code sessions}. */
        public String words() {
            StringBuilder text = new StringBuilder().append(sent).append(" sent");
            if (failed > 0) {
                text.append(", ").append(failed).append(" failed");
            }
            if (dropped > 0) {
                text.append(", ").append(dropped).append(" dropped");
            }
            return text.toString();
        }
    }

    private final StoreLocation location;
    private final Connection connection;

    AlertDeliveryStore(StoreLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** Records the deliveries in one transaction (a few at a time: they come as alerts settle). */
    public void record(List<Delivery> deliveries) throws StoreException {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO alert_deliveries (session_id, channel,"
                    + " kind, event_utc, outcome, attempts, reason, settled_utc) VALUES (?,?,?,?,?,?,?,?)")) {
                for (Delivery d : deliveries) {
                    ps.setLong(1, d.sessionId());
                    ps.setString(2, d.channel());
                    ps.setString(3, d.kind());
                    ps.setString(4, d.event().toString());
                    ps.setString(5, d.outcome().dbName());
                    ps.setInt(6, d.attempts());
                    ps.setString(7, d.reason());
                    ps.setString(8, d.settled().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record " + deliveries.size() + " alert deliveries of session "
                    + deliveries.get(0).sessionId() + " in " + location + ": " + e.getMessage(), e);
        }
    }

    /** A session's deliveries in the order they were recorded. */
    public List<Delivery> deliveries(long sessionId) throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT channel, kind, event_utc, outcome, attempts, reason,"
                + " settled_utc FROM alert_deliveries WHERE session_id = ? ORDER BY id")) {
            ps.setLong(1, sessionId);
            List<Delivery> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Delivery(sessionId, rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                            Outcome.of(rs.getString(4)), rs.getInt(5), rs.getString(6), Instant.parse(rs.getString(7))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read the alert deliveries of session " + sessionId + " from " + location
                    + ": " + e.getMessage(), e);
        }
    }

    /** Every session that has deliveries, with their counts; a session without any is not in the map. */
    public Map<Long, Tally> tallies() throws StoreException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT session_id, outcome, count(*) FROM alert_deliveries"
                + " GROUP BY session_id, outcome");
             ResultSet rs = ps.executeQuery()) {
            Map<Long, long[]> counts = new HashMap<>();
            while (rs.next()) {
                long[] c = counts.computeIfAbsent(rs.getLong(1), id -> new long[3]);
                c[Outcome.of(rs.getString(2)).ordinal()] += rs.getLong(3);
            }
            Map<Long, Tally> tallies = new HashMap<>();
            counts.forEach((id, c) -> tallies.put(id, new Tally(c[0], c[1], c[2])));
            return tallies;
        } catch (SQLException e) {
            throw new StoreException("cannot count the alert deliveries in " + location + ": " + e.getMessage(), e);
        }
    }
}
