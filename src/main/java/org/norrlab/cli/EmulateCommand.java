package org.norrlab.cli;

import org.norrlab.driver.Speed;
import org.norrlab.emulator.Emulators;
import org.norrlab.emulator.Faults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "emulate", mixinStandardHelpOptions = true, description = {
        "Plays an instrument on a serial port, backed by the simulated NORR cell, until Ctrl-C.",
        "It lets you try the serial drivers without hardware. Make a linked port pair first, e.g.",
        "  socat -d -d pty,raw,echo=0,link=/tmp/ttyHost pty,raw,echo=0,link=/tmp/ttyDevice",
        "then: norrlab emulate emstat4-hr --port /tmp/ttyDevice, and in another terminal:",
        "  norrlab run protocols/demo-sweep.yaml --instrument emstat4-hr --port /tmp/ttyHost"})
final class EmulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;
    @Parameters(index = "0", paramLabel = "PROFILE", description = "Instrument profile to play (emstat4-hr, emstat4-lr, emstat-pico, rodeostat).")
    String profile;
    @Option(names = "--port", required = true, description = "The device end of the port pair.")
    String port;
    @Option(names = "--speed", defaultValue = "1", description = "Speed of the simulated cell (default: ${DEFAULT-VALUE}).")
    String speed;
    @Option(names = "--catalyst", description = "Catalyst preset of the simulated cell.")
    String catalyst;
    @Option(names = "--seed", defaultValue = "42")
    long seed;
    @Option(names = "--split-writes", paramLabel = "BYTES", defaultValue = "0", description = "Split every write into random chunks of at most BYTES.")
    int maxChunk;
    @Option(names = "--noise-every", paramLabel = "N", defaultValue = "0", description = "A garbage line after every N-th sample.")
    int noiseEvery;
    @Option(names = "--reply-delay", paramLabel = "MS", defaultValue = "0", description = "Wait before answering each command.")
    long replyDelayMs;
    @Option(names = "--error-after", paramLabel = "N", defaultValue = "-1", description = "Report a device error after N samples of a step.")
    int errorAfter;
    @Option(names = "--vanish-after", paramLabel = "N", defaultValue = "-1", description = "Close the port after N samples.")
    int vanishAfter;
    @Option(names = "--old-hardware", description = "A Rodeostat of hardware V0.1: no electrode switches, so its cell off"
            + " holds a potential (the site's cell.idle_potential).")
    boolean oldHardware;

    @Override
    public Integer call() throws Exception {
        var site = homeOptions.site();
        var cell = site.cell().resolve();
        Faults faults = new Faults(maxChunk, noiseEvery, Duration.ofMillis(replyDelayMs), errorAfter, vanishAfter,
                oldHardware);
        try (Emulators.Running running = Emulators.start(homeOptions.home(), profile, port, cell, Speed.parse(speed),
                Optional.ofNullable(catalyst), seed, faults)) {
            spec.commandLine().getOut().println("Emulating " + profile + " on " + port + "; Ctrl-C to stop.");
            spec.commandLine().getOut().flush();
            running.thread().join();
        }
        return ExitCodes.OK;
    }
}
