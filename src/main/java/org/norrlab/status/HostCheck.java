package org.norrlab.status;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host headers the page answers: the address it is bound to, the loopback names, and the site's host_names,
 * each with the port it listens on. A DNS-rebinding page (evil.example resolved to 127.0.0.1) sends its own name as
 * Host and is refused before the token is even looked at.
 */
final class HostCheck {
    private final Set<String> names = new HashSet<>();
    private final int port;
    private final boolean defaultPort;

    HostCheck(String bind, int port, boolean tls, List<String> hostNames) {
        this.port = port;
        this.defaultPort = port == (tls ? 443 : 80);
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("[::1]");
        String bound = bind.toLowerCase(Locale.ROOT);
        if (!bound.equals("0.0.0.0") && !bound.equals("::") && !bound.equals("[::]")) {
            names.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
        }
        hostNames.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    }

    /** Whether a request with this Host header (null when it had none) is for this page. */
    boolean allows(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = h;
        String portText = null;
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            portText = h.substring(colon + 1);
        }
        if (portText == null) {
            return defaultPort && names.contains(name);
        }
        return portText.equals(Integer.toString(port)) && names.contains(name);
    }
}
