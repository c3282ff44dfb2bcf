package org.norrlab.importer;

import org.norrlab.core.Technique;
import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.importer.PsSessionJson.DataArray;
import org.norrlab.importer.PsSessionJson.Measurement;

import org.norrlab.store.StoredSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * PalmSens PSTrace session (.pssession), read as a stream by {@link PsSessionJson}. Each measurement's data set holds
 * its arrays one after another ("time", "potential", "current"; a CV names one pair per scan, "scan1channel1", …), so
 * a measurement's columns are held as plain numbers until its end and then handed on as samples: one step per
 * current series (per scan of a CV). An impedance measurement becomes an eis step ({@link PalmSensSpectrum}).
 */
public final class PalmSensImporter implements Importer {
    /** Seconds from 0001-01-01T00:00Z, where .NET counts its ticks from, to 1970-01-01T00:00Z. */
    static final long DOT_NET_EPOCH_TO_UNIX_SECONDS = 62_135_596_800L;

    @Override
    public String format() {
        return "pssession";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pssession");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        PsSessionJson.read(file, (measurement, sessionMethod) -> new MeasurementSteps(file, sink, measurement,
                sessionMethod).handOn());
    }

    /** A current (or, with none, a potential) series that becomes one step; time and potential may be absent. */
    private record Series(String name, DataArray time, DataArray potential, DataArray current) {
    }

    /** One measurement, read to its end, handed on as steps: one per series. */
    private static final class MeasurementSteps {
        private final Path file;
        private final ImportSink sink;
        private final Measurement measurement;
        private final String method;
        private final boolean first;
        /** The time the next scan of a CV whose scans are its cycles begins at. */
        private double nextStart;

        MeasurementSteps(Path file, ImportSink sink, Measurement measurement, String sessionMethod) {
            this.file = file;
            this.sink = sink;
            this.measurement = measurement;
            this.method = measurement.method.isBlank() ? sessionMethod : measurement.method;
            this.first = measurement.number == 1;
        }

        void handOn() throws ImportException {
            Optional<String> methodId = methodValue("METHOD_ID");
            if (methodId.filter(id -> id.equalsIgnoreCase("eis")).isPresent() || measurement.impedanceSpectra > 0
                    || measurement.dataSet.stream().anyMatch(DataArray::isImpedance)
                    || measurement.title.toLowerCase(Locale.ROOT).contains("impedance")) {
                if (first) {
                    sink.file(facts());
                }
                new PalmSensSpectrum(file, sink, measurement, methodId.orElse(""), this::methodValue).handOn();
                return;
            }
            String kind = switch (methodId.orElse("").toLowerCase(Locale.ROOT)) {
                case "ad" -> "ca";
                case "cv" -> "cv";
                case "lsv" -> "lsv";
                default -> "other";
            };
            List<Series> series = series();
            if (series.isEmpty()) {
                throw new ImportException(file, 0, measurement.name() + " holds no time, potential or current series"
                        + " (arrays: " + describe(measurement.dataSet) + "); norrlab imports time series only");
            }
            if (first) {
                sink.file(facts());
            }
            // A CV's scans are the cycles of one step, timed on from scan to scan by E_STEP / SCAN_RATE (only the first
            // scan has a time array); without that interval their times could not run on, so each stays a step.
            boolean cycles = kind.equals("cv") && series.size() > 1 && sweepInterval(kind).isPresent();
            for (int k = 0; k < series.size(); k++) {
                step(kind, series.get(k), series.size() > 1 && !cycles, cycles ? k + 1 : 0,
                        !cycles || k == series.size() - 1);
            }
            unused(series);
            compensation();
        }

        private FileFacts facts() {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("technique", measurement.title);
            if (measurement.utcTicks > 0) {
                // UTC by its name, so a time norrlab can state without a guess at the instrument PC's zone
                metadata.put(StoredSession.STATED_START_OPTION,
                        utc(measurement.utcTicks) + " (its measurement's UTCTimeStamp)");
            }
            metadata.put("method", method.lines().filter(l -> l.startsWith("METHOD_ID=") || l.startsWith("TECHNIQUE=")
                    || l.startsWith("T_INTERVAL=") || l.startsWith("T_RUN=")).collect(Collectors.joining("; ")));
            return new FileFacts("pssession", measurement.title, new InstrumentIdentity("imported", "palmsens",
                    model(measurement.device), measurement.firmware, measurement.serial), metadata, StatedCell.NONE);
        }

        /** .NET ticks, 100 ns each since 0001-01-01T00:00Z, as an instant. */
        static Instant utc(long ticks) {
            return Instant.ofEpochSecond(ticks / 10_000_000L - DOT_NET_EPOCH_TO_UNIX_SECONDS,
                    ticks % 10_000_000L * 100);
        }

        /**
         * PSTrace writes DeviceUsed as a number in files of some versions (15 in an EmStat4 HR's): a code of its own
         * whose table is not published, so it is shown as the code it is, not as a model it might stand for.
         */
        private static String model(String deviceUsed) {
            return deviceUsed.matches("\\d{1,9}") ? "PalmSens instrument (PSTrace DeviceUsed code " + deviceUsed + ")"
                    : deviceUsed;
        }

        /**
         * The series to store: in the data set, each description's potential and current pair (a CV's
         * "scan1channel1" …; "potential" and "current" together) with the "time" array; without such arrays, the
         * curves. A potential array beside a current series (EmStat4 "Measured WE potential") is not a series.
         */
        private List<Series> series() throws ImportException {
            if (!measurement.dataSetHasSeries()) {
                List<Series> fromCurves = new ArrayList<>();
                for (DataArray[] curve : measurement.curves) {
                    DataArray x = curve[0];
                    DataArray y = curve[1];
                    if (y.isCurrent() && (x.isTime() || x.isPotential())) {
                        fromCurves.add(new Series(y.description(), x.isTime() ? x : null, x.isPotential() ? x : null, y));
                    } else if (y.isPotential() && x.isTime()) {
                        fromCurves.add(new Series(y.description(), x, y, null));
                    } else {
                        throw new ImportException(file, 0, measurement.name() + ": a curve of '" + y.description()
                                + "' (" + y.unitType() + ") against '" + x.description() + "' (" + x.unitType()
                                + ") is not a time or potential series norrlab reads");
                    }
                }
                return fromCurves;
            }
            DataArray time = measurement.dataSet.stream().filter(DataArray::isTime).findFirst().orElse(null);
            Map<String, DataArray[]> pairs = new LinkedHashMap<>();
            for (DataArray array : measurement.dataSet) {
                if (array.isPotential() || array.isCurrent()) {
                    String key = array.description().toLowerCase(Locale.ROOT);
                    key = key.equals("potential") || key.equals("current") ? "" : key;
                    DataArray[] pair = pairs.computeIfAbsent(key, k -> new DataArray[2]);
                    pair[array.isCurrent() ? 1 : 0] = pair[array.isCurrent() ? 1 : 0] == null ? array
                            : pair[array.isCurrent() ? 1 : 0];
                }
            }
            boolean anyCurrent = pairs.values().stream().anyMatch(p -> p[1] != null);
            List<Series> series = new ArrayList<>();
            for (Map.Entry<String, DataArray[]> pair : pairs.entrySet()) {
                if (anyCurrent && pair.getValue()[1] == null) {
                    continue;
                }
                series.add(new Series(pair.getKey(), series.isEmpty() ? time : null, pair.getValue()[0], pair.getValue()[1]));
            }
            return series;
        }

        /**
         * Hands on one series: a step of its own, or (cycle > 0) cycle {@code cycle} of the measurement's one CV step,
         * which the first scan begins and the {@code last} ends.
         */
        private void step(String kind, Series series, boolean scans, int cycle, boolean last) throws ImportException {
            int n = Integer.MAX_VALUE;
            List<String> lengths = new ArrayList<>();
            for (DataArray array : new DataArray[] {series.potential(), series.current()}) {
                if (array != null) {
                    n = Math.min(n, array.length());
                    lengths.add(array.length() + " in '" + array.description() + "'");
                }
            }
            String label = measurement.title + (scans ? " " + series.name() : cycle > 0 ? " (scans as cycles)" : "");
            boolean continuing = cycle > 1;
            DataArray time = series.time() != null && series.time().length() == n ? series.time() : null;
            double step = Double.NaN;
            String timeNote = "";
            if (time == null) {
                OptionalDouble interval = sweepInterval(kind);
                if (interval.isPresent()) {
                    step = interval.getAsDouble();
                    timeNote = "each sample's time is its point number × E_STEP / SCAN_RATE of the method ("
                            + methodValue("E_STEP").orElseThrow() + " V / " + methodValue("SCAN_RATE").orElseThrow()
                            + " V/s = " + step + " s), counted from the step's start";
                } else {
                    step = 1;
                    label += " (time = point number, not s)";
                    timeNote = "each sample's time is its point number (0, 1, 2, …), not seconds, so the step's duration,"
                            + " rates and charge are not physical";
                }
                sink.note(file.getFileName() + ": " + measurement.name() + (scans || cycle > 0 ? " " + series.name() : "")
                        + (series.time() == null ? " has no time array" : " has a time array of " + series.time().length()
                        + " points for " + n + " samples") + ": " + timeNote);
            }
            double offset = time == null || n == 0 ? 0 : time.values()[0];
            if (offset != 0) {
                label += String.format(Locale.ROOT, " (from %s s in the file)", offset);
            }
            Optional<Potential> set = kind.equals("ca") ? setPotential() : Optional.empty();
            double from = continuing ? nextStart : 0;
            if (!continuing) {
                sink.beginStep(Technique.isSweep(kind) ? new StepFacts(kind, label, Double.NaN, statedSweep())
                        : new StepFacts(kind, label, set, kind.equals("ca") ? methodValue("T_INTERVAL")
                        .map(v -> parse(v)).orElse(Double.NaN) : Double.NaN));
            }
            int placesToAmperes = series.current() == null ? 0 : placesToAmperes(series.current());
            for (int i = 0; i < n; i++) {
                double t = from + (time != null ? time.values()[i] - offset : i * step);
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new ImportException(file, 0, measurement.name() + ": point " + (i + 1) + " of '" + label
                            + "' is at " + (t + offset) + " s, before the step's first point; time must run forward");
                }
                double volts = series.potential() == null ? Double.NaN : series.potential().values()[i];
                if (Double.isInfinite(volts)) {
                    throw new ImportException(file, 0, measurement.name() + ": point " + (i + 1) + " of '"
                            + series.potential().description() + "' is " + volts + ", not a measured potential");
                }
                if (series.current() == null) {
                    sink.sample(Sample.potentialOnly(t, volts));
                    continue;
                }
                double amperes = VendorText.movePointLeft(series.current().values()[i], placesToAmperes);
                if (!Double.isFinite(amperes)) {
                    throw new ImportException(file, 0, measurement.name() + ": point " + (i + 1) + " of '"
                            + series.current().description() + "' is " + amperes + ", not a measured current");
                }
                Sample sample = new Sample(t, volts, amperes, Double.NaN, 0);
                sink.sample(cycle > 0 ? sample.inSweep(cycle, 1) : sample);
                // the next scan's first point follows this one's last by one point interval
                nextStart = t + sweepInterval(kind).orElse(Double.NaN);
            }
            if (last) {
                sink.endStep();
            }
            if (lengths.size() > 1 && series.potential().length() != series.current().length()) {
                sink.note(file.getFileName() + ": " + label + ": the arrays differ in length (" + String.join(", ", lengths)
                        + "): the first " + n + " points, which have both, are kept");
            }
            if (kind.equals("ca") && set.isEmpty()) {
                sink.note(file.getFileName() + ": " + label + ": the method's set potential E is not stated vs the"
                        + " reference electrode (" + method.lines().filter(l -> l.startsWith("E=") || l.startsWith("EOCP=")
                        || l.startsWith("VS_PREV_E=") || l.startsWith("REF_ELECTRODE_OFFSET=")).collect(Collectors.joining(", "))
                        + ")");
            }
        }

        /**
         * What the method states of a sweep: SCAN_RATE (V/s), E_STEP, and E_BEGIN, E_VTX1, E_VTX2, E_END as potentials vs
         * the reference electrode, unless a reference offset is set (then they are not, and are taken from the data).
         */
        private StatedSweep statedSweep() {
            StatedSweep stated = StatedSweep.NONE;
            double rate = methodValue("SCAN_RATE").map(MeasurementSteps::parse).orElse(Double.NaN);
            if (rate > 0) {
                stated = stated.withScanRate(rate, "method SCAN_RATE=" + methodValue("SCAN_RATE").orElseThrow() + " V/s");
            }
            stated = stated.withStep(methodValue("E_STEP").map(v -> Math.abs(parse(v))).orElse(Double.NaN));
            boolean offset = methodValue("REF_ELECTRODE_OFFSET").map(MeasurementSteps::parse).filter(v -> v != 0).isPresent();
            if (offset) {
                return stated;
            }
            return stated.withPotentials(methodVolts("E_BEGIN"), methodVolts("E_VTX1"), methodVolts("E_VTX2"),
                    methodVolts("E_END"));
        }

        private double methodVolts(String key) {
            return methodValue(key).map(MeasurementSteps::parse).orElse(Double.NaN);
        }

        /** E_STEP / SCAN_RATE for a sweep whose method states both: the time between its points. */
        private OptionalDouble sweepInterval(String kind) {
            if (!kind.equals("cv") && !kind.equals("lsv")) {
                return OptionalDouble.empty();
            }
            Optional<String> estep = methodValue("E_STEP");
            Optional<String> rate = methodValue("SCAN_RATE");
            if (estep.isEmpty() || rate.isEmpty()) {
                return OptionalDouble.empty();
            }
            double interval = Math.abs(parse(estep.get())) / parse(rate.get());
            return interval > 0 && Double.isFinite(interval) ? OptionalDouble.of(interval) : OptionalDouble.empty();
        }

        /**
         * The CA's set potential: the method's E, which PSTrace states vs the reference electrode unless E is vs the open
         * circuit (EOCP holds a value) or vs the previous step (VS_PREV_E=True), or a reference offset is set; then
         * nothing.
         */
        private Optional<Potential> setPotential() {
            Optional<Double> e = methodValue("E").map(MeasurementSteps::parse).filter(Double::isFinite);
            boolean vsOcp = methodValue("EOCP").map(MeasurementSteps::parse).filter(v -> !Double.isNaN(v)).isPresent();
            boolean vsPrevious = methodValue("VS_PREV_E").filter(v -> v.equalsIgnoreCase("true")).isPresent();
            boolean offset = methodValue("REF_ELECTRODE_OFFSET").map(MeasurementSteps::parse).filter(v -> v != 0).isPresent();
            if (e.isEmpty() || vsOcp || vsPrevious || offset) {
                return Optional.empty();
            }
            return Optional.of(new Potential(e.get(), Potential.Scale.RE));
        }

        /** How many places the decimal point moves from the array's unit to A (µA: 6), so the conversion is exact. */
        private int placesToAmperes(DataArray current) throws ImportException {
            String prefix = PsSessionJson.currentPrefix(current.unitType()).orElseThrow(() -> new ImportException(file, 0,
                    measurement.name() + ": array '" + current.description() + "' has unit '" + current.unitType()
                            + "'; norrlab reads currents in PalmSens.Units.Ampere, MilliAmpere, MicroAmpere, NanoAmpere"
                            + " or PicoAmpere"));
            return PsSessionJson.placesToAmperes(prefix);
        }

        /** Arrays of the data set that no step holds (charge, a second potential): named, so nothing goes silently. */
        private void unused(List<Series> series) throws ImportException {
            List<DataArray> used = new ArrayList<>();
            for (Series s : series) {
                used.addAll(Arrays.asList(s.time(), s.potential(), s.current()));
            }
            List<DataArray> unused = measurement.dataSet.stream().filter(a -> used.stream().noneMatch(u -> u == a)).toList();
            if (!unused.isEmpty()) {
                sink.note(file.getFileName() + ": " + measurement.name() + ": arrays not imported: " + describe(unused));
            }
        }

        /**
         * The method's iR drop compensation (USE_IR_DROP_COMP=True, IR_DROP_COMP_RES ohm): the run's potentials are
         * already corrected by that resistance, which may be all or part of R_u; the file does not say which, so it is
         * kept as a warning, never recorded as R_u.
         */
        private void compensation() throws ImportException {
            if (methodValue("USE_IR_DROP_COMP").filter(v -> v.equalsIgnoreCase("true")).isPresent()) {
                sink.note("WARNING: " + file.getFileName() + ": " + measurement.name() + ": the method states iR drop"
                        + " compensation during the run (USE_IR_DROP_COMP=True, IR_DROP_COMP_RES="
                        + methodValue("IR_DROP_COMP_RES").orElse("(none)") + " ohm), so its potentials are already"
                        + " iR-corrected by that resistance; whether that is all of R_u the file does not state, so"
                        + " norrlab records nothing: give R_u and the compensated fraction (norrlab ru) before correcting");
            }
        }

        private Optional<String> methodValue(String key) {
            String prefix = key + "=";
            return method.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()).trim());
        }

        private static double parse(String number) {
            try {
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    private static String describe(List<DataArray> arrays) {
        return arrays.isEmpty() ? "none" : arrays.stream().map(a -> "'" + a.description() + "' (" + a.unitType()
                .replace("PalmSens.Units.", "") + ")").collect(Collectors.joining(", "));
    }
}
