package org.norrlab.alert;

import java.net.URI;

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
        String rest = url.getRawPath();
        boolean more = (rest != null && !rest.isEmpty() && !rest.equals("/")) || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null;
        return safe.append(more ? "/…" : "/").toString();
    }
}
