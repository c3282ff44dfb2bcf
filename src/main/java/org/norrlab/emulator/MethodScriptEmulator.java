package org.norrlab.emulator;

import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.CurrentRangeChoice;
import org.norrlab.core.Event;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.core.Technique;
import org.norrlab.driver.ChronoamperometryRequest;
import org.norrlab.driver.ChronopotentiometryRequest;
import org.norrlab.driver.CyclicVoltammetryRequest;
import org.norrlab.driver.DriverException;
import org.norrlab.driver.ImpedanceRequest;
import org.norrlab.driver.LinearSweepRequest;
import org.norrlab.driver.Measurement;
import org.norrlab.driver.MeasurementEnd;
import org.norrlab.driver.MeasurementRequest;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MethodSCRIPT device on the far end of a port: idle commands ({@code t}, {@code i}, {@code v},
 * {@code Z}, empty line), scripts sent with {@code e} and ended by an empty line, {@code meas_loop_ca},
 * {@code meas_loop_ocp}, {@code meas_loop_lsv}, {@code meas_loop_cv} (with {@code nscans(n)}: each scan between
 * {@code Cxxxx} and {@code -}) and, where the device has it, {@code meas_loop_cp}, whose packages carry the simulated
 * cell's samples, {@code meas_loop_eis} (packages [frequency, Z', Z''] from the cell's impedance points, "nan" where
 * the cell has none), {@code store_var}/{@code add_var}, the last potential of {@code meas_loop_ocp} left in its
 * variable, {@code on_finished:}, and abort with {@code Z}. Unknown commands get {@code !0003}, unknown script
 * commands {@code !4001}.
 */
public final class MethodScriptEmulator implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MethodScriptEmulator.class);
    /** Loop code observed for meas_loop_ca; the OCP loop's code is not documented in the sources read (u). */
    static final int CA_LOOP = 0x0007;
    static final int OCP_LOOP = 0x000B;
    /** Observed in real EmStat Pico transcripts (serial-protocols.md §1.3). */
    static final int LSV_LOOP = 0x0000;
    static final int CV_LOOP = 0x0005;
    /** Not found in the sources read (no recorded CP transcript); chosen here. The driver accepts any 4 hex digits. */
    static final int CP_LOOP = 0x0009;
    /** Observed for meas_loop_eis in a real EmStat Pico transcript (serial-protocols.md §1.3). */
    static final int EIS_LOOP = 0x000D;
    /**
     * The range code sent with Z'' ({@code cd}), which is the potential range: 0x02 as in most packages of the recorded
     * EmStat Pico EIS log (Genotyper-Firmware ms_plot_eis_20220711-162101.txt). The emulator models no potential
     * ranges, and the driver reads the current range from Z' ({@code cc}).
     */
    static final int EIS_POTENTIAL_RANGE_CODE = 0x02;

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
                            "set_range", "set_autoranging", "set_e", "set_i", "timer_start", "cell_off" -> {
                    }
                    case "cell_on" -> cell.setCellOn(true);
                    case "store_var" -> variables.put(words[1], value(words[2], variables, i));
                    case "add_var" -> variables.put(words[1], value(words[1], variables, i) + value(words[2], variables, i));
                    case "meas_loop_ca", "meas_loop_ocp", "meas_loop_lsv", "meas_loop_cv", "meas_loop_cp",
                            "meas_loop_eis" -> {
                        int end = main.subList(i, main.size()).indexOf("endloop");
                        if (end < 0) {
                            throw new ScriptError("4018", "(Line " + (i + 2) + ", Col 1)");
                        }
                        double last = runLoop(words, variables, i);
                        if (words[0].equals("meas_loop_ocp")) {
                            variables.put(words[1], last);   // the output variable holds the last potential measured
                        }
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

    /** The loop of one {@code meas_loop_*} line: its marker code, what the cell is asked, and how its packages look. */
    /** @param setValue the potential a CA loop holds or the current a CP loop applies: what the package reports as set */
    private record Loop(int code, MeasurementRequest request, Layout layout, double setValue, boolean scanMarkers) {
        Loop(int code, MeasurementRequest request, Layout layout) {
            this(code, request, layout, Double.NaN, false);
        }
    }

    /** What a package holds, in the order the driver's scripts add the variables. */
    private enum Layout {
        /** timer, set potential (da), current (ba) with status and range */
        TIME_SET_POTENTIAL_CURRENT,
        /** timer, measured potential (ab) */
        TIME_POTENTIAL,
        /** set potential (da), current (ba) with status and range, as PalmSens' LSV and CV examples */
        SET_POTENTIAL_CURRENT,
        /** timer, measured potential (ab) with status, applied (set) current (db) */
        TIME_POTENTIAL_SET_CURRENT,
        /** frequency (dc), Z' (cc) and Z'' (cd) with status and range, as PalmSens' EIS examples */
        IMPEDANCE
    }

    private Loop loop(String[] words, Map<String, Double> variables, int line) throws ScriptError {
        switch (words[0]) {
            case "meas_loop_ca" -> {
                arguments(words, 6, line);
                double volts = value(words[3], variables, line);
                return new Loop(CA_LOOP, new ChronoamperometryRequest(volts, duration(words[4], variables, line),
                        duration(words[5], variables, line), CurrentRangeChoice.AUTO), Layout.TIME_SET_POTENTIAL_CURRENT,
                        volts, false);
            }
            case "meas_loop_ocp" -> {
                arguments(words, 4, line);
                return new Loop(OCP_LOOP, new OpenCircuitRequest(duration(words[2], variables, line),
                        duration(words[3], variables, line)), Layout.TIME_POTENTIAL);
            }
            case "meas_loop_lsv" -> {
                arguments(words, 7, line);
                return new Loop(LSV_LOOP, valid(() -> new LinearSweepRequest(value(words[3], variables, line),
                        value(words[4], variables, line), value(words[5], variables, line), value(words[6], variables, line),
                        CurrentRangeChoice.AUTO), line), Layout.SET_POTENTIAL_CURRENT);
            }
            case "meas_loop_cv" -> {
                int scans = 1;
                if (words.length == 9) {
                    scans = scans(words[8], line);
                } else {
                    arguments(words, 8, line);
                }
                int cycles = scans;
                return new Loop(CV_LOOP, valid(() -> new CyclicVoltammetryRequest(value(words[3], variables, line),
                        value(words[4], variables, line), value(words[5], variables, line), cycles,
                        value(words[6], variables, line), value(words[7], variables, line), CurrentRangeChoice.AUTO), line),
                        Layout.SET_POTENTIAL_CURRENT, Double.NaN, cycles > 1);
            }
            case "meas_loop_cp" -> {
                if (!cell.capabilities().supports(Technique.CHRONOPOTENTIOMETRY)) {
                    throw new ScriptError("4001", "(Line " + (line + 2) + ", Col 1)");   // a device without the loop
                }
                arguments(words, 6, line);
                double amperes = value(words[3], variables, line);
                return new Loop(CP_LOOP, valid(() -> new ChronopotentiometryRequest(amperes, duration(words[4], variables, line),
                        duration(words[5], variables, line), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                        CurrentRangeChoice.AUTO), line), Layout.TIME_POTENTIAL_SET_CURRENT, amperes, false);
            }
            case "meas_loop_eis" -> {
                if (!cell.capabilities().supports(Technique.IMPEDANCE)) {
                    throw new ScriptError("4001", "(Line " + (line + 2) + ", Col 1)");   // a device without the loop
                }
                arguments(words, 9, line);
                double amplitude = value(words[4], variables, line);
                double begin = value(words[5], variables, line);
                double end = value(words[6], variables, line);
                double count = value(words[7], variables, line);
                double dc = value(words[8], variables, line);
                List<Double> frequencies = logarithmic(begin, end, count, line);
                return new Loop(EIS_LOOP, valid(() -> new ImpedanceRequest(dc, false, amplitude, frequencies,
                        CurrentRangeChoice.AUTO), line), Layout.IMPEDANCE);
            }
            default -> throw new ScriptError("4001", "(Line " + (line + 2) + ", Col 1)");
        }
    }

    /** The frequencies of {@code meas_loop_eis}: {@code count} from begin to end on a logarithmic scale, both included. */
    private static List<Double> logarithmic(double begin, double end, double count, int line) throws ScriptError {
        if (count < 1 || count != Math.rint(count) || !(begin > 0) || !(end > 0)) {
            throw new ScriptError("0007", "(Line " + (line + 2) + ", Col 1)");
        }
        int n = (int) count;
        List<Double> frequencies = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            frequencies.add(n == 1 ? begin : begin * Math.pow(end / begin, (double) k / (n - 1)));
        }
        return frequencies;
    }

    /** Runs one measurement loop; returns the potential of its last sample (what an OCP loop leaves in its variable). */
    private double runLoop(String[] words, Map<String, Double> variables, int line)
            throws TransportException, DriverException, InterruptedException, ScriptError {
        Loop loop = loop(words, variables, line);
        out.write(String.format(Locale.ROOT, "M%04X\n", loop.code()));
        PackageSink sink = new PackageSink(loop);
        Measurement measurement = cell.start(loop.request(), sink);
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
        } else {
            sink.endScan();
        }
        log.debug("emulated loop ended: {}", end.outcome());
        out.write("*\n");
        return sink.lastPotential;
    }

    private static void arguments(String[] words, int count, int line) throws ScriptError {
        if (words.length != count) {
            throw new ScriptError("4018", "(Line " + (line + 2) + ", Col 1)");
        }
    }

    private static Duration duration(String word, Map<String, Double> variables, int line) throws ScriptError {
        return Duration.ofNanos(Math.round(value(word, variables, line) * 1e9));
    }

    /** {@code nscans(n)}: the number of scans of a CV loop. */
    private static int scans(String word, int line) throws ScriptError {
        Matcher m = Pattern.compile("nscans\\((\\d+)\\)").matcher(word);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new ScriptError("4004", "(Line " + (line + 2) + ", Col 1)");
        }
        return Integer.parseInt(m.group(1));
    }

    @FunctionalInterface
    private interface RequestMaker<T extends MeasurementRequest> {
        T make() throws ScriptError;
    }

    /** Arguments the request refuses (a step of 0, a begin outside the vertices) are refused as the device does. */
    private static <T extends MeasurementRequest> T valid(RequestMaker<T> maker, int line) throws ScriptError {
        try {
            return maker.make();
        } catch (IllegalArgumentException e) {
            log.info("emulator refuses a loop's arguments: {}", e.getMessage());
            throw new ScriptError("0007", "(Line " + (line + 2) + ", Col 1)");
        }
    }

    /**
     * Turns the simulated cell's samples into packages of the loop's layout. A CV of more than one scan brackets each
     * scan by {@code Cxxxx} (here the scan's number from 1; what the digits mean was not found) and {@code -}.
     */
    private final class PackageSink implements SampleSink {
        private final Layout layout;
        private final double setValue;
        private final boolean scanMarkers;
        private int scan;
        private int count;
        private double lastPotential = Double.NaN;
        private boolean errorSent;
        private TransportException failure;

        PackageSink(Loop loop) {
            this.layout = loop.layout();
            this.setValue = loop.setValue();
            this.scanMarkers = loop.scanMarkers();
        }

        @Override
        public void impedance(ImpedancePoint point) {
            if (failure != null || errorSent) {
                return;
            }
            try {
                String status = String.format(",1%X", status(point.flags()));
                out.write("Pdc" + DataValue.encode(point.frequencyHz())
                        + ";cc" + DataValue.encode(point.realOhms()) + status
                        + String.format(",2%02X", rangeCode(point.rangeAmperes()))
                        + ";cd" + DataValue.encode(point.imaginaryOhms()) + status
                        + String.format(",2%02X", EIS_POTENTIAL_RANGE_CODE) + "\n");
            } catch (TransportException e) {
                failure = e;
                Emulators.stopCell(cell);
            }
        }

        @Override
        public void sample(Sample sample) {
            if (failure != null || errorSent) {
                return;
            }
            try {
                count++;
                lastPotential = sample.potentialVolts();
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
                if (scanMarkers && sample.cycle() != scan) {
                    endScan();
                    scan = sample.cycle();
                    out.write(String.format(Locale.ROOT, "C%04X\n", scan));
                }
                out.write(packageLine(sample));
                if (faults.noiseEvery() > 0 && count % faults.noiseEvery() == 0) {
                    out.write(out.garbage());
                }
            } catch (TransportException e) {
                failure = e;
                Emulators.stopCell(cell);
            }
        }

        /** Closes the open scan of a multi-scan loop. */
        void endScan() throws TransportException {
            if (scan > 0) {
                out.write("-\n");
                scan = 0;
            }
        }

        private String packageLine(Sample sample) {
            StringBuilder line = new StringBuilder("P");
            switch (layout) {
                case TIME_SET_POTENTIAL_CURRENT -> {
                    line.append("eb").append(DataValue.encode(sample.timeSeconds()));
                    line.append(";da").append(DataValue.encode(setValue)).append(";ba").append(current(sample));
                }
                case TIME_POTENTIAL -> line.append("eb").append(DataValue.encode(sample.timeSeconds()))
                        .append(";ab").append(DataValue.encode(sample.potentialVolts()));
                case SET_POTENTIAL_CURRENT -> line.append("da").append(DataValue.encode(sample.potentialVolts()))
                        .append(";ba").append(current(sample));
                case TIME_POTENTIAL_SET_CURRENT -> line.append("eb").append(DataValue.encode(sample.timeSeconds()))
                        .append(";ab").append(DataValue.encode(sample.potentialVolts()))
                        .append(String.format(",1%X", status(sample.flags())))
                        .append(";db").append(DataValue.encode(setValue));
                default -> throw new IllegalStateException("no package layout " + layout);
            }
            return line.append('\n').toString();
        }

        private String current(Sample sample) {
            return DataValue.encode(sample.currentAmperes())
                    + String.format(",1%X,2%02X", status(sample.flags()), rangeCode(sample.rangeAmperes()));
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
