package org.norrlab.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.norrlab.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's addresses, each matched whole: the two HTML pages, a fixed list of static files read from the class path
 * (never from a path the request names, so no ../ can reach a file), the JSON API and the live stream. Anything else
 * is 404.
 */
final class Pages extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(Pages.class);
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String OWN = "org/norrlab/status/";
    /** Address → class-path resource and content type: the only files served. */
    private static final Map<String, String[]> FILES = Map.of(
            "/static/app.css", new String[] {OWN + "app.css", "text/css; charset=utf-8"},
            "/static/index.js", new String[] {OWN + "index.js", "text/javascript; charset=utf-8"},
            "/static/session.js", new String[] {OWN + "session.js", "text/javascript; charset=utf-8"},
            "/static/uPlot.iife.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/static/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});
    private static final Pattern SESSION_PAGE = Pattern.compile("/session/([0-9]{1,18})");
    private static final Pattern SESSION_API = Pattern.compile("/api/sessions/([0-9]{1,18})");
    private static final Pattern LIVE_API = Pattern.compile("/api/sessions/([0-9]{1,18})/live");
    private static final Pattern FIGURE = Pattern.compile("/api/sessions/([0-9]{1,18})/fe-yield.svg");

    private final StatusData data;
    private final LiveStreams live;
    private final ObjectMapper json = new ObjectMapper();

    Pages(StatusData data, LiveStreams live) {
        this.data = data;
        this.live = live;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (path.equals("/") || path.equals("/index.html")) {
            return file(response, callback, OWN + "index.html", "text/html; charset=utf-8", head);
        }
        if (SESSION_PAGE.matcher(path).matches()) {
            return file(response, callback, OWN + "session.html", "text/html; charset=utf-8", head);
        }
        String[] file = FILES.get(path);
        if (file != null) {
            return file(response, callback, file[0], file[1], head);
        }
        try {
            if (path.equals("/api/sessions")) {
                return json(response, callback, data.overview(), head);
            }
            Matcher one = SESSION_API.matcher(path);
            if (one.matches()) {
                Optional<StatusData.Detail> detail = data.detail(Long.parseLong(one.group(1)));
                if (detail.isEmpty()) {
                    return Guard.refuse(response, callback, HttpStatus.NOT_FOUND_404, "No such session.");
                }
                return json(response, callback, detail.get(), head);
            }
            Matcher figure = FIGURE.matcher(path);
            if (figure.matches()) {
                Optional<String> svg = data.feYieldSvg(Long.parseLong(figure.group(1)));
                if (svg.isEmpty()) {
                    return Guard.refuse(response, callback, HttpStatus.NOT_FOUND_404, "No FE/yield figure for this"
                            + " session (still running, or nothing to draw).");
                }
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                return send(response, callback, svg.get().getBytes(StandardCharsets.UTF_8),
                        "image/svg+xml; charset=utf-8", head);
            }
            Matcher stream = LIVE_API.matcher(path);
            if (stream.matches()) {
                return live.serve(Long.parseLong(stream.group(1)), response, callback, head);
            }
        } catch (StoreException e) {
            // the message may name the store by its JDBC URL: the log has it, the answer a plain sentence
            log.error("the status page could not read the session store for {}", path, e);
            return Guard.refuse(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "The session store could not"
                    + " be read; the server's log says why.");
        }
        return Guard.refuse(response, callback, HttpStatus.NOT_FOUND_404, "Not found.");
    }

    private boolean json(Response response, Callback callback, Object value, boolean head) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return send(response, callback, bytes, "application/json; charset=utf-8", head);
    }

    private static boolean file(Response response, Callback callback, String resource, String type, boolean head) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        return send(response, callback, resource(resource), type, head);
    }

    private static boolean send(Response response, Callback callback, byte[] bytes, String type, boolean head) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(bytes.length));
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
        return true;
    }

    /** A file of the jar: missing one is a broken build, not a client's mistake. */
    static byte[] resource(String name) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the status page's file " + name + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }
}
