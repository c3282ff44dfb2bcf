package org.norrlab.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SMTP server on 127.0.0.1 for the e-mail channel's tests: EHLO, STARTTLS (with a throw-away key made at
 * test time by the JDK's keytool), AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, QUIT. It keeps every command it was sent,
 * marked with whether the connection was encrypted at the time, and every message with its envelope. Which of
 * STARTTLS, implicit TLS and AUTH it offers is the test's choice, so that a client's refusal to go on in clear text
 * can be watched.
 */
public final class LocalSmtp implements AutoCloseable {
    /** A command as received; {@code tls} tells whether it came encrypted. AUTH's credentials are not kept here. */
    public record Command(boolean tls, String line) {
        @Override
        public String toString() {
            return (tls ? "[tls] " : "") + line;
        }
    }

    /** One accepted message: envelope, the raw data (dot-unstuffed), whether it came encrypted, who logged in. */
    public record Mail(String from, List<String> to, String data, boolean tls, String login, Instant arrived) {
    }

    /** How the server behaves. */
    public enum Mode {
        /** Clear text first, STARTTLS offered, AUTH offered only after it. */
        STARTTLS,
        /** Never offers STARTTLS; offers AUTH in clear text (as a badly set up, or tampered with, server would). */
        NO_STARTTLS,
        /** TLS from the first byte (port 465 style). */
        IMPLICIT_TLS
    }

    private final ServerSocket server;
    private final Mode mode;
    private final String user;
    private final String password;
    private final SSLContext tls;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Mail> mails = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /**
     * @param key      the server's key and certificate ({@link #makeKey})
     * @param user     the login it accepts (null: no AUTH offered)
     * @param password the password it accepts
     */
    public LocalSmtp(Mode mode, Key key, String user, String password) throws Exception {
        this.mode = mode;
        this.user = user;
        this.password = password;
        this.tls = key.context();
        ServerSocket socket = mode == Mode.IMPLICIT_TLS
                ? tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.server = socket;
        Thread acceptor = new Thread(this::accept, "local smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command received so far, in order, over all connections. */
    public List<Command> commands() {
        return new ArrayList<>(commands);
    }

    /** The next accepted message, waiting up to 20 s; null if none came. */
    public Mail next() throws InterruptedException {
        return mails.poll(20, TimeUnit.SECONDS);
    }

    /** Messages accepted and not yet taken. */
    public int waiting() {
        return mails.size();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "local smtp session");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // closed by close(): the end of this server
        }
    }

    private void serve(Socket socket) {
        try {
            Socket s = socket;
            boolean encrypted = mode == Mode.IMPLICIT_TLS;
            BufferedReader in = reader(s);
            OutputStream out = s.getOutputStream();
            say(out, "220 localhost ESMTP norrlab test sink");
            String from = null;
            List<String> to = new ArrayList<>();
            String login = null;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                commands.add(new Command(encrypted, upper.startsWith("AUTH") ? authVerb(line) : line));
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    List<String> lines = new ArrayList<>(List.of("250-localhost"));
                    if (mode == Mode.STARTTLS && !encrypted) {
                        lines.add("250-STARTTLS");
                    }
                    if (user != null && (encrypted || mode == Mode.NO_STARTTLS)) {
                        lines.add("250-AUTH PLAIN LOGIN");
                    }
                    lines.add("250 8BITMIME");
                    say(out, String.join("\r\n", lines));
                } else if (upper.equals("STARTTLS") && mode == Mode.STARTTLS && !encrypted) {
                    say(out, "220 2.0.0 ready to start TLS");
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(s, "localhost", s.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    s = secure;
                    open.add(s);
                    encrypted = true;
                    in = reader(s);
                    out = s.getOutputStream();
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String answer = line.length() > "AUTH PLAIN ".length() ? line.substring("AUTH PLAIN ".length()) : null;
                    if (answer == null) {
                        say(out, "334 ");
                        answer = in.readLine();
                    }
                    String[] parts = new String(Base64.getDecoder().decode(answer.trim()), StandardCharsets.UTF_8)
                            .split("\0", -1);
                    login = check(out, parts.length == 3 ? parts[1] : "", parts.length == 3 ? parts[2] : "");
                } else if (upper.startsWith("AUTH LOGIN")) {
                    say(out, "334 " + b64("Username:"));
                    String u = new String(Base64.getDecoder().decode(in.readLine().trim()), StandardCharsets.UTF_8);
                    say(out, "334 " + b64("Password:"));
                    String p = new String(Base64.getDecoder().decode(in.readLine().trim()), StandardCharsets.UTF_8);
                    login = check(out, u, p);
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = strip(line.substring(10));
                    to.clear();
                    say(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    to.add(strip(line.substring(8)));
                    say(out, "250 2.1.5 ok");
                } else if (upper.equals("DATA")) {
                    say(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    // The line break before the final dot belongs to the end marker, not to the message.
                    String body = data.length() >= 2 ? data.substring(0, data.length() - 2) : "";
                    mails.add(new Mail(from, List.copyOf(to), body, encrypted, login, Instant.now()));
                    say(out, "250 2.0.0 queued");
                } else if (upper.equals("QUIT")) {
                    say(out, "221 2.0.0 bye");
                    break;
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    say(out, "250 2.0.0 ok");
                } else {
                    say(out, "502 5.5.2 not implemented");
                }
            }
            s.close();
        } catch (IOException | RuntimeException e) {
            // the client went away (or refused the certificate): the end of this session
        }
    }

    private String check(OutputStream out, String u, String p) throws IOException {
        if (u.equals(user) && p.equals(password)) {
            say(out, "235 2.7.0 authenticated");
            return u;
        }
        say(out, "535 5.7.8 authentication failed");
        return null;
    }

    private static String authVerb(String line) {
        String[] words = line.split(" ");
        return words.length > 1 ? words[0] + " " + words[1] : words[0];
    }

    private static String strip(String address) {
        String a = address.trim();
        int space = a.indexOf(' ');
        a = space < 0 ? a : a.substring(0, space);
        return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1) : a;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }

    /** A throw-away key pair and self-signed certificate for localhost and 127.0.0.1, and its certificate as PEM. */
    public record Key(Path keyStore, Path certificatePem) {
        private static final String PASS = "changeit";

        /**
         * The private key as PKCS#8 PEM beside the key store, for servers that read PEM files (Mosquitto); the
         * certificate is {@link #certificatePem}.
         */
        public Path privateKeyPem() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASS.toCharArray());
            }
            byte[] der = store.getKey("server", PASS.toCharArray()).getEncoded();
            Path pem = keyStore.resolveSibling("server-key.pem");
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n");
            return pem;
        }

        SSLContext context() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASS.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASS.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }
    }

    /** Makes a key with the JDK's keytool into {@code dir}: valid two days, for localhost and 127.0.0.1. */
    public static Key makeKey(Path dir) throws IOException, InterruptedException {
        return makeKey(dir, "dns:localhost,ip:127.0.0.1");
    }

    /** Makes a key for other names (keytool's san= syntax, e.g. dns:elsewhere.example), for host name checks. */
    public static Key makeKey(Path dir, String names) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("smtp-key.p12");
        Path pem = dir.resolve("smtp-cert.pem");
        run(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + names.replaceAll("^\\w+:|,.*$", ""), "-ext", "san=" + names, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", Key.PASS, "-keypass", Key.PASS));
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", Key.PASS, "-file", pem.toString()));
        return new Key(store, pem);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed: " + out));
        }
    }
}
