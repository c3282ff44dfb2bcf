package org.norrlab.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert: what happened, where (bench and session) and what state the cell is in, so that whoever reads it on a
 * phone at night knows whether to come in. Every channel renders the same fields; {@link #text()} is the one
 * human-readable form they share.
 *
 * @param kind      which event
 * @param bench     which bench (the alerts block's bench, else this computer's name)
 * @param session   the session's id, empty when there is none (a test alert, a failure before the session began)
 * @param what      what happened, in an operator's words
 * @param cellState the state the cell is left in, e.g. "off", "held at 0.05 V vs RHE", "unknown: link lost"
 * @param time      when the event happened
 * @param table     a table to show below the message (run finished: the FE/yield table), as plain text
 */
public record Alert(Kind kind, String bench, Optional<Long> session, String what, String cellState, Instant time,
                    Optional<String> table) {

    /** The events issue 24 names, and the test message of {@code norrlab alert test}. */
    public enum Kind {
        RUN_FINISHED("run finished"),
        STEP_FAILED("step failed"),
        LINK_LOST("link lost"),
        SAFETY_BREACH("safety breach"),
        WATCHDOG("watchdog"),
        HOLD_WAITING("waiting for the operator"),
        STORE_FAILURE("store failure"),
        TEST("test");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind as a person reads it, e.g. "safety breach". */
        public String words() {
            return words;
        }
    }

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bench, "bench");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(cellState, "cellState");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(table, "table");
    }

    /**
     * The message as one text: a first line that fits a phone's notification, then the cell state and the table.
     * Times are UTC with the zone written out, so that a reader in another time zone is not misled.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("norrlab ").append(bench).append(": ").append(kind.words());
        session.ifPresent(id -> text.append(", session ").append(id));
        text.append(" - ").append(what).append('\n');
        text.append("cell: ").append(cellState).append('\n');
        text.append("at ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)
                .withNano(0))).append(" UTC");
        table.ifPresent(t -> text.append('\n').append(t));
        return text.toString();
    }
}
