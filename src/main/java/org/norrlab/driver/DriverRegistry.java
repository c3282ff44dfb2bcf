package org.norrlab.driver;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** Finds instrument profiles in drivers/ and the provider that speaks each one's family. */
public final class DriverRegistry {
    public static final String DRIVERS_DIRECTORY = "drivers";

    /** The providers on the class path by family: the same for every home. */
    private static final Map<String, PotentiostatProvider> PROVIDERS = loadProviders();

    private final Path driversDirectory;
    private final Map<String, PotentiostatProvider> providers = PROVIDERS;

    public DriverRegistry(Path home) {
        this.driversDirectory = home.resolve(DRIVERS_DIRECTORY);
    }

    private static Map<String, PotentiostatProvider> loadProviders() {
        Map<String, PotentiostatProvider> found = new LinkedHashMap<>();
        for (PotentiostatProvider provider : ServiceLoader.load(PotentiostatProvider.class)) {
            found.put(provider.family(), provider);
        }
        return Collections.unmodifiableMap(found);
    }

    /**
     * Whether instruments of {@code family} (a profile's, or a stored session's instrument's) are simulated,
     * as their provider says; a family no provider speaks is not.
     */
    public static boolean simulated(String family) {
        PotentiostatProvider provider = PROVIDERS.get(family);
        return provider != null && provider.simulated();
    }

    /** The provider that speaks {@code family}, if this build has one. */
    static Optional<PotentiostatProvider> provider(String family) {
        return Optional.ofNullable(PROVIDERS.get(family));
    }

    /**
     * What the driver of {@code profile}'s family would refuse {@code request} for before sending anything
     * ({@link PotentiostatProvider#refusals}); none for a family no provider speaks (opening it is refused anyway).
     */
    public static List<String> refusals(InstrumentProfile profile, MeasurementRequest request) {
        return provider(profile.family()).map(p -> p.refusals(profile, request)).orElse(List.of());
    }

    public static boolean simulated(InstrumentProfile profile) {
        return simulated(profile.family());
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
