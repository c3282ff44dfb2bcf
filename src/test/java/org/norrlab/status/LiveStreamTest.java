package org.norrlab.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.acquisition.AcquisitionRecord;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.StepOutcome;
import org.norrlab.plan.PlannedStep;
import org.norrlab.store.NewSession;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreWriter;
import org.norrlab.testing.Fixtures;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream while a session is written, its writer in this test and the page reading the same SQLite file:
 * the step's history first (thinned to 2000 points), then only the samples written since, a new step when one starts,
 * and the end when the session has ended. Each event is read off the socket as it comes.
 */
class LiveStreamTest {
    @TempDir
    Path temp;

    private static PlannedStep ca(int index, double volts) {
        return new PlannedStep.Chronoamperometry(index, "CA " + volts, new Potential(volts, Potential.Scale.RHE), volts,
                volts - 0.611, Duration.ofMillis(100), Duration.ofSeconds(600), CurrentRangeChoice.AUTO,
                new Location(Path.of("live.yaml"), index, 1));
    }

    /** The data line of the next event called {@code name}, skipping keep-alive comments. */
    private static String next(BufferedReader events, String name) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.equals("event: " + name)) {
                String data = events.readLine();
                assertThat(data).startsWith("data: ");
                return data.substring(6);
            }
            assertThat(line).as("no other event comes first").doesNotStartWith("event: ");
        }
        throw new AssertionError("the stream ended before the event " + name);
    }

    @Test
    void theStreamSendsTheHistoryThenOnlyWhatIsNewThenTheNextStepThenTheEnd() throws Exception {
        Path db = temp.resolve("live.db");
        try (SessionStore writing = SessionStore.open(db)) {
            long id = writing.createSession(new NewSession("live", "live.yaml", "", Fixtures.cellAtPh7(),
                    new InstrumentIdentity("sim", "sim", "m", "f", "s"), Map.of(), "test", Instant.now()));
            try (StoreWriter writer = writing.writer(id);
                 SessionStore reading = SessionStore.open(db);
                 StatusServer server = StatusServer.start(Served.settings(temp), reading,
                         AccessToken.loadOrCreate(temp.resolve("token")), false)) {
                writer.accept(new AcquisitionRecord.StepStarted(ca(1, -0.5), Instant.now(), 0), false);
                long seq = 0;
                // 5000 samples already stored when the page opens: 2000 reach it, each bucket's lowest and highest
                for (int k = 1; k <= 5000; k++) {
                    double amperes = k == 4321 ? -0.090 : -0.010;   // one spike, which thinning must keep
                    writer.accept(new AcquisitionRecord.SampleTaken(1, seq++, new Sample(k * 0.1, -1.1, amperes, 0.1, 0)),
                            k == 5000);
                }
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /api/sessions/" + id + "/live HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                            + "\r\nAuthorization: Bearer not-the-token\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    BufferedReader refused = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    assertThat(refused.readLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
                }
                String token = AccessToken.loadOrCreate(temp.resolve("token")).reveal();
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setSoTimeout(60_000);
                    socket.getOutputStream().write(("GET /api/sessions/" + id + "/live HTTP/1.1\r\nHost: 127.0.0.1:"
                            + server.port() + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    BufferedReader events = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    assertThat(events.readLine()).isEqualTo("HTTP/1.1 200 OK");
                    assertThat(next(events, "step")).isEqualTo("{\"index\":1,\"kind\":\"ca\",\"label\":\"CA -0.5\","
                            + "\"eVsRhe\":-0.5,\"plannedSeconds\":600.0}");
                    String history = next(events, "points");
                    assertThat(history).startsWith("{\"step\":1,\"t\":[");
                    assertThat(history.split(",").length).isEqualTo(1 + 2000 + 2000);
                    assertThat(history).contains("-0.09").contains("432.1");   // the spike, at its own time

                    // three new samples: exactly they come next
                    for (int k = 5001; k <= 5003; k++) {
                        writer.accept(new AcquisitionRecord.SampleTaken(1, seq++, new Sample(k * 0.1, -1.1, -0.011, 0.1, 0)),
                                k == 5003);
                    }
                    assertThat(next(events, "points")).isEqualTo("{\"step\":1,\"t\":[500.1,500.2,500.3],"
                            + "\"i\":[-0.011,-0.011,-0.011]}");

                    // the next step: announced, then its samples alone
                    writer.accept(new AcquisitionRecord.StepEnded(1, StepOutcome.COMPLETED, 5003, 500.3, Double.NaN,
                            Instant.now()), false);
                    writer.accept(new AcquisitionRecord.StepStarted(ca(2, -0.6), Instant.now(), 500.3), false);
                    writer.accept(new AcquisitionRecord.SampleTaken(2, seq++, new Sample(0.1, -1.2, -0.02, 0.1, 0)), false);
                    writer.accept(new AcquisitionRecord.SampleTaken(2, seq++, new Sample(0.2, -1.2, -0.021, 0.1, 0)), true);
                    assertThat(next(events, "step")).startsWith("{\"index\":2,\"kind\":\"ca\",\"label\":\"CA -0.6\"");
                    assertThat(next(events, "points")).isEqualTo("{\"step\":2,\"t\":[0.1,0.2],\"i\":[-0.02,-0.021]}");

                    writer.accept(new AcquisitionRecord.StepEnded(2, StepOutcome.COMPLETED, 2, 0.2, Double.NaN,
                            Instant.now()), true);
                    writing.finishSession(id, SessionStatus.ABORTED, "stopped by the test");
                    assertThat(next(events, "end")).isEqualTo("{\"status\":\"aborted\"}");
                }
            }
        }
    }
}
