package org.norrlab.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real local servers for the alert channels' tests, all on 127.0.0.1 at a port the system picks: a webhook receiver
 * (the JDK's HttpServer), a server that accepts connections and never answers, and a port nothing listens on.
 */
public final class LocalWebhooks {
    private LocalWebhooks() {
    }

    /** One request as the receiver got it, and when it arrived (its body read). */
    public record Request(String method, String pathAndQuery, String contentType, String body, Instant arrived) {
    }

    /** Answers POSTs with the given statuses in turn (the last one for every later request) and keeps each request. */
    public static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
        private final AtomicInteger answered = new AtomicInteger();

        public Receiver(int... statuses) throws IOException {
            int[] answers = statuses.length == 0 ? new int[] {200} : statuses;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String query = exchange.getRequestURI().getRawQuery();
                    requests.add(new Request(exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                            exchange.getRequestHeaders().getFirst("Content-Type"), body, Instant.now()));
                    int n = answered.getAndIncrement();
                    exchange.sendResponseHeaders(answers[Math.min(n, answers.length - 1)], -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        /** The receiver's address with the given path and query, e.g. {@code /hook?token=x}. */
        public URI url(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
        }

        /** The next request, waiting up to 20 s for it; null if none came. */
        public Request next() throws InterruptedException {
            return requests.poll(20, TimeUnit.SECONDS);
        }

        /** Requests received and not yet taken by {@link #next}. */
        public int waiting() {
            return requests.size();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Accepts every connection and never reads or answers: a webhook behind a hung proxy. */
    public static final class Silent implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new ArrayList<>();
        private final BlockingQueue<Integer> connections = new LinkedBlockingQueue<>();

        public Silent() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = socket.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                            connections.add(accepted.size());
                        }
                    }
                } catch (IOException closed) {
                    // closed by close(): the end of this server
                }
            }, "silent webhook");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public URI url(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
        }

        /** Waits up to 20 s for the next accepted connection; whether one came. */
        public boolean connected() throws InterruptedException {
            return connections.poll(20, TimeUnit.SECONDS) != null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    /** A port on 127.0.0.1 that nothing listens on (it was free a moment ago): connections to it are refused. */
    public static int refusingPort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }
}
