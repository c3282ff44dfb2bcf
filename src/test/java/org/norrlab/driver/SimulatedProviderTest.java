package org.norrlab.driver;

import org.junit.jupiter.api.Test;
import org.norrlab.driver.methodscript.MethodScriptProvider;
import org.norrlab.driver.rodeostat.RodeostatProvider;
import org.norrlab.driver.sim.SimProvider;
import org.norrlab.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator is known by what its provider says, not by its family's name spelled out across the code. */
class SimulatedProviderTest {

    @Test
    void onlyTheSimulatorsProviderSaysItsInstrumentsAreSimulated() throws Exception {
        assertThat(new SimProvider().simulated()).isTrue();
        assertThat(new MethodScriptProvider().simulated()).isFalse();
        assertThat(new RodeostatProvider().simulated()).isFalse();
        assertThat(DriverRegistry.simulated("sim")).isTrue();
        assertThat(DriverRegistry.simulated("methodscript")).isFalse();
        assertThat(DriverRegistry.simulated("a family nobody speaks")).isFalse();
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        assertThat(DriverRegistry.simulated(registry.profile("sim"))).isTrue();
        assertThat(DriverRegistry.simulated(registry.profile("emstat4-hr"))).isFalse();
    }

    @Test
    void noCodeOutsideTheSimulatorComparesAFamilyWithItsName() throws IOException {
        Path sources = Fixtures.HOME.resolve("src/main/java/org/norrlab");
        Path simulator = sources.resolve("driver/sim");
        List<String> checks;
        try (Stream<Path> files = Files.walk(sources)) {
            checks = files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(simulator))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream().filter(l -> l.contains("equals(\"sim\")"))
                                    .map(l -> sources.relativize(f) + ": " + l.trim());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
        assertThat(checks).as("ask DriverRegistry.simulated(...) instead").isEmpty();
    }
}
