package org.norrlab.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured certificate and key as a key store for Jetty. PEM is read with the JDK alone: certbot writes its
 * privkey.pem as PKCS#8 ("BEGIN PRIVATE KEY"), RSA or EC, which the JDK reads; the older "BEGIN RSA PRIVATE KEY" and
 * "BEGIN EC PRIVATE KEY" forms are refused with the one openssl command that converts them. Key files must be private
 * like the token file.
 */
final class TlsKeys {
    /** The in-memory key store's password: it never leaves this process, it only has to be the same twice. */
    static final char[] MEMORY_PASSWORD = "norrlab-serve".toCharArray();
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private TlsKeys() {
    }

    record Loaded(KeyStore store, char[] password) {
    }

    static Loaded load(TlsFiles files) throws IOException {
        try {
            if (files.pkcs12()) {
                AccessToken.requirePrivate(files.certificate());
                char[] password = files.passwordFile().isPresent()
                        ? password(files.passwordFile().get()) : new char[0];
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(files.certificate())) {
                    store.load(in, password);
                }
                return new Loaded(store, password);
            }
            Path keyFile = files.key().orElseThrow();
            AccessToken.requirePrivate(keyFile);
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(files.certificate())) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) {
                throw new IOException("the certificate file " + files.certificate() + " holds no certificate (expected PEM"
                        + " blocks '-----BEGIN CERTIFICATE-----', e.g. certbot's fullchain.pem)");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("norrlab-serve", privateKey(keyFile), MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            return new Loaded(store, MEMORY_PASSWORD);
        } catch (GeneralSecurityException e) {
            // the message of a wrong password or a damaged file; it holds neither the password nor the key
            throw new IOException("cannot use the TLS certificate and key of serve.tls (" + files.certificate() + "): "
                    + e.getMessage(), e);
        }
    }

    private static char[] password(Path file) throws IOException {
        AccessToken.requirePrivate(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IOException("the key file " + file + " is in the old OpenSSL form (BEGIN RSA/EC PRIVATE KEY); convert"
                    + " it to PKCS#8 once with: openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pem"
                    + " (and keep key.pem as private: chmod 600)");
        }
        if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IOException("the key file " + file + " is encrypted; a server that starts unattended needs it"
                    + " unencrypted (openssl pkcs8 -topk8 -nocrypt), kept private with chmod 600, or a PKCS12 file with"
                    + " serve.tls.pkcs12_password_file");
        }
        Matcher m = PRIVATE_KEY.matcher(text);
        if (!m.find()) {
            throw new IOException("the key file " + file + " holds no PEM private key (expected '-----BEGIN PRIVATE"
                    + " KEY-----', as certbot's privkey.pem)");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1).getBytes(StandardCharsets.US_ASCII));
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                last = notThisOne;
            }
        }
        throw new GeneralSecurityException("the private key in " + file + " is neither RSA, EC nor Ed25519", last);
    }

    /** For tests: the PEM form of DER bytes. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

}
