package org.norrlab.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.testing.LogCapture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No secret of the site leaves the server: a site.yaml whose lab database, session store and webhooks hold
 * secret-looking strings, every page, file and API address fetched (GET and HEAD, and the refusals), and all the bytes
 * searched for them; the log lines of the whole exchange are searched for them and for the access token.
 */
class StatusSecretsTest {
    private static final List<String> SECRETS = List.of("Sup3rS3cretDbPass", "hunter2-pg-password",
            "T000/B000/XyZsecretWebhookPath", "ntfy-secret-topic-8812", "smtp-pass-never-shown");

    @TempDir
    Path temp;

    @Test
    void jettyAtDebugWouldLogTheTokenSoServeRefusesToStart() throws Exception {
        try (LogCapture jetty = new LogCapture("org.eclipse.jetty")) {   // sets it to ALL, as a curious operator might
            assertThatThrownBy(() -> new Served(temp, Served.settings(temp))).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("refusing to serve the status page while the logger org.eclipse.jetty logs at"
                            + " DEBUG").hasMessageContaining("config/logback.xml");
        }
    }

    @Test
    void noPageApiOrLogLineCarriesASecret() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve(SiteConfig.FILE), """
                data_directory: data
                lab_database: jdbc:postgresql://labserver:5432/norrlab?user=norrlab&password=Sup3rS3cretDbPass
                # session_store: jdbc:postgresql://labserver:5432/norrlab?user=norrlab&password=hunter2-pg-password
                alerts:
                  bench: NORR bench 2
                  webhooks:
                    - url: https://hooks.slack.com/services/T000/B000/XyZsecretWebhookPath
                      name: slack
                    - url: https://ntfy.sh/ntfy-secret-topic-8812?auth=smtp-pass-never-shown
                serve:
                  port: 0
                  token_file: data/page-token
                  host_names: [norr-bench-2.lab.example.org]
                """);
        SiteConfig site = SiteConfig.load(home);
        assertThat(site.labDatabase()).hasValueSatisfying(url -> assertThat(url).contains(SECRETS.get(0)));
        ServeSettings settings = ServeSettings.of(site);
        assertThat(settings.tokenFile()).isEqualTo(home.resolve("data/page-token"));
        List<String> everything = new ArrayList<>();
        try (LogCapture norrlab = new LogCapture("org.norrlab"); Served served = new Served(temp, settings)) {
            String token = served.token.reveal();
            for (String target : List.of("/", "/index.html", "/session/1", "/static/app.css", "/static/index.js",
                    "/static/session.js", "/static/uPlot.iife.min.js", "/static/uPlot.min.css", "/api/sessions",
                    "/api/sessions/1", "/api/sessions/1/live", "/api/sessions/1/fe-yield.svg", "/api/sessions/99", "/api/sessions/99/live", "/nothing")) {
                Served.Answer get = served.get(target);
                assertThat(get.status()).as(target).isIn(200, 404);
                everything.add(get.text());
                everything.add(served.send("HEAD " + target + " HTTP/1.1\r\nHost: localhost:" + served.port()
                        + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").text());
            }
            // what the finished session's answers hold, so that the search above searched real content
            String detail = served.get("/api/sessions/1").body();
            assertThat(detail).contains("\"headers\":[\"step\",\"E vs RHE (V)\"").contains("\"analysisAbsent\":\"\"");
            assertThat(served.get("/api/sessions/1/live").body()).contains("event: step\ndata: {\"index\":2")
                    .contains("event: points").endsWith("event: end\ndata: {\"status\":\"completed\"}\n\n");
            // refusals: no token, wrong host, wrong method, a body
            everything.add(served.send("GET /api/sessions HTTP/1.1\r\nHost: localhost:" + served.port()
                    + "\r\nConnection: close\r\n\r\n").text());
            everything.add(served.send("GET /api/sessions HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").text());
            everything.add(served.send("DELETE /api/sessions/1 HTTP/1.1\r\nHost: localhost:" + served.port()
                    + "\r\nConnection: close\r\n\r\n").text());
            everything.add(served.send("GET /?token=" + token + " HTTP/1.1\r\nHost: norr-bench-2.lab.example.org:"
                    + served.port() + "\r\nConnection: close\r\n\r\n").text());
            String all = String.join("\n", everything);
            assertThat(all.length()).isGreaterThan(60_000);   // uPlot alone is 49 kB: the files were fetched
            for (String secret : SECRETS) {
                assertThat(all).as("the answers").doesNotContain(secret);
            }
            List<String> logs = new ArrayList<>(norrlab.lines());
            assertThat(logs).as("some line was logged (the wrong host)").isNotEmpty();
            for (String line : logs) {
                for (String secret : SECRETS) {
                    assertThat(line).doesNotContain(secret);
                }
                assertThat(line).doesNotContain(token);
            }
        }
    }
}
