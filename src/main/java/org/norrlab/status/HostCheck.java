package org.norrlab.status;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host headers the page answers: the address it is bound to, the loopback names, and the site's host_names, with
 * any port or none. A DNS-rebinding page (evil.example resolved to 127.0.0.1) sends its own name as Host and is
 * refused before the token is even looked at; the name is what tells it apart, not the port. A port is not required
 * to be this page's own because an SSH tunnel (ssh -L 9000:127.0.0.1:8424) or a reverse proxy shows the page to the
 * browser under another port, and the browser sends that one.
 */
final class HostCheck {
    private final Set<String> names = new HashSet<>();

    HostCheck(String bind, List<String> hostNames) {
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
        return names.contains(name) && (portText == null || port(portText));
    }

    private static boolean port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535;
    }
}
