package org.norrlab.testing;

import org.norrlab.config.ConfigException;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Speed;
import org.norrlab.driver.sim.SimulatedPotentiostat;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;

import java.nio.file.Path;
import java.util.Optional;

/** The project's own files, as a test sees them (tests run with the project root as working directory). */
public final class Fixtures {
    public static final Path HOME = Path.of("").toAbsolutePath();

    private Fixtures() {
    }

    public static CellSettings cellAtPh7() {
        return new CellSettings(ReferenceElectrode.known("Ag/AgCl (sat. KCl)").orElseThrow(), 7.0, 25, 1.0, 0.5, 35);
    }

    /** The shipped sim profile with a given catalyst and seed. */
    public static SimulatedPotentiostat simulator(String catalyst, long seed, Speed speed, CellSettings cell)
            throws ConfigException, DriverException {
        DriverRegistry registry = new DriverRegistry(HOME);
        return (SimulatedPotentiostat) registry.open(registry.profile("sim"),
                new OpenOptions(cell, speed, Optional.of(seed), Optional.empty(), Optional.of(catalyst), HOME));
    }
}
