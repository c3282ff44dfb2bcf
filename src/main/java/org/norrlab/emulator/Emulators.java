package org.norrlab.emulator;

import org.norrlab.config.ConfigException;
import org.norrlab.config.Location;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.Speed;
import org.norrlab.driver.methodscript.MethodScriptProvider;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.transport.SerialSettings;
import org.norrlab.transport.SerialTransport;
import org.norrlab.transport.TransportException;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds an emulator for a device profile: the simulated NORR cell with the device's current ranges
 * behind the device's protocol, on the device end of a port.
 */
public final class Emulators {
    private Emulators() {
    }

    /**
     * A running emulator and what to stop when done.
     *
     * @param received the command lines the device received so far, in order (what reached the instrument)
     */
    public record Running(Thread thread, Runnable stop, java.util.function.Supplier<List<String>> received)
            implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            stop.run();
            thread.join(2000);
        }
    }

    public static Running start(Path home, String profileName, String devicePort, CellSettings cell, Speed speed,
                                Optional<String> catalyst, long seed, Faults faults) throws ConfigException, DriverException,
            TransportException {
        DriverRegistry registry = new DriverRegistry(home);
        InstrumentProfile device = registry.profile(profileName);
        InstrumentProfile sim = registry.profile("sim");
        // The simulator measures on the emulated device's ranges, so its range codes and overloads are the device's.
        InstrumentProfile backing = new InstrumentProfile(sim.name(), sim.family(), sim.model(), device.capabilities(),
                sim.readTimeout(), sim.serial(), sim.usb(), sim.familySettings(), sim.file());
        Potentiostat simulated = registry.open(backing, new OpenOptions(cell, speed, Optional.of(seed), Optional.empty(),
                catalyst, home));
        SerialSettings serial = device.serial().orElse(SerialSettings.eightNoneOne(115200, device.readTimeout()));
        SerialTransport port = SerialTransport.openForEmulator(devicePort, serial);
        Runnable emulator;
        Runnable stop;
        java.util.function.Supplier<List<String>> received;
        switch (device.family()) {
            case "methodscript" -> {
                Map<Double, Integer> codes = new TreeMap<>();
                var table = MethodScriptProvider.rangeCodes(device);
                table.forEach((code, fullScale) -> codes.putIfAbsent(fullScale, code));
                String type = MethodScriptProvider.deviceTypes(device).get(0);
                MethodScriptEmulator ms = new MethodScriptEmulator(port, simulated, type + "1500#Nov 27 2026 12:00:00",
                        "EMU" + seed, codes, faults);
                emulator = ms;
                stop = ms::stop;
                received = ms::received;
            }
            case "rodeostat" -> {
                RodeostatEmulator ro = new RodeostatEmulator(port, simulated, device, faults);
                emulator = ro;
                stop = ro::stop;
                received = ro::received;
            }
            default -> throw new ConfigException(new Location(device.file(), 1, 1), "family",
                    "there is no emulator for the '" + device.family() + "' family; emulators exist for methodscript and rodeostat");
        }
        Thread thread = new Thread(emulator, "emulator " + profileName);
        thread.setDaemon(true);
        thread.start();
        Runnable closeAll = () -> {
            stop.run();
            port.close();
            simulated.close();
        };
        return new Running(thread, closeAll, received);
    }

    /** Stops the simulated cell behind an emulator; a failure is logged, as the emulator has no one to tell. */
    static void stopCell(Potentiostat cell) {
        try {
            cell.abort();
        } catch (DriverException e) {
            LoggerFactory.getLogger(Emulators.class).error("the emulator's simulated cell did not stop", e);
        }
    }
}
