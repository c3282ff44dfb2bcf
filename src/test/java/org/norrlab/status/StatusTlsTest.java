package org.norrlab.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page over https with a throw-away certificate made by the JDK's keytool for 127.0.0.1: as one PKCS12 file with
 * its password in a file, and as the PEM pair certbot writes (the chain, and a PKCS#8 key). A client that trusts the
 * certificate gets the page; one that does not, and one that speaks plain http, get nothing.
 */
class StatusTlsTest {
    private static final String PASSWORD = "throwaway-pass";

    @TempDir
    Path temp;

    private Path keystore() throws Exception {
        Path p12 = temp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "serve", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));
        return p12;
    }

    private static KeyStore read(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static HttpClient trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("serve", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(20)).build();
    }

    private void servesOverHttps(TlsFiles files, Certificate certificate) throws Exception {
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, List.of(), Optional.of(files), temp.resolve("token"),
                8192, 600, 4);
        try (Served served = new Served(temp.resolve("store-" + files.pkcs12()), settings)) {
            String base = "https://127.0.0.1:" + served.port();
            assertThat(served.server.urls()).containsExactly(base + "/?token=" + served.token.reveal());
            HttpClient client = trusting(certificate);
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/?token="
                    + served.token.reveal())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
            HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/1"))
                    .header("Authorization", "Bearer " + served.token.reveal()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"protocol\":\"served sweep\"");
            assertThat(api.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
            // a client that does not trust the certificate gets no answer at all
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
            // plain http to the https port is not served
            Served.Answer plain = served.send("GET /api/sessions HTTP/1.1\r\nHost: 127.0.0.1:" + served.port()
                    + "\r\nAuthorization: Bearer " + served.token.reveal() + "\r\nConnection: close\r\n\r\n");
            assertThat(plain.text()).doesNotContain("served sweep");
        }
    }

    @Test
    void aPkcs12FileWithItsPasswordInAFileServesHttps() throws Exception {
        Path p12 = keystore();
        Path password = Files.writeString(temp.resolve("p12-password"), PASSWORD + "\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        servesOverHttps(new TlsFiles(p12, Optional.empty(), Optional.of(password)), read(p12).getCertificate("serve"));
    }

    @Test
    void pemFilesAsCertbotWritesThemServeHttps() throws Exception {
        KeyStore store = read(keystore());
        Certificate certificate = store.getCertificate("serve");
        PrivateKey key = (PrivateKey) store.getKey("serve", PASSWORD.toCharArray());
        Path chain = Files.writeString(temp.resolve("fullchain.pem"), TlsKeys.pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = Files.writeString(temp.resolve("privkey.pem"), TlsKeys.pem("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        servesOverHttps(new TlsFiles(chain, Optional.of(keyFile), Optional.empty()), certificate);
    }

    @Test
    void aKeyOthersCanReadOrInTheOldFormIsRefusedWithWhatToDo() throws Exception {
        KeyStore store = read(keystore());
        Certificate certificate = store.getCertificate("serve");
        PrivateKey key = (PrivateKey) store.getKey("serve", PASSWORD.toCharArray());
        Path chain = Files.writeString(temp.resolve("fullchain.pem"), TlsKeys.pem("CERTIFICATE", certificate.getEncoded()));
        Path open = Files.writeString(temp.resolve("open.pem"), TlsKeys.pem("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TlsKeys.load(new TlsFiles(chain, Optional.of(open), Optional.empty())))
                .hasMessageContaining("open.pem may be read or changed by other users (mode rw-r--r--)")
                .hasMessageContaining("chmod 600");
        Path old = Files.writeString(temp.resolve("old.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> TlsKeys.load(new TlsFiles(chain, Optional.of(old), Optional.empty())))
                .hasMessageContaining("old OpenSSL form").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in old.pem");
    }
}
