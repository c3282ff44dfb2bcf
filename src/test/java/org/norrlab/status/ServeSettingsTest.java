package org.norrlab.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeSettingsTest {
    @TempDir
    Path home;

    private SiteConfig site(String yaml) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve(SiteConfig.FILE), yaml);
        return SiteConfig.load(home);
    }

    @Test
    void withoutABlockThePageIsLoopbackOnlyOnItsPortWithTheTokenInTheDataDirectory() throws Exception {
        ServeSettings settings = ServeSettings.of(site("data_directory: data\n"));
        assertThat(settings).isEqualTo(new ServeSettings("127.0.0.1", 8424, List.of(), Optional.empty(),
                home.resolve("data/serve-token"), 8192, 600, 8));
        // an empty block (its heading left in, every line commented out) is the same
        assertThat(ServeSettings.of(site("data_directory: data\nserve:\n#  port: 9000\n"))).isEqualTo(settings);
    }

    @Test
    void everyFieldIsRead() throws Exception {
        ServeSettings settings = ServeSettings.of(site("""
                serve:
                  bind: 0.0.0.0
                  port: 8443
                  host_names: [Norr-Bench-2.lab.example.org, norr2]
                  tls: {certificate: /etc/letsencrypt/live/norr2/fullchain.pem, key: /etc/letsencrypt/live/norr2/privkey.pem}
                  token_file: secrets/token
                  max_request_bytes: 4096
                  requests_per_minute: 120
                  max_live_streams: 2
                """));
        assertThat(settings).isEqualTo(new ServeSettings("0.0.0.0", 8443, List.of("norr-bench-2.lab.example.org", "norr2"),
                Optional.of(new TlsFiles(Path.of("/etc/letsencrypt/live/norr2/fullchain.pem"),
                        Optional.of(Path.of("/etc/letsencrypt/live/norr2/privkey.pem")), Optional.empty())),
                home.resolve("secrets/token"), 4096, 120, 2));
        assertThat(settings.with(Optional.of("127.0.0.1"), Optional.of(0)).bind()).isEqualTo("127.0.0.1");
        ServeSettings p12 = ServeSettings.of(site("serve:\n  tls:\n    pkcs12: config/serve.p12\n"
                + "    pkcs12_password_file: config/serve.pass\n"));
        assertThat(p12.tls()).contains(new TlsFiles(home.resolve("config/serve.p12"), Optional.empty(),
                Optional.of(home.resolve("config/serve.pass"))));
    }

    @Test
    void mistakesNameFileLineFieldAndWhatIsAllowed() throws Exception {
        String file = home.resolve(SiteConfig.FILE).toString();
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  port: 70000\n")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("field 'serve.port'").hasMessageContaining("'70000' is outside what is allowed: a TCP"
                        + " port from 1 to 65535");
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  bind: 'my laptop'\n")))
                .hasMessageStartingWith(file + ":2:").hasMessageContaining("'my laptop' is not an address to listen on");
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  requests_per_minute: lots\n")))
                .hasMessageContaining("'lots' is not a whole number; expected requests per minute and client");
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  tls: {certificate: a.pem}\n")))
                .hasMessageContaining("needs certificate and key");
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  tls: {pkcs12: a.p12, key: k.pem}\n")))
                .hasMessageContaining("either pkcs12").hasMessageContaining("not both");
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  host_names: ['https://norr2:8443']\n")))
                .hasMessageStartingWith(file + ":2:").hasMessageContaining("without scheme or port");
        assertThatThrownBy(() -> ServeSettings.of(site("serve:\n  password: x\n")))
                .hasMessageStartingWith(file + ":").hasMessageContaining("password");
    }
}
