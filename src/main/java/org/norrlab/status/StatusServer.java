package org.norrlab.status;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.norrlab.core.BadInputException;
import org.norrlab.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The status page's server: Jetty's core server on one connector (https when serve.tls is set), the {@link Guard} in
 * front of the {@link Pages}. It reads the store it is given and never writes it.
 */
public final class StatusServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);
    /** Server threads besides the live streams: page loads, the API, Jetty's own acceptor and selector. */
    static final int BASE_THREADS = 12;

    private final Server server;
    private final ServerConnector connector;
    private final LiveStreams live;
    private final ServeSettings settings;
    private final AccessToken token;

    private StatusServer(Server server, ServerConnector connector, LiveStreams live, ServeSettings settings,
                         AccessToken token) {
        this.server = server;
        this.connector = connector;
        this.live = live;
        this.settings = settings;
        this.token = token;
    }

    /**
     * Starts serving {@code store}. A non-loopback address without TLS is refused unless {@code insecure}: the token
     * would cross the network in clear text, and whoever reads it reads the page.
     */
    public static StatusServer start(ServeSettings settings, SessionStore store, AccessToken token, boolean insecure)
            throws Exception {
        return start(settings, store, token, insecure, "this bench");
    }

    /**
     * As {@link #start(ServeSettings, SessionStore, AccessToken, boolean)}, naming the sessions run without a lab bench
     * {@code thisBench}, as the alerts do.
     */
    public static StatusServer start(ServeSettings settings, SessionStore store, AccessToken token, boolean insecure,
                                     String thisBench) throws Exception {
        requireQuietJetty();
        boolean tls = settings.tls().isPresent();
        if (!tls && !loopback(settings.bind())) {
            if (!insecure) {
                throw new BadInputException("refusing to serve the status page on " + settings.bind() + " without TLS:"
                        + " anyone on that network could read the access token from the traffic. Set serve.tls"
                        + " (certificate and key) in config/site.yaml, or bind 127.0.0.1 and reach the page through an"
                        + " SSH tunnel, or give --insecure if every machine on that network is trusted");
            }
            log.warn("serving the status page on {} without TLS (--insecure): the access token crosses the network in"
                    + " clear text", settings.bind());
        }
        QueuedThreadPool threads = new QueuedThreadPool(BASE_THREADS + settings.maxLiveStreams(), 4);
        threads.setName("serve");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(settings.maxRequestBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ConnectionFactory plain = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (tls) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // the certificate names the host people type; an address typed by IP is still checked by HostCheck
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            TlsKeys.Loaded keys = TlsKeys.load(settings.tls().get());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keys.store());
            ssl.setKeyStorePassword(new String(keys.password()));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            connector = new ServerConnector(server, ssl, plain);
        } else {
            connector = new ServerConnector(server, plain);
        }
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(LiveStreams.KEEP_ALIVE.toMillis() * 2);
        server.addConnector(connector);
        StatusData data = new StatusData(store, Clock.systemUTC(), thisBench);
        LiveStreams live = new LiveStreams(data, settings.maxLiveStreams());
        Pages pages = new Pages(data, live);
        try {
            // bound before the handler is made: the Host check needs the port (serve.port 0 picks any free one)
            connector.open();
        } catch (IOException e) {
            throw new BadInputException("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + e.getMessage() + "; is another norrlab serve running? Choose another port with --port", e);
        }
        int port = connector.getLocalPort();
        server.setHandler(new Guard(new HostCheck(settings.bind(), settings.hostNames()),
                new RateLimit(settings.requestsPerMinute(), System::nanoTime), token, tls, pages));
        server.start();
        return new StatusServer(server, connector, live, settings, token);
    }

    /** The port the page listens on (the free one picked when serve.port is 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The addresses to open, each with the token: the operator's, printed once by serve, never logged. */
    public List<String> urls() {
        String scheme = settings.tls().isPresent() ? "https" : "http";
        List<String> names = new ArrayList<>();
        String bind = settings.bind();
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            names.add("localhost");
        } else {
            names.add(bind.contains(":") ? "[" + bind + "]" : bind);
        }
        names.addAll(settings.hostNames());
        return names.stream().map(n -> scheme + "://" + n + ":" + port() + "/?token=" + token.reveal()).toList();
    }

    /** Jetty's loggers that, at DEBUG, write every request header, the token's cookie and Authorization included. */
    static final List<String> HEADER_LOGGERS = List.of("org.eclipse.jetty", "org.eclipse.jetty.http.HttpParser",
            "org.eclipse.jetty.server.internal.HttpConnection", "org.eclipse.jetty.server.internal.HttpChannelState");

    /**
     * Refuses to serve while Jetty logs at DEBUG: its parser writes each request header to the log, and the log file is
     * read by more people than the token file.
     */
    static void requireQuietJetty() {
        for (String name : HEADER_LOGGERS) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                throw new BadInputException("refusing to serve the status page while the logger " + name + " logs at"
                        + " DEBUG: Jetty then writes every request header, the access token among them, to the log."
                        + " Set org.eclipse.jetty to INFO in config/logback.xml");
            }
        }
    }

    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Blocks until the server stops (Ctrl-C runs {@link #close} from a shutdown hook). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        live.stop();
        try {
            server.stop();
        } catch (Exception e) {
            log.error("stopping the status page's server failed", e);
        }
    }
}
