package org.norrlab.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.StoreException;
import org.norrlab.store.StoredStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The live I(t) of a session as server-sent events. Each stream polls the store every {@link #POLL} and pushes only
 * what is new: {@code step} when a step starts (the page clears the chart and reloads the step table), {@code points}
 * with the new samples of the running step (min/max-thinned when many came at once: a run at 120× speed stores
 * hundreds per poll), and {@code end} with the session's status once it has stopped running. A stream holds one server
 * thread while open, so at most serve.max_live_streams are open at once.
 */
final class LiveStreams {
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    static final Duration POLL = Duration.ofMillis(500);
    /** Points of the step's history sent when a stream opens, and of each later poll at most. */
    static final int HISTORY_POINTS = 2000;
    static final int POLL_POINTS = 400;
    /** A comment line this often keeps proxies and the browser from closing a quiet stream. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final StatusData data;
    private final Semaphore slots;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean stopping;

    LiveStreams(StatusData data, int maxStreams) {
        this.data = data;
        this.slots = new Semaphore(maxStreams);
    }

    /** Ends every open stream at its next poll (the server is stopping). */
    void stop() {
        stopping = true;
    }

    boolean serve(long id, Response response, Callback callback, boolean head) throws StoreException {
        if (data.status(id).isEmpty()) {
            return Guard.refuse(response, callback, HttpStatus.NOT_FOUND_404, "No such session.");
        }
        if (!slots.tryAcquire()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "10");
            return Guard.refuse(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "Too many live charts are open;"
                    + " close one, or raise serve.max_live_streams in config/site.yaml.");
        }
        try {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            if (head) {
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
            stream(id, response);
            Content.Sink.write(response, true, ByteBuffer.allocate(0));
            callback.succeeded();
        } catch (IOException e) {
            // the browser went away (tab closed, network gone): the usual end of a stream
            log.debug("live stream of session {} ended: {}", id, e.toString());
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (StoreException e) {
            log.error("the live stream of session {} could not read the store", id, e);
            callback.failed(e);
        } finally {
            slots.release();
        }
        return true;
    }

    private void stream(long id, Response response) throws IOException, StoreException, InterruptedException {
        Cursor cursor = new Cursor();
        long lastWrite = System.nanoTime();
        while (!stopping) {
            // the status first: when it says the run has ended, the samples read after it are all there are
            Optional<SessionStatus> status = data.status(id);
            boolean sent = poll(id, cursor, response);
            if (status.isEmpty() || status.get() != SessionStatus.RUNNING) {
                event(response, "end", Map.of("status", status.map(SessionStatus::dbName).orElse("removed")));
                return;
            }
            if (sent) {
                lastWrite = System.nanoTime();
            } else if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                Content.Sink.write(response, false, ByteBuffer.wrap(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8)));
                lastWrite = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Where a stream has got to: the step it shows and the last sample it sent. */
    private static final class Cursor {
        int step = -1;
        long sequence = Long.MIN_VALUE;
        boolean history = true;
    }

    /** Sends what is new since the cursor; true when anything was sent. */
    private boolean poll(long id, Cursor cursor, Response response) throws IOException, StoreException {
        List<StoredStep> steps = data.steps(id);
        if (steps.isEmpty()) {
            return false;
        }
        boolean sent = false;
        StoredStep last = steps.get(steps.size() - 1);
        if (last.index() != cursor.step) {
            cursor.step = last.index();
            cursor.sequence = Long.MIN_VALUE;
            cursor.history = true;
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("index", last.index());
            step.put("kind", last.kind());
            step.put("label", last.label());
            step.put("eVsRhe", Double.isFinite(last.voltsVsRhe()) ? last.voltsVsRhe() : null);
            step.put("plannedSeconds", last.plannedDurationSeconds());
            event(response, "step", step);
            sent = true;
        }
        Points points = new Points();
        data.samplesAfter(id, cursor.step, cursor.sequence, (sequence, sample) -> {
            cursor.sequence = sequence;
            if (Double.isFinite(sample.currentAmperes())) {
                points.add(sample.timeSeconds(), sample.currentAmperes());
            }
        });
        if (points.n > 0) {
            MinMax.Series thin = MinMax.decimate(points.t, points.i, points.n, cursor.history ? HISTORY_POINTS : POLL_POINTS);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("step", cursor.step);
            body.put("t", microseconds(thin.t()));
            body.put("i", thin.y());
            event(response, "points", body);
            sent = true;
        }
        cursor.history = false;
        return sent;
    }

    /**
     * Times to the microsecond: no instrument samples faster, and 0.1 × 5002 stays 500.2 instead of going out as
     * 500.20000000000005 (a third of the bytes of a stream are times).
     */
    static double[] microseconds(double[] t) {
        double[] rounded = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            rounded[k] = Math.round(t[k] * 1e6) / 1e6;
        }
        return rounded;
    }

    private static final class Points {
        double[] t = new double[256];
        double[] i = new double[256];
        int n;

        void add(double time, double current) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                i = Arrays.copyOf(i, n * 2);
            }
            t[n] = time;
            i[n++] = current;
        }
    }

    private void event(Response response, String name, Object body) throws IOException {
        String text = "event: " + name + "\ndata: " + json.writeValueAsString(body) + "\n\n";
        Content.Sink.write(response, false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
