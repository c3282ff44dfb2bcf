package org.norrlab.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for a test, from the distribution's package: its own configuration in a fresh directory, a
 * free port on 127.0.0.1, logins from a password file made with mosquitto_passwd, no anonymous clients. Without the
 * package the tests that need it are skipped, unless NORRLAB_MQTT_TESTS=required (.ci/run sets it and installs
 * mosquitto), when a missing broker is a failure.
 */
public final class Mosquitto implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private final int tlsPort;

    private Mosquitto(Process process, Path dir, int port, int tlsPort) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Starts a broker that accepts only {@code user} with {@code password}, in clear text only. */
    public static Mosquitto start(String user, String password) throws IOException, InterruptedException {
        return start(user, password, null, null);
    }

    /**
     * As {@link #start(String, String)}, with a second listener for TLS ({@link #tlsUrl}) when a certificate and
     * its private key (PEM files) are given.
     */
    public static Mosquitto start(String user, String password, Path certificate, Path key)
            throws IOException, InterruptedException {
        Path broker = find("mosquitto");
        Path passwd = find("mosquitto_passwd");
        Path dir = Files.createTempDirectory("norrlab-mqtt-");
        Path passwords = dir.resolve("passwords");
        run(List.of(passwd.toString(), "-b", "-c", passwords.toString(), user, password));
        int port = freePort();
        List<String> config = new ArrayList<>(List.of(
                "per_listener_settings false",
                "allow_anonymous false",
                "password_file " + passwords,
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "listener " + port + " 127.0.0.1"));
        int tlsPort = -1;
        if (certificate != null) {
            tlsPort = freePort();
            config.addAll(List.of("listener " + tlsPort + " 127.0.0.1", "certfile " + certificate, "keyfile " + key));
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // As root Mosquitto would drop to the 'mosquitto' user, who cannot read this test's private directory.
            config.add("user root");
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.write(conf, config);
        Process process = new ProcessBuilder(broker.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        Mosquitto mosquitto = new Mosquitto(process, dir, port, tlsPort);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return mosquitto;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String log = Files.readString(dir.resolve("broker.log"), StandardCharsets.UTF_8);
                    mosquitto.close();
                    throw new IOException("mosquitto did not listen on port " + port + ": " + log);
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The TLS listener, when started with a certificate. */
    public String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private static Path find(String program) {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"}) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if ("required".equals(System.getenv("NORRLAB_MQTT_TESTS"))) {
            throw new AssertionError("NORRLAB_MQTT_TESTS=required but " + program + " is not installed"
                    + " (apt-get install mosquitto)");
        }
        Assumptions.assumeTrue(false, program + " is not installed (apt-get install mosquitto): MQTT tests skipped");
        return null;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
