package org.norrlab.driver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.ConfigException;
import org.norrlab.driver.methodscript.ImpedanceLimits;
import org.norrlab.driver.methodscript.MethodScriptSettings;
import org.norrlab.driver.rodeostat.RodeostatSettings;
import org.norrlab.driver.sim.SimSettings;
import org.norrlab.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A profile's family block is a record of the family's type, parsed (and refused) when the profile is read. */
class FamilySettingsTest {
    @TempDir
    Path home;

    @Test
    void theShippedProfilesCarryTheirFamilysRecord() throws Exception {
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        SimSettings sim = registry.profile("sim").familySettings(SimSettings.class);
        assertThat(sim.catalysts()).isEqualTo("sim/catalysts.yaml");
        assertThat(sim.defaultCatalyst()).isEqualTo("NiNC");
        assertThat(sim.adcBits()).isEqualTo(16);
        assertThat(sim.seed()).isEqualTo(42);
        assertThat(sim.potentialNoise()).isCloseTo(50e-6, within(1e-12));
        RodeostatSettings rodeostat = registry.profile("rodeostat").familySettings(RodeostatSettings.class);
        assertThat(rodeostat.voltageRanges()).containsExactly(1.0, 2.0, 5.0, 10.0);
        assertThat(rodeostat.maxMalformedLines()).isEqualTo(10);
        assertThat(registry.profile("emstat4-hr").familySettings(MethodScriptSettings.class).deviceTypes()).isNotEmpty();
    }

    @Test
    void aMistakeInTheFamilyBlockIsReportedWhenTheProfileIsRead() throws Exception {
        Files.createDirectories(home.resolve("drivers"));
        Files.writeString(home.resolve("drivers/bad.yaml"), Files.readString(Fixtures.HOME.resolve("drivers/rodeostat.yaml"))
                .replace("max_malformed_lines: 10", "max_malformed_lines: ten"));
        assertThatThrownBy(() -> new DriverRegistry(home).profile("bad")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("max_malformed_lines")
                .hasMessageContaining("'ten' is not a whole number; expected a count, e.g. 10");
    }

    /** The EmStat profiles' EIS limits (issue 21, methodscript part): read as written, refused when they make no range. */
    @Test
    void theImpedanceLimitsOfAnEmStatProfileAreReadAndCheckedWithTheirLine() throws Exception {
        ImpedanceLimits limits = new DriverRegistry(Fixtures.HOME).profile("emstat-pico")
                .familySettings(MethodScriptSettings.class).impedance().orElseThrow();
        assertThat(limits).isEqualTo(new ImpedanceLimits(200_000, 0.1, 0.1e-3, 0.25));
        Files.createDirectories(home.resolve("drivers"));
        Files.writeString(home.resolve("drivers/upside.yaml"), Files.readString(Fixtures.HOME.resolve(
                "drivers/emstat-pico.yaml")).replace("lowest_frequency_hz: 0.1", "lowest_frequency_hz: 500000"));
        assertThatThrownBy(() -> new DriverRegistry(home).profile("upside")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("upside.yaml").hasMessageContaining("highest_frequency_hz")
                .hasMessageContaining("the highest frequency must be a finite number of Hz above the lowest (500000.0 Hz),"
                        + " not 200000.0");
    }

    @Test
    void aProfileWithoutItsFamilysBlockIsRefusedWithTheSameMessageAsBefore() throws Exception {
        Files.createDirectories(home.resolve("drivers"));
        String text = Files.readString(Fixtures.HOME.resolve("drivers/sim.yaml"));
        Files.writeString(home.resolve("drivers/blockless.yaml"), text.substring(0, text.indexOf("\nsim:")) + "\n");
        assertThatThrownBy(() -> new DriverRegistry(home).profile("blockless")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("the sim profile needs a 'sim:' block");
    }
}
