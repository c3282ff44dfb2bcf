package org.norrlab.plan;

import org.norrlab.config.ConfigException;
import org.norrlab.config.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The loader tests' site: a temporary home with config/site.yaml, and protocol texts loaded against it as p.yaml. */
final class LoaderSite {
    private LoaderSite() {
    }

    static SiteConfig write(Path home, String siteYaml) throws IOException, ConfigException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), siteYaml);
        return SiteConfig.load(home);
    }

    static Plan load(Path home, SiteConfig site, String protocol) throws IOException, ConfigException {
        Path file = home.resolve("p.yaml");
        Files.writeString(file, protocol);
        return ProtocolLoader.load(file, site);
    }
}
