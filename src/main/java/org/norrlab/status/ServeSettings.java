package org.norrlab.status;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;
import org.norrlab.config.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The serve block of config/site.yaml: where the status page listens and how it guards itself. Absent, the page
 * listens on 127.0.0.1:8424 without TLS, its token in {@code serve-token} of the data directory.
 *
 * @param bind              the address to listen on (127.0.0.1 unless the site says otherwise)
 * @param port              the TCP port, 0 for any free one
 * @param hostNames         further names the page may be reached by (the Host header is checked against them)
 * @param tls               the certificate and key, when the page is served over https
 * @param tokenFile         where the access token is kept (made with mode 0600 on the first start)
 * @param maxRequestBytes   the largest request head (request line and headers) taken; bigger ones get 431, any body 413
 * @param requestsPerMinute per client address; more get 429
 * @param maxLiveStreams    live charts open at once (each holds a thread); more get 503
 */
public record ServeSettings(String bind, int port, List<String> hostNames, Optional<TlsFiles> tls, Path tokenFile,
                            int maxRequestBytes, int requestsPerMinute, int maxLiveStreams) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8424;
    static final int DEFAULT_REQUEST_BYTES = 8192;
    static final int DEFAULT_REQUESTS_PER_MINUTE = 600;
    static final int DEFAULT_LIVE_STREAMS = 8;

    public ServeSettings {
        hostNames = List.copyOf(hostNames);
    }

    /** The site's serve block, or the defaults when it has none. */
    public static ServeSettings of(SiteConfig site) throws ConfigException {
        Path defaultToken = site.dataDirectory().resolve("serve-token");
        if (site.serve().isEmpty()) {
            return new ServeSettings(DEFAULT_BIND, DEFAULT_PORT, List.of(), Optional.empty(), defaultToken,
                    DEFAULT_REQUEST_BYTES, DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_LIVE_STREAMS);
        }
        return read(site.serve().get(), site.home(), defaultToken);
    }

    /** Reads the block; relative file names are relative to {@code home} (the folder holding config/). */
    public static ServeSettings read(YamlNode node, Path home, Path defaultToken) throws ConfigException {
        YamlNode.Mapping block = node.asMapping();
        block.allowOnly("bind", "port", "host_names", "tls", "token_file", "max_request_bytes", "requests_per_minute",
                "max_live_streams");
        String bind = block.text("bind").map(String::trim).orElse(DEFAULT_BIND);
        if (bind.isEmpty() || !bind.matches("[0-9A-Za-z.:\\-\\[\\]]+")) {
            throw block.require("bind").error("'" + bind + "' is not an address to listen on; write an IP address such"
                    + " as 127.0.0.1 (this computer only), 0.0.0.0 (every interface) or 192.168.1.20");
        }
        int port = (int) whole(block, "port", DEFAULT_PORT, 0, 65535, "a TCP port from 1 to 65535 (0: any free port)");
        List<String> hosts = new ArrayList<>();
        Optional<YamlNode> names = block.get("host_names").filter(n -> !n.isEmpty());
        if (names.isPresent()) {
            for (YamlNode item : names.get().asSeq().items()) {
                String name = item.asScalar().text().trim().toLowerCase(Locale.ROOT);
                if (!name.matches("[a-z0-9.\\-]+|\\[[0-9a-f:.]+]")) {
                    throw item.error("'" + name + "' is not a host name; write the name people type in the browser"
                            + " without scheme or port, e.g. norr-bench-2.lab.example.org");
                }
                hosts.add(name);
            }
        }
        Optional<TlsFiles> tls = block.get("tls").filter(n -> !n.isEmpty()).isPresent()
                ? Optional.of(TlsFiles.read(block.require("tls"), home)) : Optional.empty();
        Path token = block.text("token_file").map(t -> home.resolve(t.trim()).normalize()).orElse(defaultToken);
        int bytes = (int) whole(block, "max_request_bytes", DEFAULT_REQUEST_BYTES, 1024, 65536,
                "a number of bytes from 1024 to 65536");
        int rate = (int) whole(block, "requests_per_minute", DEFAULT_REQUESTS_PER_MINUTE, 1, 100_000,
                "requests per minute and client, from 1 to 100000");
        int streams = (int) whole(block, "max_live_streams", DEFAULT_LIVE_STREAMS, 1, 64,
                "a number of live charts open at once, from 1 to 64");
        return new ServeSettings(bind, port, hosts, tls, token, bytes, rate, streams);
    }

    /** The same settings with what the command line said instead. */
    public ServeSettings with(Optional<String> bindOption, Optional<Integer> portOption) {
        return new ServeSettings(bindOption.orElse(bind), portOption.orElse(port), hostNames, tls, tokenFile,
                maxRequestBytes, requestsPerMinute, maxLiveStreams);
    }

    private static long whole(YamlNode.Mapping block, String key, long fallback, long min, long max, String allowed)
            throws ConfigException {
        if (block.get(key).isEmpty()) {
            return fallback;
        }
        return block.require(key).asScalar().integer(allowed, min, max, "is outside what is allowed: " + allowed);
    }
}
