package org.norrlab.importer;

import org.norrlab.config.Potential;
import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw MethodSCRIPT device output (lines e, Mxxxx, P…, *, as saved by PalmSens' example code), read a line at a time:
 * every measurement loop becomes a step. Columns are read by type: time (eb), set or measured potential (da, ab), WE
 * current (ba). A value the device sends as "nan" stays NaN (no potential, never 0 V); without a time column the
 * sample number stands for time, and the import says so, except in a sweep (LSV, CV), which is refused: the output
 * never states a scan rate, and dE/d(number) is none. Impedance packages are refused.
 */
public final class MethodScriptOutputImporter implements Importer {
    private static final String NAME = "MethodSCRIPT output";
    /** Frequency, impedance, Z', Z'' and phase: the variable types of an impedance package. */
    private static final Set<String> IMPEDANCE_TYPES = Set.of("dc", "cb", "cc", "cd", "ca");
    private static final int EIS_LOOP = 0x000D;

    @Override
    public String format() {
        return "methodscript";
    }

    @Override
    public boolean recognises(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.startsWith("e\n") || text.startsWith("e\r\n") || text.startsWith("P") && text.contains(";");
    }

    @Override
    public void read(Path file, ImportSink sink) throws ImportException {
        try (TextLines lines = TextLines.open(file)) {
            String first = lines.next();
            String second = first == null ? null : lines.next();
            if ("e".equals(first) && second != null && (second.startsWith("#") || second.startsWith("var"))) {
                throw new ImportException(file, 2, "is a MethodSCRIPT script (what the host sends), not device output; run"
                        + " it on the instrument and import what the instrument answered");
            }
            sink.file(new FileFacts(format(), "MethodSCRIPT", new InstrumentIdentity("imported", "methodscript",
                    "MethodSCRIPT device", "unknown", "unknown"), Map.of("technique", NAME), StatedCell.NONE));
            Output output = new Output(file, sink);
            // the first two lines were read ahead for the script check; the rest are read one at a time
            output.handle(first, 1);
            output.handle(second, 2);
            for (String line = lines.next(); line != null; line = lines.next()) {
                output.handle(line, lines.lineNumber());
            }
            output.finish(lines.lineNumber());
        }
    }

    /** Hands each measurement loop (M … *) on as a step, its packages as its samples, while the lines are read. */
    private static final class Output implements Reply.Visitor<ImportException> {
        private final Path file;
        private final ImportSink sink;
        private int loopCode = -1;
        private int loops;
        private boolean inStep;
        /** The open step is a sweep (LSV, CV), whose every package must carry its time. */
        private boolean inSweep;
        private String stepLabel = "";
        private int samplesInStep;
        private int samples;
        private boolean untimed;
        private int lineNumber;

        Output(Path file, ImportSink sink) {
            this.file = file;
            this.sink = sink;
        }

        void handle(String line, int number) throws ImportException {
            if (line == null) {
                return;
            }
            Reply reply;
            try {
                reply = Reply.parse(line);
            } catch (MalformedReplyException e) {
                throw new ImportException(file, number, e.getMessage() + "; expected " + NAME);
            }
            lineNumber = number;
            reply.accept(this);
        }

        @Override
        public void loopStarted(Reply.LoopStarted started) throws ImportException {
            endStep();
            loopCode = started.code();
            if (loopCode == EIS_LOOP) {
                throw impedance();
            }
        }

        @Override
        public void dataPackage(Reply.Package pkg) throws ImportException {
            List<DataValue> values = pkg.values();
            if (values.stream().anyMatch(v -> IMPEDANCE_TYPES.contains(v.type()))) {
                throw impedance();
            }
            if (!inStep) {
                beginStep(values);
            }
            // the output never states the scan rate (the script is not in it): without a time (eb) the sample numbers
            // would stand for times and dE/d(number) would pass for a scan rate
            if (inSweep && values.stream().noneMatch(v -> v.type().equals("eb"))) {
                throw new ImportException(file, lineNumber, NAME + ": " + stepLabel + " is a "
                        + (loopCode == 0x0005 ? "cv" : "lsv") + " sweep whose packages carry no time (eb) and the output"
                        + " states no scan rate, so its scan rate cannot be known; record the time with the packages"
                        + " (pck_add of a time variable, type eb) or import the PSTrace session (.pssession) of the"
                        + " measurement");
            }
            Sample sample = toSample(values, samplesInStep);
            untimed |= values.stream().noneMatch(v -> v.type().equals("eb"));
            sink.sample(sample);
            samplesInStep++;
            samples++;
        }

        @Override
        public void loopEnded(Reply.LoopEnded ended) throws ImportException {
            endStep();
            loopCode = -1;
        }

        @Override
        public void error(Reply.Error error) throws ImportException {
            sink.note(file.getFileName() + ":" + lineNumber + ": device error " + error.code().code() + ": "
                    + error.code().meaning());
        }

        @Override
        public void scriptEnded(Reply.ScriptEnded reply) {
            // a file may hold the output of several scripts; only the loops make steps
        }

        @Override
        public void scanStarted(Reply.ScanStarted reply) {
            // the importer reads CA and EIS loops, which have no scans
        }

        @Override
        public void scanEnded(Reply.ScanEnded reply) {
            // as scanStarted
        }

        @Override
        public void carriesNothing(Reply reply) {
            // no data in these lines
        }

        /**
         * Begins the loop's step at its first package, so that a CA's set potential is the applied potential (da) the
         * device reports in it; none when it reports none or "nan".
         */
        private void beginStep(List<DataValue> first) throws ImportException {
            String kind = switch (loopCode) {
                case 0x0007 -> "ca";
                case 0x0000 -> "lsv";
                case 0x0005 -> "cv";
                default -> "other";
            };
            Optional<Potential> set = Optional.empty();
            if (kind.equals("ca")) {
                set = first.stream().filter(v -> v.type().equals("da")).map(DataValue::value).filter(Double::isFinite)
                        .findFirst().map(volts -> new Potential(volts, Potential.Scale.RE));
            }
            loops++;
            String label = String.format("loop %d (M%04X)", loops, Math.max(loopCode, 0));
            boolean sweep = kind.equals("lsv") || kind.equals("cv");
            inSweep = sweep;
            stepLabel = label;
            sink.beginStep(sweep ? new StepFacts(kind, label, Double.NaN, StatedSweep.NONE)
                    : new StepFacts(kind, label, set, Double.NaN));
            inStep = true;
            samplesInStep = 0;
        }

        private void endStep() throws ImportException {
            if (inStep) {
                sink.endStep();
                inStep = false;
            }
        }

        void finish(int lines) throws ImportException {
            if (inStep) {
                endStep();
                sink.note(file.getFileName() + ": the last measurement loop has no end marker (truncated output?);"
                        + " imported what is there");
            }
            if (samples == 0) {
                throw new ImportException(file, lines, "holds no data packages (P lines); expected " + NAME);
            }
            if (untimed) {
                sink.note(file.getFileName() + ": the packages carry no time (eb) column; each sample's number (0, 1, 2,"
                        + " …) in its loop stands for its time, not seconds");
            }
        }

        private ImportException impedance() {
            return new ImportException(file, lineNumber, NAME + " of an impedance measurement (EIS: frequency dc, Z' cc,"
                    + " Z'' cd) holds impedance spectra, which norrlab does not read from saved MethodSCRIPT output (it"
                    + " measures them itself over the serial link): import the time-series output of the session");
        }

        private Sample toSample(List<DataValue> values, int index) throws ImportException {
            double t = index;
            double e = Double.NaN;
            double i = Double.NaN;
            int flags = 0;
            for (DataValue v : values) {
                switch (v.type()) {
                    case "eb" -> t = v.value();
                    // "nan" leaves the potential NaN: no potential measured, never 0 V
                    case "da", "ab" -> e = Double.isNaN(e) ? v.value() : e;
                    case "ba" -> {
                        if (Double.isNaN(i)) {
                            i = v.value();
                            int status = Math.max(0, v.status());
                            if ((status & DataValue.STATUS_OVERLOAD) != 0) {
                                flags |= SampleFlag.OVERLOAD.bit();
                            }
                            if ((status & DataValue.STATUS_UNDERLOAD) != 0) {
                                flags |= SampleFlag.UNDERLOAD.bit();
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new ImportException(file, lineNumber, NAME + ": time (eb) " + t + " s is not a time since the loop"
                        + " began; a sample's time must be 0 s or later");
            }
            if (Double.isNaN(i)) {
                return Sample.potentialOnly(t, e);
            }
            return new Sample(t, e, i, Double.NaN, flags);
        }
    }
}
