package org.norrlab.driver.rodeostat;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
import org.norrlab.config.Potential;
import org.norrlab.config.YamlNode;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.InstrumentLine;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.MeasurementRequest;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.PotentiostatProvider;
import org.norrlab.transport.LineChannel;
import org.norrlab.transport.SerialSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Opens {@code family: rodeostat} profiles on a serial port. */
public final class RodeostatProvider implements PotentiostatProvider {
    @Override
    public String family() {
        return "rodeostat";
    }

    @Override
    public RodeostatSettings readSettings(Optional<YamlNode.Mapping> block, Path file) throws ConfigException {
        return RodeostatSettings.read(block, file);
    }

    /** The profile's voltage ranges in volts, ascending. */
    public static List<Double> voltageRanges(InstrumentProfile profile) {
        return profile.familySettings(RodeostatSettings.class).voltageRanges();
    }

    /** The site's idle potential vs this cell's reference electrode (written vs RHE, converted with the cell's pH). */
    static RodeostatPotentiostat.IdleHold idleHold(OpenOptions options) {
        if (options.idlePotential().isEmpty()) {
            return RodeostatPotentiostat.IdleHold.ZERO;
        }
        Potential written = options.idlePotential().get();
        double vsReference = written.scale() == Potential.Scale.RHE
                ? options.cell().rheScale().toReference(written.volts()) : written.volts();
        double rounded = Math.rint(vsReference * 1e6) / 1e6;
        return new RodeostatPotentiostat.IdleHold(rounded, Optional.of(String.format(Locale.ROOT, "%s (%+.3f V vs RE)",
                written, rounded)));
    }

    /** The driver's own refusals, from the checks its {@code start} makes before sending anything. */
    @Override
    public List<String> refusals(InstrumentProfile profile, MeasurementRequest request) {
        try {
            RodeostatPotentiostat.checkBeforeSending(profile.name(), request);
            return List.of();
        } catch (DriverException refused) {
            return List.of(refused.getMessage());
        }
    }

    @Override
    public Potentiostat open(InstrumentProfile profile, OpenOptions options) throws DriverException, ConfigException {
        RodeostatSettings settings = profile.familySettings(RodeostatSettings.class);
        SerialSettings serial = profile.serial().orElseThrow(() ->
                new ConfigException(new Location(profile.file(), 1, 1), "serial", "the profile needs a 'serial:' block"));
        String port = InstrumentLine.port(options.port(), profile);
        RodeostatPotentiostat instrument = new RodeostatPotentiostat(profile.name(), profile.capabilities(),
                settings.voltageRanges(), settings.maxMalformedLines(),
                new LineChannel(InstrumentLine.open(options.transports(), port, serial)), profile.readTimeout(),
                () -> new LineChannel(InstrumentLine.open(options.transports(), port, serial)), idleHold(options));
        try {
            instrument.sync();
            return instrument;
        } catch (DriverException | RuntimeException e) {
            instrument.close();
            throw e;
        }
    }
}
