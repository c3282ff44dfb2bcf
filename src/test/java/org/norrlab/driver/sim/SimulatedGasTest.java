package org.norrlab.driver.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.EventKind;
import org.norrlab.core.Gas;
import org.norrlab.core.Sample;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Speed;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.testing.CollectingSink;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The electrolyte's gas: the profile's default, and the scheduler's switch between steps. */
class SimulatedGasTest {
    private static final CellSettings CELL = Fixtures.cellAtPh7();

    /** The shipped sim profile with its {@code gas:} line replaced (or removed when {@code gasLine} is empty). */
    private static SimulatedPotentiostat simulator(Path home, String gasLine) throws Exception {
        Path drivers = Files.createDirectories(home.resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve("sim"));
        Path shipped = Fixtures.HOME.resolve(DriverRegistry.DRIVERS_DIRECTORY);
        Files.copy(shipped.resolve("sim/catalysts.yaml"), drivers.resolve("catalysts.yaml"));
        String profile = Files.readString(shipped.resolve("sim.yaml")).replace("  gas: NO\n", gasLine);
        Files.writeString(home.resolve(DriverRegistry.DRIVERS_DIRECTORY).resolve("sim.yaml"), profile);
        DriverRegistry registry = new DriverRegistry(home);
        return (SimulatedPotentiostat) registry.open(registry.profile("sim"), new OpenOptions(CELL, Speed.MAX,
                Optional.of(2L), Optional.empty(), Optional.of("NiNC"), home));
    }

    /** A 5 s CA at −0.5 V vs RHE: its last current and the NH3 the simulator says it made. */
    private static double[] ca(SimulatedPotentiostat sim) throws Exception {
        CollectingSink sink = new CollectingSink();
        sim.start(new ChronoamperometryRequest(CELL.rheScale().toReference(-0.5), Duration.ofMillis(100),
                Duration.ofSeconds(5), CurrentRangeChoice.AUTO), sink).awaitEnd(Duration.ofSeconds(30)).orElseThrow();
        Sample last = sink.samples.get(sink.samples.size() - 1);
        double nh3 = ProductTally.fromValues(sink.events.stream().filter(e -> e.kind() == EventKind.SIMULATOR_TRUTH)
                .findFirst().orElseThrow().values()).nh3Mol();
        return new double[] {last.currentAmperes(), nh3};
    }

    @Test
    void withoutAGasLineTheElectrolyteHoldsNoAsBefore(@TempDir Path home) throws Exception {
        try (SimulatedPotentiostat sim = simulator(home, "")) {
            double[] result = ca(sim);
            // NiNC at −0.5 V vs RHE: 13.63 (NORR) + 0.85 (HER) = 14.48 mA on 1 cm².
            assertThat(result[0]).isCloseTo(-0.01448, within(0.0005));
            assertThat(result[1]).isPositive();
        }
    }

    @Test
    void aProfileUnderArgonReducesNoNoUntilTheSchedulerSwitchesToNo(@TempDir Path home) throws Exception {
        try (SimulatedPotentiostat sim = simulator(home, "  gas: Ar\n")) {
            double[] argon = ca(sim);
            // Only HER: j_HER* = 0.846 mA cm⁻² at −0.5 V vs RHE (bubbles add at most 3 %).
            assertThat(argon[0]).isCloseTo(-0.000846, within(0.000846 * 0.035));
            assertThat(argon[1]).isZero();

            sim.electrolyteGas(Gas.NITRIC_OXIDE);
            double[] no = ca(sim);
            assertThat(no[0]).isCloseTo(-0.01448, within(0.0005));
            assertThat(no[1]).isPositive();
        }
    }

    @Test
    void anUnknownGasIsRefusedNamingTheAllowedOnes(@TempDir Path home) {
        assertThatThrownBy(() -> simulator(home, "  gas: CO2\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'CO2' is not a gas").hasMessageContaining("Ar, NO");
    }
}
