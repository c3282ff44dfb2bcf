package org.norrlab.driver.methodscript;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.InstrumentLine;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.PotentiostatProvider;
import org.norrlab.transport.LineChannel;
import org.norrlab.transport.SerialSettings;

/** Opens {@code family: methodscript} profiles on a serial port. */
public final class MethodScriptProvider implements PotentiostatProvider {

    /** The profile's range code table, for emulators that must report the same codes. */
    public static java.util.Map<Integer, Double> rangeCodes(InstrumentProfile profile) throws ConfigException {
        return settings(profile).rangeCodes();
    }

    public static java.util.List<String> deviceTypes(InstrumentProfile profile) throws ConfigException {
        return settings(profile).deviceTypes();
    }

    private static MethodScriptSettings settings(InstrumentProfile profile) throws ConfigException {
        return MethodScriptSettings.read(profile.familySettings().orElseThrow(() ->
                new ConfigException(new Location(profile.file(), 1, 1), "methodscript", "the profile needs a 'methodscript:' block")));
    }
    @Override
    public String family() {
        return "methodscript";
    }

    @Override
    public Potentiostat open(InstrumentProfile profile, OpenOptions options) throws DriverException, ConfigException {
        MethodScriptSettings settings = settings(profile);
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
