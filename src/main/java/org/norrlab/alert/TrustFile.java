package org.norrlab.alert;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The certificates a lab trusts for its own mail server or broker (its CA, or the server's self-signed certificate),
 * from a PEM or DER file. With such a file only these are trusted, not the JDK's public CAs: a lab's server has no
 * business presenting any other certificate. The host name is still checked against the certificate.
 */
final class TrustFile {
    private TrustFile() {
    }

    /** The certificates of the file, at least one. */
    static List<Certificate> certificates(Path file) throws IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException e) {
            throw new IOException(file + " is not a certificate file (PEM, -----BEGIN CERTIFICATE-----, or DER): "
                    + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + " holds no certificate (expected -----BEGIN CERTIFICATE----- blocks)");
        }
        return new ArrayList<>(certificates);
    }

    /** A TLS context that trusts exactly the certificates of the file. */
    static SSLContext context(Path file) throws IOException {
        List<Certificate> certificates = certificates(file);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted " + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trusting " + file + ": " + e.getMessage(), e);
        }
    }
}
