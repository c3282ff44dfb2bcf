package org.norrlab.cli;

import java.nio.file.Path;

/**
 * The folder that holds config/, drivers/ and protocols/: the {@code norrlab.home} property (set by
 * bin/norrlab to the checkout it sits in), else the current directory.
 */
final class Home {
    private Home() {
    }

    static Path resolve() {
        String property = System.getProperty("norrlab.home");
        return Path.of(property == null ? "" : property).toAbsolutePath().normalize();
    }
}
