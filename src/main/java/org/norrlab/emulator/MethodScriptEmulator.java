package org.norrlab.emulator;

import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.OpenCircuitRequest;
import org.norrlab.driver.Potentiostat;
import org.norrlab.driver.SampleSink;
import org.norrlab.protocol.LineAssembler;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.SiPrefix;
import org.norrlab.transport.Transport;
import org.norrlab.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A MethodSCRIPT device on the far end of a port: idle commands ({@code t}, {@code i}, {@code v},
 * {@code Z}, empty line), scripts sent with {@code e} and ended by an empty line, {@code meas_loop_ca}
 * and {@code meas_loop_ocp} loops whose packages carry the simulated cell's samples, {@code on_finished:},
 * and abort with {@code Z}. Unknown commands get {@code !0003}, unknown script commands {@code !4001}.
 */
public final class MethodScriptEmulator implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MethodScriptEmulator.class);
    /** Loop code observed for meas_loop_ca; the OCP loop's code is not documented in the sources read (u). */
    static final int CA_LOOP = 0x0007;
    static final int OCP_LOOP = 0x000B;

    private final Transport port;
    private final Potentiostat cell;
    private final String firmware;
    private final String serialNumber;
    private final Faults faults;
    private final DeviceWriter out;
    private final NavigableMap<Double, Integer> rangeCodes;
    private final AtomicBoolean abort = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean scriptRunning;

    /**
     * @param rangeCodes full scale in amperes → the range code the device reports for it
     */
    public MethodScriptEmulator(Transport port, Potentiostat cell, String firmware, String serialNumber,
                                Map<Double, Integer> rangeCodes, Faults faults) {
        this.port = port;
        this.cell = cell;
        this.firmware = firmware;
        this.serialNumber = serialNumber;
        this.faults = faults;
        this.out = new DeviceWriter(port, faults, 7);
        this.rangeCodes = new TreeMap<>(rangeCodes);
    }

    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The lines this device received, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public void stop() {
        stopped = true;
        abort.set(true);
        Emulators.stopCell(cell);
    }

    @Override
    public void run() {
        LineAssembler lines = new LineAssembler(4096);
        byte[] buffer = new byte[1024];
        List<String> script = null;
        try {
            while (!stopped) {
                int count = port.read(buffer);
                for (String line : lines.feed(buffer, 0, count)) {
                    received.add(line);
                    faults.pauseBeforeReply();
                    if (script != null) {
                        if (line.isEmpty()) {
                            List<String> body = script;
                            script = null;
                            startScript(body);
                        } else {
                            script.add(line.strip());
                        }
                        continue;
                    }
                    if (scriptRunning) {
                        whileRunning(line);
                    } else if (line.equals("e")) {
                        script = new ArrayList<>();
                    } else {
                        idle(line);
                    }
                }
            }
        } catch (TransportException e) {
            log.info("emulator port closed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("emulator failed", e);
        }
    }

    private void idle(String line) throws TransportException {
        switch (line) {
            case "" -> out.write("\n");
            case "t" -> out.write("t" + firmware + "\nR*\n");
            case "i" -> out.write("i" + serialNumber + "\n");
            case "v" -> out.write("v01.09.00\n");
            case "Z" -> out.write("Z!0006\n");
            default -> out.write(line.charAt(0) + "!0003\n");
        }
    }

    private void whileRunning(String line) throws TransportException {
        if (line.equals("Z")) {
            out.write("Z\n");
            abort.set(true);
            Emulators.stopCell(cell);
        } else if (!line.isEmpty()) {
            out.write(line.charAt(0) + "!0003\n");
        }
    }

    private void startScript(List<String> lines) {
        abort.set(false);
        Thread thread = new Thread(() -> {
            try {
                execute(lines);
            } catch (TransportException | DriverException e) {
                log.info("emulator port closed while running a script: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "methodscript-emulator-script");
        thread.setDaemon(true);
        scriptRunning = true;
        thread.start();
    }

    /** Runs a script: the commands before on_finished:, then those after it, however the first part ends. */
    private void execute(List<String> lines) throws TransportException, DriverException, InterruptedException {
        out.write("e\n");
        Map<String, Double> variables = new HashMap<>();
        int finished = lines.indexOf("on_finished:");
        List<String> main = finished < 0 ? lines : lines.subList(0, finished);
        List<String> after = finished < 0 ? List.of() : lines.subList(finished + 1, lines.size());
        try {
            for (int i = 0; i < main.size(); i++) {
                String[] words = main.get(i).split("\\s+");
                switch (words[0]) {
                    case "var", "set_pgstat_chan", "set_pgstat_mode", "set_max_bandwidth", "set_range_minmax",
                            "set_range", "set_autoranging", "set_e", "timer_start", "cell_off" -> {
                    }
                    case "cell_on" -> cell.setCellOn(true);
                    case "store_var" -> variables.put(words[1], value(words[2], variables, i));
                    case "meas_loop_ca", "meas_loop_ocp" -> {
                        int end = main.subList(i, main.size()).indexOf("endloop");
                        if (end < 0) {
                            throw new ScriptError("4018", "(Line " + (i + 2) + ", Col 1)");
                        }
                        boolean ca = words[0].equals("meas_loop_ca");
                        runLoop(ca, words, variables, i);
                        i += end;
                        if (abort.get()) {
                            i = main.size();
                        }
                    }
                    default -> throw new ScriptError("4001", "(Line " + (i + 2) + ", Col 1)");
                }
            }
        } catch (ScriptError e) {
            out.write("!" + e.code + ": " + e.context + "\n");
        }
        for (String line : after) {
            if (line.equals("cell_off")) {
                cell.setCellOn(false);
            }
        }
        // Idle again before the end line goes out: the host may send its next command the moment it sees it.
        scriptRunning = false;
        out.write("\n");
    }

    private void runLoop(boolean ca, String[] words, Map<String, Double> variables, int line)
            throws TransportException, DriverException, InterruptedException, ScriptError {
        double volts = ca ? value(words[3], variables, line) : Double.NaN;
        double interval = value(words[ca ? 4 : 2], variables, line);
        double duration = value(words[ca ? 5 : 3], variables, line);
        out.write(String.format(Locale.ROOT, "M%04X\n", ca ? CA_LOOP : OCP_LOOP));
        PackageSink sink = new PackageSink(ca, volts);
        Duration step = Duration.ofNanos(Math.round(interval * 1e9));
        Duration total = Duration.ofNanos(Math.round(duration * 1e9));
        Measurement measurement = ca
                ? cell.start(new ChronoamperometryRequest(volts, step, total, CurrentRangeChoice.AUTO), sink)
                : cell.start(new OpenCircuitRequest(step, total), sink);
        MeasurementEnd end;
        while (true) {
            var result = measurement.awaitEnd(Duration.ofMillis(200));
            if (result.isPresent()) {
                end = result.get();
                break;
            }
        }
        if (sink.failure != null) {
            throw sink.failure;
        }
        if (sink.errorSent) {
            abort.set(true);
        }
        log.debug("emulated loop ended: {}", end.outcome());
        out.write("*\n");
    }

    /** Turns the simulated cell's samples into packages: timer (eb), potential (da or ab), current (ba + status, range). */
    private final class PackageSink implements SampleSink {
        private final boolean ca;
        private final double setVolts;
        private int count;
        private boolean errorSent;
        private TransportException failure;

        PackageSink(boolean ca, double setVolts) {
            this.ca = ca;
            this.setVolts = setVolts;
        }

        @Override
        public void sample(Sample sample) {
            if (failure != null || errorSent) {
                return;
            }
            try {
                count++;
                if (count == faults.vanishAfterSamples()) {
                    log.info("emulator vanishes after {} samples", count - 1);
                    stopped = true;
                    port.close();
                    Emulators.stopCell(cell);
                    return;
                }
                if (count == faults.errorAfterSamples()) {
                    out.write("!0032\n");
                    errorSent = true;
                    Emulators.stopCell(cell);
                    return;
                }
                StringBuilder line = new StringBuilder("Peb").append(DataValue.encode(sample.timeSeconds()));
                if (ca) {
                    line.append(";da").append(DataValue.encode(setVolts));
                    line.append(";ba").append(DataValue.encode(sample.currentAmperes()));
                    line.append(String.format(",1%X,2%02X", status(sample.flags()), rangeCode(sample.rangeAmperes())));
                } else {
                    line.append(";ab").append(DataValue.encode(sample.potentialVolts()));
                }
                out.write(line.append('\n').toString());
                if (faults.noiseEvery() > 0 && count % faults.noiseEvery() == 0) {
                    out.write(out.garbage());
                }
            } catch (TransportException e) {
                failure = e;
                Emulators.stopCell(cell);
            }
        }

        @Override
        public void event(Event event) {
            // the simulator's ground truth stays inside the emulator: a real device has none to send
        }
    }

    private int rangeCode(double fullScale) {
        Map.Entry<Double, Integer> entry = rangeCodes.ceilingEntry(fullScale * (1 - 1e-9));
        return entry == null ? rangeCodes.lastEntry().getValue() : entry.getValue();
    }

    private static int status(int flags) {
        int status = 0;
        if (SampleFlag.TIMING.isSetIn(flags)) {
            status |= DataValue.STATUS_TIMING;
        }
        if (SampleFlag.OVERLOAD.isSetIn(flags)) {
            status |= DataValue.STATUS_OVERLOAD;
        }
        if (SampleFlag.UNDERLOAD.isSetIn(flags)) {
            status |= DataValue.STATUS_UNDERLOAD;
        }
        if (SampleFlag.OVERLOAD_WARNING.isSetIn(flags)) {
            status |= DataValue.STATUS_OVERLOAD_WARNING;
        }
        return status;
    }

    /** A literal with an optional SI prefix ("100m", "-1010760u", "2") or a stored variable. */
    private static double value(String word, Map<String, Double> variables, int line) throws ScriptError {
        Double stored = variables.get(word);
        if (stored != null) {
            return stored;
        }
        char last = word.charAt(word.length() - 1);
        double factor = Character.isLetter(last) ? SiPrefix.factor(last) : 1;
        String number = Character.isLetter(last) ? word.substring(0, word.length() - 1) : word;
        try {
            if (Double.isNaN(factor)) {
                throw new NumberFormatException(word);
            }
            return Double.parseDouble(number) * factor;
        } catch (NumberFormatException e) {
            throw new ScriptError("4004", "(Line " + (line + 2) + ", Col 1)");
        }
    }

    private static final class ScriptError extends Exception {
        final String code;
        final String context;

        ScriptError(String code, String context) {
            super(code + " " + context);
            this.code = code;
            this.context = context;
        }
    }
}
