package org.norrlab.driver.methodscript;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
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
import java.util.Map;
import java.util.Optional;

/** Opens {@code family: methodscript} profiles on a serial port. */
public final class MethodScriptProvider implements PotentiostatProvider {

    /** The profile's range code table, for emulators that must report the same codes. */
    public static Map<Integer, Double> rangeCodes(InstrumentProfile profile) {
        return profile.familySettings(MethodScriptSettings.class).rangeCodes();
    }

    public static List<String> deviceTypes(InstrumentProfile profile) {
        return profile.familySettings(MethodScriptSettings.class).deviceTypes();
    }

    @Override
    public String family() {
        return "methodscript";
    }

    @Override
    public MethodScriptSettings readSettings(Optional<YamlNode.Mapping> block, Path file) throws ConfigException {
        return MethodScriptSettings.read(block.orElseThrow(() ->
                new ConfigException(new Location(file, 1, 1), "methodscript", "the profile needs a 'methodscript:' block")));
    }

    /** The driver's own refusals, from the checks its {@code start} makes before sending anything. */
    @Override
    public List<String> refusals(InstrumentProfile profile, MeasurementRequest request) {
        try {
            MethodScriptPotentiostat.checkBeforeSending(profile.name(), profile.capabilities(),
                    profile.familySettings(MethodScriptSettings.class), request);
            return List.of();
        } catch (DriverException refused) {
            return List.of(refused.getMessage());
        }
    }

    @Override
    public Potentiostat open(InstrumentProfile profile, OpenOptions options) throws DriverException, ConfigException {
        MethodScriptSettings settings = profile.familySettings(MethodScriptSettings.class);
        SerialSettings serial = profile.serial().orElseThrow(() ->
                new ConfigException(new Location(profile.file(), 1, 1), "serial", "the profile needs a 'serial:' block"));
        String port = InstrumentLine.port(options.port(), profile);
        MethodScriptPotentiostat instrument = new MethodScriptPotentiostat(profile.name(), profile.capabilities(), settings,
                new LineChannel(InstrumentLine.open(options.transports(), port, serial)), profile.readTimeout(),
                () -> new LineChannel(InstrumentLine.open(options.transports(), port, serial)));
        try {
            instrument.sync();
            return instrument;
        } catch (DriverException | RuntimeException e) {
            instrument.close();
            throw e;
        }
    }
}
