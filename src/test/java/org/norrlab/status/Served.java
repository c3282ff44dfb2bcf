package org.norrlab.status;

import org.norrlab.analysis.Product;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.SessionStore;
import org.norrlab.testing.HandSessions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A status page over a store of one finished session (two CA steps with NH3 assays), on a free loopback port, and raw
 * HTTP requests to it: a socket lets a test send what no well-behaved client would (another Host, ../ in the path, a
 * body on GET).
 */
final class Served implements AutoCloseable {
    final SessionStore store;
    final AccessToken token;
    final StatusServer server;
    final long session;

    Served(Path temp, ServeSettings settings) throws Exception {
        store = SessionStore.open(temp.resolve("served.db"));
        session = HandSessions.session(store, "served sweep", List.of(
                HandSessions.Step.of(-0.4, -0.010, Map.of(Product.NH3, 1.5)),
                HandSessions.Step.of(-0.6, -0.020, Map.of(Product.NH3, 2.0))));
        store.finishSession(session, SessionStatus.COMPLETED, "all 2 steps completed");
        try {
            token = AccessToken.loadOrCreate(settings.tokenFile());
            server = StatusServer.start(settings, store, token, false);
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
    }

    Served(Path temp) throws Exception {
        this(temp, settings(temp));
    }

    static ServeSettings settings(Path temp) {
        return new ServeSettings("127.0.0.1", 0, List.of(), Optional.empty(), temp.resolve("token"), 8192, 600, 4);
    }

    int port() {
        return server.port();
    }

    /** A GET of {@code target} with the right Host and the token as a cookie. */
    Answer get(String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\nCookie: " + Guard.COOKIE + "="
                + token.reveal() + "\r\nConnection: close\r\n\r\n");
    }

    /** Sends the bytes as they are and reads the whole answer (the request should say Connection: close). */
    Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // Jetty may close a refused connection before reading all we sent; what came back is the answer
            }
            return new Answer(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** An HTTP answer as received: status line, headers, body. */
    record Answer(String text) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        Optional<String> header(String name) {
            return head().lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst();
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
