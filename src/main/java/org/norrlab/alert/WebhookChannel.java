package org.norrlab.alert;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A generic webhook: the alert as a JSON object POSTed to a URL. The {@code text} field holds the whole message,
 * which is what Slack and Mattermost incoming webhooks (and Teams' older connectors) show; the other fields are there for receivers that
 * route or filter (kind, bench, session). Delivered means the server answered with a 2xx status.
 */
public final class WebhookChannel implements AlertChannel {
    private final WebhookSettings settings;
    private final HttpClient client;

    public WebhookChannel(WebhookSettings settings) {
        this.settings = settings;
        // HTTP/1.1: some receivers (and proxies in front of them) answer an h2c upgrade attempt badly; a webhook
        // gains nothing from HTTP/2. No redirects: a redirected POST would go, body and all, somewhere not configured.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook " + settings.shownName();
    }

    @Override
    public void send(Alert alert) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(alert))).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before " + SafeUrl.of(settings.url()) + " answered");
        } catch (IOException e) {
            // A new exception without the cause: the JDK's messages may quote the URL, and a logged stack trace would
            // print them (and the secret in the URL) whatever this message says.
            throw new IOException(reason(e));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + SafeUrl.of(settings.url()));
        }
    }

    /** The JSON body, the same as every JSON-carrying channel sends ({@link AlertJson}). */
    static byte[] body(Alert alert) throws JsonProcessingException {
        return AlertJson.of(alert);
    }

    /** Why an attempt failed, in words, with no part of the URL but its scheme, host and port. */
    private String reason(IOException e) {
        String where = SafeUrl.of(settings.url());
        String seconds = settings.timeout().toMillis() % 1000 == 0 ? settings.timeout().toSeconds() + " s"
                : settings.timeout().toMillis() + " ms";
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection to " + where + " within " + seconds;
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer from " + where + " within " + seconds;
        }
        if (e instanceof ConnectException) {
            return "connection to " + where + " refused";
        }
        String message = e.getMessage() == null ? "" : ": " + scrub(e.getMessage());
        return e.getClass().getSimpleName() + " from " + where + message;
    }

    /** The message with every secret-bearing part of the URL cut out, should a JDK message quote it. */
    private String scrub(String message) {
        URI url = settings.url();
        String scrubbed = message.replace(url.toString(), SafeUrl.of(url));
        for (String part : new String[] {url.getRawUserInfo(), url.getRawQuery(), url.getRawFragment(),
                url.getRawPath(), url.getUserInfo(), url.getQuery(), url.getPath()}) {
            if (part != null && part.length() > 1) {
                scrubbed = scrubbed.replace(part, "…");
            }
        }
        return scrubbed;
    }
}
