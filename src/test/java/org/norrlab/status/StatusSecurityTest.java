package org.norrlab.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.core.BadInputException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guards of the status page, over real HTTP on loopback: every refusal with its status and what it must not say. */
class StatusSecurityTest {
    @TempDir
    Path temp;
    Served served;

    @BeforeEach
    void start() throws Exception {
        served = new Served(temp);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private String host() {
        return "Host: 127.0.0.1:" + served.port() + "\r\n";
    }

    @Test
    void withoutTheTokenEveryAddressIsRefusedLoopbackToo() throws Exception {
        for (String target : List.of("/", "/api/sessions", "/api/sessions/1", "/api/sessions/1/live", "/session/1",
                "/static/index.js", "/static/uPlot.iife.min.js", "/nothing")) {
            Served.Answer answer = served.send("GET " + target + " HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
            assertThat(answer.status()).as(target).isEqualTo(401);
            assertThat(answer.body()).as(target).startsWith("401 This status page needs its access token")
                    .doesNotContain("served sweep");
        }
    }

    @Test
    void aWrongTokenIsRefusedInTheUrlTheCookieAndTheHeader() throws Exception {
        String right = served.token.reveal();
        String wrong = right.substring(0, right.length() - 1) + (right.endsWith("A") ? "B" : "A");
        for (String request : List.of(
                "GET /?token=" + wrong + " HTTP/1.1\r\n" + host(),
                "GET /api/sessions HTTP/1.1\r\n" + host() + "Cookie: norrlab_token=" + wrong + "\r\n",
                "GET /api/sessions HTTP/1.1\r\n" + host() + "Authorization: Bearer " + wrong + "\r\n",
                "GET /api/sessions HTTP/1.1\r\n" + host() + "Authorization: Bearer " + right.substring(0, 20) + "\r\n",
                "GET /api/sessions HTTP/1.1\r\n" + host() + "Cookie: norrlab_token=\r\n")) {
            Served.Answer answer = served.send(request + "Connection: close\r\n\r\n");
            assertThat(answer.status()).as(request).isEqualTo(401);
            assertThat(answer.header("Set-Cookie")).as(request).isEmpty();
        }
    }

    @Test
    void theTokenInTheUrlBecomesAStrictHttpOnlyCookieAndLeavesTheAddress() throws Exception {
        Served.Answer answer = served.send("GET /session/1?token=" + served.token.reveal() + "&x=1 HTTP/1.1\r\n" + host()
                + "Connection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).contains("/session/1?x=1");
        assertThat(answer.header("Set-Cookie").orElseThrow()).startsWith("norrlab_token=" + served.token.reveal() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain("Secure");
        // the cookie, and the Bearer header, then open every address
        Served.Answer page = served.get("/session/1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/static/session.js\" defer></script>");
        Served.Answer api = served.send("GET /api/sessions HTTP/1.1\r\n" + host() + "Authorization: Bearer "
                + served.token.reveal() + "\r\nConnection: close\r\n\r\n");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"protocol\":\"served sweep\"").contains("\"status\":\"completed\"");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndTheApiIsNotCached() throws Exception {
        for (String target : List.of("/", "/api/sessions", "/api/sessions/1", "/static/app.css", "/nothing")) {
            Served.Answer answer = served.get(target);
            assertThat(answer.header("Content-Security-Policy")).as(target).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith("default-src 'self';").contains("frame-ancestors 'none'"));
            assertThat(answer.header("X-Content-Type-Options")).as(target).contains("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(target).contains("DENY");
            assertThat(answer.header("Server")).as(target).isEmpty();
        }
        assertThat(served.get("/api/sessions").header("Cache-Control")).contains("no-store");
        assertThat(served.get("/api/sessions/1").header("Cache-Control")).contains("no-store");
        // refusals too
        Served.Answer refused = served.send("GET / HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        assertThat(refused.header("X-Frame-Options")).contains("DENY");
    }

    @Test
    void pathTraversalReachesNoFile() throws Exception {
        for (String target : List.of("/static/../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml", "/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%2f..%2fpom.xml", "/static%2f..%2f..%2fpom.xml", "/static/%252e%252e/pom.xml",
                "//etc/passwd", "/etc/passwd", "/static//etc/passwd", "/static/app.css/../../../../etc/passwd",
                "/static/..\\..\\pom.xml", "/api/sessions/1/../../../../etc/passwd", "/static/app.css%00.html",
                "/org/norrlab/status/index.html", "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css",
                "/static/%2e%2e%2f%2e%2e%2fconfig/site.yaml", "file:///etc/passwd", "/static/uPlot.min.css/..")) {
            Served.Answer answer = served.get(target);
            assertThat(answer.status()).as(target).isIn(400, 404);
            assertThat(answer.body()).as(target).doesNotContain("root:").doesNotContain("<project")
                    .doesNotContain("data_directory").doesNotContain("uplot");
        }
        // the same names without the detour are served
        assertThat(served.get("/static/uPlot.min.css").status()).isEqualTo(200);
    }

    @Test
    void aHostThatIsNotThisPageIsRefusedBeforeTheToken() throws Exception {
        for (String host : List.of("evil.example:" + served.port(), "evil.example",
                "localhost.evil.example:" + served.port(), "127.0.0.2:" + served.port())) {
            Served.Answer answer = served.send("GET /api/sessions HTTP/1.1\r\nHost: " + host + "\r\nCookie: norrlab_token="
                    + served.token.reveal() + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(host).isEqualTo(421);
            assertThat(answer.body()).as(host).doesNotContain("served sweep");
        }
        // its own names on its own port, and on another: the local end of an SSH tunnel
        for (String host : List.of("localhost:" + served.port(), "127.0.0.1:" + served.port(), "LOCALHOST:" + served.port(),
                "localhost:9000", "127.0.0.1")) {
            Served.Answer answer = served.send("GET /api/sessions HTTP/1.1\r\nHost: " + host + "\r\nCookie: norrlab_token="
                    + served.token.reveal() + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
            Served.Answer answer = served.send(method + " /api/sessions HTTP/1.1\r\n" + host() + "Cookie: norrlab_token="
                    + served.token.reveal() + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.header("Allow")).as(method).contains("GET, HEAD");
        }
        Served.Answer head = served.send("HEAD /api/sessions HTTP/1.1\r\n" + host() + "Cookie: norrlab_token="
                + served.token.reveal() + "\r\nConnection: close\r\n\r\n");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aRequestWithABodyOrAnOversizedHeadIsRefused() throws Exception {
        Served.Answer body = served.send("POST /api/sessions HTTP/1.1\r\n" + host() + "Content-Length: 100000\r\n"
                + "Connection: close\r\n\r\n" + "x".repeat(1000));
        assertThat(body.status()).isEqualTo(413);
        Served.Answer get = served.send("GET /api/sessions HTTP/1.1\r\n" + host() + "Content-Length: 5\r\n"
                + "Connection: close\r\n\r\nhello");
        assertThat(get.status()).isEqualTo(413);
        Served.Answer chunked = served.send("GET /api/sessions HTTP/1.1\r\n" + host() + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertThat(chunked.status()).isEqualTo(413);
        // a head beyond serve.max_request_bytes (8192 here): Jetty's own 431, before any handler runs
        Served.Answer big = served.send("GET /api/sessions HTTP/1.1\r\n" + host() + "X-Filler: " + "y".repeat(9000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(big.status()).isEqualTo(431);
        Served.Answer longUri = served.send("GET /api/sessions?" + "q".repeat(9000) + " HTTP/1.1\r\n" + host()
                + "Connection: close\r\n\r\n");
        assertThat(longUri.status()).isIn(414, 431);
    }

    @Test
    void aClientOverItsRateGets429() throws Exception {
        served.close();
        ServeSettings slow = new ServeSettings("127.0.0.1", 0, List.of(), Optional.empty(), temp.resolve("token"), 8192, 3, 4);
        served = new Served(temp.resolve("slow"), slow);
        // 3 a minute: the first three pass (one refill takes 20 s, far longer than these requests take), the rest wait
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(served.get("/api/sessions").status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        Served.Answer refused = served.get("/api/sessions");
        assertThat(refused.header("Retry-After").map(Integer::parseInt)).hasValueSatisfying(s ->
                assertThat(s).isBetween(1, 20));
        // unauthenticated requests count too: guessing tokens costs the guesser
        Served.Answer guess = served.send("GET /?token=guess HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        assertThat(guess.status()).isEqualTo(429);
    }

    @Test
    void aNonLoopbackAddressWithoutTlsIsRefusedUnlessInsecure() throws Exception {
        ServeSettings open = new ServeSettings("0.0.0.0", 0, List.of(), Optional.empty(), temp.resolve("token"), 8192, 600, 4);
        assertThatThrownBy(() -> StatusServer.start(open, served.store, served.token, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("refusing to serve the status page on 0.0.0.0 without TLS")
                .hasMessageContaining("serve.tls").hasMessageContaining("--insecure");
        try (StatusServer insecure = StatusServer.start(open, served.store, served.token, true)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + insecure.port() + "/api/sessions"))
                    .header("Authorization", "Bearer " + served.token.reveal()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(insecure.urls()).containsExactly("http://localhost:" + insecure.port() + "/?token="
                    + served.token.reveal());
        }
        assertThat(StatusServer.loopback("127.0.0.1")).isTrue();
        assertThat(StatusServer.loopback("::1")).isTrue();
        assertThat(StatusServer.loopback("0.0.0.0")).isFalse();
        assertThat(StatusServer.loopback("192.168.1.20")).isFalse();
    }
}
