package org.norrlab.cli;

import org.norrlab.driver.DriverRegistry;
import org.norrlab.driver.InstrumentProfile;
import org.norrlab.report.TextTable;
import org.norrlab.transport.PortFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "Lists serial ports with their stable path, USB ids, serial number and the instrument profiles each matches.")
final class PortsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    HomeOptions homeOptions;

    @Override
    public Integer call() throws Exception {
        DriverRegistry registry = new DriverRegistry(homeOptions.home());
        List<InstrumentProfile> profiles = new ArrayList<>();
        for (String name : registry.profileNames()) {
            profiles.add(registry.profile(name));
        }
        TextTable table = new TextTable("port", "stable path", "USB id", "serial number", "description", "matches");
        List<PortFinder.PortInfo> ports = PortFinder.list();
        for (PortFinder.PortInfo port : ports) {
            List<String> matches = profiles.stream().filter(p -> PortFinder.matches(port, p.portWanted())).map(InstrumentProfile::name).toList();
            table.row(port.systemPath(), port.stablePath().orElse("—"), port.usbIds(),
                    port.serialNumber().isEmpty() ? "—" : port.serialNumber(), port.description(),
                    matches.isEmpty() ? "—" : String.join(", ", matches));
        }
        table.print(spec.commandLine().getOut());
        if (ports.isEmpty()) {
            spec.commandLine().getOut().println("No serial ports found. Is the instrument plugged in and switched on?");
        }
        return ExitCodes.OK;
    }
}
