package org.norrlab.status;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Every request passes here before it reaches a page, in this order: the Host header (a DNS-rebinding page is refused
 * before anything else), the client's rate (429), a body (413: nothing here takes one), the method (GET and HEAD
 * only, else 405), and the token (401). A token in the URL is swapped for an HttpOnly SameSite=Strict cookie and the
 * browser sent on to the same address without it, so that the token stays out of the history, the address bar and
 * Referer headers. Every answer carries the security headers, refusals included.
 */
final class Guard extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(Guard.class);
    static final String COOKIE = "norrlab_token";
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'";

    private final HostCheck hosts;
    private final RateLimit rate;
    private final AccessToken token;
    private final boolean tls;

    Guard(HostCheck hosts, RateLimit rate, AccessToken token, boolean tls, Handler pages) {
        super(pages);
        this.hosts = hosts;
        this.rate = rate;
        this.token = token;
        this.tls = tls;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = response.getHeaders();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        if (tls) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (!hosts.allows(host)) {
            // the Host is the client's word, so it is logged shortened and without control characters
            log.warn("refused a request for host '{}' from {}: not a name this page is served under (serve.host_names"
                    + " in config/site.yaml)", printable(host), Request.getRemoteAddr(request));
            return refuse(response, callback, HttpStatus.MISDIRECTED_REQUEST_421, "This page is not served under the"
                    + " host name you used. Use the address norrlab serve printed, or add the name to serve.host_names.");
        }
        String client = Request.getRemoteAddr(request);
        if (!rate.take(client)) {
            headers.put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, rate.secondsUntilNext(client))));
            return refuse(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, "Too many requests; try again shortly.");
        }
        if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            headers.put(HttpHeader.CONNECTION, "close");
            return refuse(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "This page takes no request body.");
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            headers.put(HttpHeader.ALLOW, "GET, HEAD");
            return refuse(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "The status page is read-only: GET and"
                    + " HEAD only.");
        }
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        String inUrl = query.getValue("token");
        if (inUrl != null) {
            if (!token.matches(inUrl)) {
                return unauthorized(response, callback);
            }
            Response.addCookie(response, HttpCookie.build(COOKIE, token.reveal()).path("/").httpOnly(true).secure(tls)
                    .sameSite(HttpCookie.SameSite.STRICT).maxAge(Duration.ofDays(30).toSeconds()).build());
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303,
                    request.getHttpURI().getPath() + withoutToken(query), true);
            return true;
        }
        if (!token.matches(offered(request))) {
            return unauthorized(response, callback);
        }
        return super.handle(request, response, callback);
    }

    /** The token from the cookie, or from an Authorization: Bearer header (scripts, curl). */
    private static String offered(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(COOKIE)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String withoutToken(Fields query) {
        StringBuilder rest = new StringBuilder();
        for (Fields.Field field : query) {
            if (field.getName().equals("token")) {
                continue;
            }
            for (String value : field.getValues()) {
                rest.append(rest.length() == 0 ? '?' : '&').append(encode(field.getName())).append('=').append(encode(value));
            }
        }
        return rest.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static boolean unauthorized(Response response, Callback callback) {
        return refuse(response, callback, HttpStatus.UNAUTHORIZED_401, "This status page needs its access token: open"
                + " the address that 'norrlab serve' printed (it ends in ?token=...). The token is kept in the file"
                + " that serve named, readable only by the user who started it.");
    }

    static boolean refuse(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, java.nio.ByteBuffer.wrap((status + " " + text + "\n").getBytes(StandardCharsets.UTF_8)),
                callback);
        return true;
    }

    private static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
