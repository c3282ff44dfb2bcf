package org.norrlab.status;

import org.norrlab.core.Sample;
import org.norrlab.report.ResultRows;
import org.norrlab.report.ReportWriter;
import org.norrlab.report.ResultText;
import org.norrlab.report.SessionAnalysis;
import org.norrlab.report.StepAnalysis;
import org.norrlab.store.SessionListing;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredEvent;
import org.norrlab.store.StoredSession;
import org.norrlab.store.StoredStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the page shows, read from the store. One connection serves every request and live chart, so every read holds
 * this object's lock: a JDBC connection is not for two threads at once, and the reads are short (an index, the new
 * samples of one step). Only fields chosen here leave the server: never the store's address, run options or settings,
 * which may hold a password.
 */
final class StatusData {
    private static final Logger log = LoggerFactory.getLogger(StatusData.class);
    /** Events shown per session in the index. */
    static final int LATEST_EVENTS = 5;
    /** Sessions shown with their step, last current and events besides the running ones: the latest this many. */
    static final int DETAILED = 50;

    private final SessionStore store;
    private final Clock clock;
    private final String thisBench;

    StatusData(SessionStore store, Clock clock) {
        this(store, clock, "this bench");
    }

    /** @param thisBench the name of the bench a session without a lab bench was run on (the alerts' bench name) */
    StatusData(SessionStore store, Clock clock, String thisBench) {
        this.store = store;
        this.clock = clock;
        this.thisBench = thisBench;
    }

    record StepView(int index, String kind, String label, Double eVsRhe, double plannedSeconds, long samples,
                    String outcome, Double durationSeconds) {
    }

    /** Times on the page: to the second, UTC. */
    private static final DateTimeFormatter SECONDS_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    record EventView(int step, String kind, String message, String wallUtc, boolean alarming) {
    }

    /** What the badge says of a running session whose current step is a hold that has not ended. */
    static final String WAITING = "waiting for the operator";

    /**
     * Records go out as JSON with null for "not known" (no Optional: the page's script reads plain values). The state
     * is the status in words, except that a running session at a hold is {@link #WAITING}: from home, "running" hides
     * that the run needs someone.
     */
    record SessionRow(long id, String bench, String protocol, String sample, String status, String state, String started,
                      Double elapsedSeconds, int steps, StepView currentStep, Double lastCurrentAmperes,
                      Double lastSampleSeconds, Double remainingInStepSeconds, List<EventView> latestEvents) {
    }

    record Overview(String now, List<SessionRow> sessions) {
    }

    record Analysis(List<String> headers, List<List<String>> rows, List<String> notes) {
    }

    record Detail(SessionRow summary, String statusReason, String instrument, List<StepView> steps,
                  List<EventView> events, Analysis analysis, String analysisAbsent) {
    }

    /**
     * Every session of the store; the running ones and the {@link #DETAILED} latest with their step, last current and
     * events, the older ones as {@code norrlab sessions} lists them (a bench's years of sessions would otherwise cost
     * four queries each every two seconds).
     */
    synchronized Overview overview() throws StoreException {
        List<SessionListing> listing = store.listing();
        List<SessionRow> rows = new ArrayList<>();
        for (int k = 0; k < listing.size(); k++) {
            SessionListing s = listing.get(k);
            String bench = s.bench().orElse(thisBench);
            if (s.status() == SessionStatus.RUNNING || k >= listing.size() - DETAILED) {
                Optional<Instant> ended = s.status() == SessionStatus.RUNNING ? Optional.empty()
                        : store.session(s.id()).flatMap(StoredSession::ended);
                rows.add(row(s.id(), bench, s.protocolName(), s.sample(), s.status(), s.started(), ended));
            } else {
                rows.add(new SessionRow(s.id(), bench, s.protocolName(), s.sample(), s.status().dbName(), s.status().dbName(),
                        utc(s.started()), null, s.steps(), null, null, null, null, List.of()));
            }
        }
        return new Overview(clock.instant().toString(), rows);
    }

    /** One session, or empty when the store has none of that id. */
    synchronized Optional<Detail> detail(long id) throws StoreException {
        Optional<StoredSession> found = store.session(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get();
        String bench = session.runOptions().getOrDefault("bench", thisBench);
        SessionRow summary = row(id, bench, session.protocolName(), Optional.ofNullable(session.sample().sample()).orElse(""), session.status(),
                session.started(), session.ended());
        List<StepView> steps = store.steps(id).stream().map(StatusData::step).toList();
        List<EventView> events = store.events(id).stream().map(StatusData::event).toList();
        Analysis analysis = null;
        String absent = "";
        if (session.status() == SessionStatus.RUNNING) {
            absent = "FE and yield follow when the run has ended and its assays are stored";
        } else if (steps.stream().noneMatch(s -> s.kind().equals("ca"))) {
            absent = "no chronoamperometry step: no FE or yield";
        } else {
            try {
                analysis = analysis(SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT));
            } catch (StoreException | RuntimeException e) {
                // the message may name the store (a JDBC URL): the log has it, the page a plain sentence
                log.warn("the status page could not analyse session {}", id, e);
                absent = "the analysis failed; the server's log says why ('norrlab analyze " + id + "' shows it too)";
            }
        }
        return Optional.of(new Detail(summary, Optional.ofNullable(session.statusReason()).orElse(""),
                session.instrument().model(), steps, events, analysis, absent));
    }

    /**
     * The FE/yield figure of a session that has ended, as `report` draws it; empty for a running session, one without
     * a product or yield to draw, or none of that id.
     */
    synchronized Optional<String> feYieldSvg(long id) throws StoreException {
        Optional<StoredSession> session = store.session(id);
        if (session.isEmpty() || session.get().status() == SessionStatus.RUNNING
                || store.steps(id).stream().noneMatch(s -> s.kind().equals("ca"))) {
            return Optional.empty();
        }
        return ReportWriter.feYieldSvg(SessionAnalysis.analyze(store, id, SessionAnalysis.Options.DEFAULT));
    }

    /** The steps of a session as stored now (the last one is the running one while the session runs). */
    synchronized List<StoredStep> steps(long id) throws StoreException {
        return store.steps(id);
    }

    synchronized Optional<SessionStatus> status(long id) throws StoreException {
        return store.session(id).map(StoredSession::status);
    }

    /** Receives the new samples of a step: their sequence numbers and samples. */
    interface NewSamples {
        void add(long sequence, Sample sample);
    }

    synchronized void samplesAfter(long id, int step, long afterSequence, NewSamples into) throws StoreException {
        store.forEachSampleAfter(id, step, afterSequence, into::add);
    }

    private SessionRow row(long id, String bench, String protocol, String sample, SessionStatus status, Instant started,
                           Optional<Instant> ended) throws StoreException {
        Optional<Instant> end = status == SessionStatus.RUNNING ? Optional.of(clock.instant()) : ended;
        List<StoredStep> steps = store.steps(id);
        StepView current = null;
        Double lastCurrent = null;
        Double lastT = null;
        Double remaining = null;
        if (!steps.isEmpty()) {
            StoredStep last = steps.get(steps.size() - 1);
            current = step(last);
            Optional<Sample> latest = store.lastSample(id, last.index());
            if (latest.isPresent()) {
                lastT = latest.get().timeSeconds();
                lastCurrent = finite(latest.get().currentAmperes());
                if (status == SessionStatus.RUNNING && last.plannedDurationSeconds() > 0) {
                    remaining = Math.max(0, last.plannedDurationSeconds() - lastT);
                }
            }
        }
        List<StoredEvent> all = store.events(id);
        List<EventView> latest = all.subList(Math.max(0, all.size() - LATEST_EVENTS), all.size()).stream()
                .map(StatusData::event).toList();
        boolean atHold = status == SessionStatus.RUNNING && current != null && current.kind().equals("hold")
                && current.outcome().isEmpty();
        return new SessionRow(id, bench, protocol, sample, status.dbName(), atHold ? WAITING : status.dbName(), utc(started),
                end.map(e -> Duration.between(started, e).toMillis() / 1000.0).orElse(null), steps.size(), current, lastCurrent, lastT, remaining,
                latest);
    }

    private static StepView step(StoredStep s) {
        return new StepView(s.index(), s.kind(), s.label(), finite(s.voltsVsRhe()), s.plannedDurationSeconds(),
                s.sampleCount(), s.outcome().map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).orElse(""),
                finite(s.durationSeconds()));
    }

    private static EventView event(StoredEvent e) {
        String kind = e.event().kind().name();
        boolean alarming = switch (e.event().kind()) {
            case GAP, ENVELOPE_BREACH, DEVICE_ERROR, FAILURE, OPERATOR_ABORT, HOLD -> true;
            default -> false;
        };
        return new EventView(e.stepIndex(), kind, e.event().message(), utc(e.wallTime()), alarming);
    }

    private static Analysis analysis(SessionAnalysis.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (StepAnalysis step : result.steps()) {
            rows.add(ResultRows.cells(step));
        }
        List<String> notes = new ArrayList<>();
        for (StepAnalysis step : result.steps()) {
            step.notes().forEach(note -> notes.add("step " + step.step().index() + ": " + note));
        }
        notes.addAll(ResultText.flagNotes(result.steps()));
        notes.addAll(result.correctionNotes());
        return new Analysis(ResultRows.HEADERS, rows, notes);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** A time as a person reads it on the page: to the second, in UTC, which the page's headings say. */
    private static String utc(Instant time) {
        return SECONDS_UTC.format(time);
    }
}
