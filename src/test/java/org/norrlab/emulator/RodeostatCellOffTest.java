package org.norrlab.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.config.CellBlock;
import org.norrlab.config.ConfigException;
import org.norrlab.config.Potential;
import org.norrlab.config.SiteConfig;
import org.norrlab.driver.Speed;
import org.norrlab.plan.ProtocolLoader;
import org.norrlab.run.RunOutcome;
import org.norrlab.run.RunRequest;
import org.norrlab.run.RunService;
import org.norrlab.scheduler.RunListener;
import org.norrlab.store.SessionStatus;
import org.norrlab.store.StoreLocation;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What "cell off" does on a Rodeostat: hardware with electrode switches disconnects the electrodes;
 * older hardware holds the site's idle_potential (written vs RHE, converted for the cell), or 0 V vs RE
 * with a warning; the run says which.
 */
class RodeostatCellOffTest {
    @TempDir
    Path temp;

    private record Ran(RunOutcome outcome, List<String> received) {
    }

    private Ran run(Faults faults, Optional<Potential> idle) throws Exception {
        Path protocol = temp.resolve("p.yaml");
        Files.writeString(protocol, "steps:\n  - ca: {potential: -0.5 V vs RHE, duration: 2 s, interval: 100 ms}\n");
        SiteConfig site = SiteConfig.load(Fixtures.HOME);
        CellBlock c = site.cell();
        CellBlock cell = new CellBlock(c.referenceElectrode(), c.pH(), c.temperatureCelsius(), c.electrodeAreaCm2(),
                c.catalystLoadingMgPerCm2(), c.electrolyteVolumeMl(), c.location(),
                idle.map(p -> new CellBlock.Sourced<>(p, c.location())));
        RunService service = new RunService(new SiteConfig(site.home(), site.dataDirectory(), cell, site.safety(),
                site.reconnectFor()));
        try (PtyPair pty = new PtyPair(temp);
             Emulators.Running emulator = Emulators.start(Fixtures.HOME, "rodeostat", pty.device(), Fixtures.cellAtPh7(),
                     new Speed(20), Optional.of("NiNC"), 3, faults)) {
            RunOutcome outcome = service.prepare(new RunRequest(protocol, "rodeostat", Speed.REAL_TIME, Optional.empty(),
                    Optional.empty(), Optional.of(pty.host()), Optional.of(StoreLocation.file(temp.resolve("r.db")))))
                    .execute(RunListener.NONE);
            assertThat(outcome.status()).as(outcome.reason()).isEqualTo(SessionStatus.COMPLETED);
            return new Ran(outcome, emulator.received().get());
        }
    }

    private static String lastCommand(List<String> received) {
        return received.get(received.size() - 1).strip();
    }

    @Test
    void hardwareWithElectrodeSwitchesDisconnectsTheElectrodes() throws Exception {
        Ran ran = run(Faults.NONE, Optional.of(new Potential(0.05, Potential.Scale.RHE)));
        assertThat(lastCommand(ran.received())).isEqualTo("{\"command\":\"setAllElectConnected\",\"connected\":false}");
        assertThat(ran.received()).noneMatch(l -> l.contains("\"command\":\"setVolt\""));
        assertThat(ran.outcome().cellOffState()).contains("electrodes disconnected");
    }

    @Test
    void olderHardwareHoldsTheSitesIdlePotentialConvertedForTheCell() throws Exception {
        Ran ran = run(Faults.NONE.withOldHardware(), Optional.of(new Potential(0.05, Potential.Scale.RHE)));
        double vsReference = Fixtures.cellAtPh7().rheScale().toReference(0.05);
        assertThat(lastCommand(ran.received())).isEqualTo(String.format(Locale.ROOT, "{\"command\":\"setVolt\",\"v\":%s}",
                Double.toString(Math.rint(vsReference * 1e6) / 1e6)));
        assertThat(ran.outcome().cellOffState()).contains("held at the site's idle_potential +0.050 V vs RHE")
                .contains(String.format(Locale.ROOT, "%+.3f V vs RE", vsReference));
    }

    @Test
    void olderHardwareWithoutAnIdlePotentialHoldsZeroVoltsVsReWithAWarning() throws Exception {
        Ran ran = run(Faults.NONE.withOldHardware(), Optional.empty());
        assertThat(lastCommand(ran.received())).isEqualTo("{\"command\":\"setVolt\",\"v\":0.0}");
        assertThat(ran.outcome().cellOffState()).contains("held at 0 V vs RE").contains("WARNING");
    }

    @Test
    void theIdlePotentialIsASiteSettingNotAProtocolOne() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.yaml"), """
                cell:
                  reference_electrode: Ag/AgCl (sat. KCl)
                  ph: 7.0
                  electrode_area: 1 cm2
                  electrolyte_volume: 35 mL
                  idle_potential: 0.05 V vs RHE
                """);
        SiteConfig site = SiteConfig.load(home);
        assertThat(site.idlePotential()).contains(new Potential(0.05, Potential.Scale.RHE));
        Path protocol = temp.resolve("idle.yaml");
        Files.writeString(protocol, """
                cell:
                  idle_potential: 0.1 V vs RHE
                steps:
                  - ca: {potential: -0.5 V vs RHE, duration: 2 s, interval: 100 ms}
                """);
        assertThatThrownBy(() -> ProtocolLoader.load(protocol, site)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("idle.yaml").hasMessageContaining("cell.idle_potential")
                .hasMessageContaining("belongs in config/site.yaml");
    }
}
