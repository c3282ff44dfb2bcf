package org.norrlab.cli;

import org.norrlab.alert.AlertSettings;
import org.norrlab.config.SiteConfig;
import org.norrlab.core.BadInputException;
import org.norrlab.status.AccessToken;
import org.norrlab.status.ServeSettings;
import org.norrlab.status.StatusServer;
import org.norrlab.store.SessionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Serves a read-only status page of every session in the store, with a live chart of the running step, until Ctrl-C.",
        "Secure by default: bound to 127.0.0.1, an access token on every request (printed in the URL, kept in a file only"
                + " you can read), the Host header checked, GET and HEAD only, requests limited in size and rate. Another"
                + " address needs TLS (serve.tls in config/site.yaml) or --insecure. Settings: the serve block of"
                + " config/site.yaml."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: serve.port, else 8424; 0: any free one).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: serve.bind, else 127.0.0.1, this computer only).")
    String bind;

    @Option(names = "--insecure",
            description = "Allow a non-loopback address without TLS: the token then crosses the network in clear text.")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        SiteConfig site = homeOptions.site();
        ServeSettings settings = ServeSettings.of(site).with(Optional.ofNullable(bind), Optional.ofNullable(port));
        if (settings.port() < 0 || settings.port() > 65535) {
            throw new BadInputException("--port: " + settings.port() + " is not a TCP port; allowed: 1 to 65535, or 0 for"
                    + " any free one");
        }
        AccessToken token;
        try {
            token = AccessToken.loadOrCreate(settings.tokenFile());
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        SessionStore store = homeOptions.openStoreForReading();
        StatusServer server;
        try {
            server = StatusServer.start(settings, store, token, insecure, AlertSettings.of(site).bench());
        } catch (Exception e) {
            store.close();
            throw e instanceof IOException ? new BadInputException(e.getMessage(), e) : e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Status page of " + store.location() + " (read-only); open:");
        server.urls().forEach(url -> out.println("  " + url));
        out.println("The token is kept in " + settings.tokenFile() + " (readable only by you); delete that file to make a"
                + " new one. Ctrl-C stops the server.");
        out.flush();
        Thread onSignal = new Thread(() -> {
            server.close();
            store.close();
        }, "serve-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onSignal);
        server.join();
        return ExitCodes.OK;
    }
}
