package org.norrlab.emulator;

import org.junit.jupiter.api.io.TempDir;
import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.OpenOptions;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.PotentiostatContract;
import org.norrlab.driver.Speed;
import org.norrlab.testing.Fixtures;
import org.norrlab.testing.PtyPair;

import java.nio.file.Path;
import java.util.Optional;

/** The contract against a serial driver talking through jSerialComm to an emulator on a socat pty. */
abstract class EmulatedContract extends PotentiostatContract {
    @TempDir
    Path temp;
    PtyPair pty;
    Emulators.Running emulator;

    protected abstract String profile();

    @Override
    protected Potentiostat open(Speed speed) throws Exception {
        pty = new PtyPair(temp);
        emulator = Emulators.start(Fixtures.HOME, profile(), pty.device(), CELL, speed, Optional.of("NiNC"), 5, Faults.NONE);
        DriverRegistry registry = new DriverRegistry(Fixtures.HOME);
        return registry.open(registry.profile(profile()), new OpenOptions(CELL, Speed.MAX, Optional.empty(),
                Optional.of(pty.host()), Optional.empty(), Fixtures.HOME));
    }

    @Override
    protected void afterClose() throws Exception {
        emulator.close();
        pty.close();
    }
}
