package org.norrlab.driver;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** Finds instrument profiles in drivers/ and the provider that speaks each one's family. */
public final class DriverRegistry {
    public static final String DRIVERS_DIRECTORY = "drivers";

    private final Path driversDirectory;
    private final Map<String, PotentiostatProvider> providers = new LinkedHashMap<>();

    public DriverRegistry(Path home) {
        this.driversDirectory = home.resolve(DRIVERS_DIRECTORY);
        for (PotentiostatProvider provider : ServiceLoader.load(PotentiostatProvider.class)) {
            providers.put(provider.family(), provider);
        }
    }

    /** Names of the profiles an operator can pass to {@code --instrument}. */
    public List<String> profileNames() {
        if (!Files.isDirectory(driversDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(driversDirectory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + driversDirectory + ": " + e.getMessage(), e);
        }
    }

    public InstrumentProfile profile(String name) throws ConfigException {
        Path file = driversDirectory.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(new Location(file, 0, 0), "",
                    "there is no instrument profile '" + name + "'; known profiles: " + String.join(", ", profileNames()));
        }
        return InstrumentProfile.load(file);
    }

    public Potentiostat open(InstrumentProfile profile, OpenOptions options) throws DriverException, ConfigException {
        PotentiostatProvider provider = providers.get(profile.family());
        if (provider == null) {
            throw new ConfigException(new Location(profile.file(), 1, 1), "family",
                    "'" + profile.family() + "' is not a protocol family this norrlab build speaks; known: "
                            + String.join(", ", providers.keySet()));
        }
        return provider.open(profile, options);
    }
}
