package org.norrlab.alert;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL as it may be shown: scheme, host and port only. Webhook services keep their secret in the URL: Slack, Teams
 * and Mattermost in the path, ntfy in the topic (the path), others in the query (?token=) or the user info
 * (user:password@). Only scheme, host and port are safe to print, so everything after them is replaced by an
 * ellipsis.
 */
public final class SafeUrl {
    private SafeUrl() {
    }

    /** E.g. {@code https://hooks.slack.com/…} for {@code https://hooks.slack.com/services/T0/B0/secret}. */
    public static String of(URI url) {
        StringBuilder safe = new StringBuilder();
        if (url.getScheme() != null) {
            safe.append(url.getScheme()).append("://");
        }
        safe.append(url.getHost() == null ? "?" : url.getHost());
        if (url.getPort() != -1) {
            safe.append(':').append(url.getPort());
        }
        return safe.append(beyondThePort(url) ? "/…" : "/").toString();
    }

    /** Whether the URL has anything after scheme, host and port that could be a secret. */
    private static boolean beyondThePort(URI url) {
        String rest = url.getRawPath();
        return (rest != null && !rest.isEmpty() && !rest.equals("/")) || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null;
    }

    private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+");
    /** A reason is shown to anyone who lists the sessions: a few lines at most. */
    private static final int TEXT_CHARS = 300;

    /**
     * A message fit for the store, {@code show} and an alert: channels promise messages without secrets, and this keeps
     * that promise for one that quotes a URL anyway (an HTTP library's or a database driver's message may): every URL
     * in it is cut as {@link #of} cuts it, and the text to 300 characters.
     */
    public static String inText(String message) {
        String text = message == null ? "no reason given" : message;
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String safe;
            try {
                URI url = URI.create(m.group());
                safe = beyondThePort(url) ? of(url) : m.group();   // nothing to hide: the text stays as it was
            } catch (IllegalArgumentException notAUri) {
                safe = "(an address)";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(safe));
        }
        m.appendTail(out);
        return out.length() > TEXT_CHARS ? out.substring(0, TEXT_CHARS - 1) + "…" : out.toString();
    }
}
