package org.norrlab.plan;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The loader tests' site: a temporary home with config/site.yaml, and protocol texts loaded against it as p.yaml. */
final class LoaderSite {
    /** Ag/AgCl (sat. KCl) at pH 7, 25 °C: E vs RHE = E vs RE + 0.197 + 0.05916 × 7 = E vs RE + 0.6111 V. */
    static final double AG_AGCL_PH7_RE_TO_RHE = 0.197 + 0.059159 * 7;

    private LoaderSite() {
    }

    static SiteConfig write(Path home, String siteYaml) throws IOException, ConfigException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), siteYaml);
        return SiteConfig.load(home);
    }

    /** The site most loader tests share: Ag/AgCl (sat. KCl) at pH 7, 1 cm², 35 mL, data under data/. */
    static SiteConfig agAgClAtPh7(Path home) throws IOException, ConfigException {
        return write(home, """
                data_directory: data
                cell:
                  reference_electrode: Ag/AgCl (sat. KCl)
                  ph: 7.0
                  electrode_area: 1 cm2
                  electrolyte_volume: 35 mL
                """);
    }

    static Plan load(Path home, SiteConfig site, String protocol) throws IOException, ConfigException {
        Path file = file(home);
        Files.writeString(file, protocol);
        return ProtocolLoader.load(file, site);
    }

    /** Where {@link #load} writes the protocol, as refusals name it. */
    static Path file(Path home) {
        return home.resolve("p.yaml");
    }

    /** The message of the refusal of {@code protocol}; fails the test when it is loaded. */
    static String refusal(Path home, SiteConfig site, String protocol) throws IOException {
        Files.writeString(file(home), protocol);
        try {
            ProtocolLoader.load(file(home), site);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("the protocol was not refused:\n" + protocol);
    }
}
