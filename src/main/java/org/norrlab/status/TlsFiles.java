package org.norrlab.status;

import org.norrlab.config.ConfigException;
import org.norrlab.config.YamlNode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The certificate and key of an https status page: PEM files as certbot writes them ({@code fullchain.pem} and
 * {@code privkey.pem}), or one PKCS12 file with the password in a file of its own (never in site.yaml, which more
 * people read).
 *
 * @param certificate  the PEM certificate chain, or the PKCS12 file
 * @param key          the PEM private key; empty for PKCS12
 * @param passwordFile the PKCS12 file's password, on the file's first line; empty for PEM or a PKCS12 without one
 */
public record TlsFiles(Path certificate, Optional<Path> key, Optional<Path> passwordFile) {

    public boolean pkcs12() {
        return key.isEmpty();
    }

    static TlsFiles read(YamlNode node, Path home) throws ConfigException {
        YamlNode.Mapping block = node.asMapping();
        block.allowOnly("certificate", "key", "pkcs12", "pkcs12_password_file");
        Optional<String> cert = block.text("certificate");
        Optional<String> key = block.text("key");
        Optional<String> p12 = block.text("pkcs12");
        if (p12.isPresent()) {
            if (cert.isPresent() || key.isPresent()) {
                throw block.require("pkcs12").error("write either pkcs12 (one file with certificate and key) or"
                        + " certificate and key (PEM files), not both");
            }
            return new TlsFiles(home.resolve(p12.get().trim()).normalize(), Optional.empty(),
                    block.text("pkcs12_password_file").map(f -> home.resolve(f.trim()).normalize()));
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw node.error("needs certificate and key (PEM files, e.g. /etc/letsencrypt/live/HOST/fullchain.pem and"
                    + " privkey.pem) or pkcs12 (one .p12 file)");
        }
        if (block.get("pkcs12_password_file").isPresent()) {
            throw block.require("pkcs12_password_file").error("belongs to pkcs12; PEM keys are read without a password");
        }
        return new TlsFiles(home.resolve(cert.get().trim()).normalize(),
                Optional.of(home.resolve(key.get().trim()).normalize()), Optional.empty());
    }
}
