package org.norrlab.importer;

import org.norrlab.core.InstrumentIdentity;
import org.norrlab.core.Sample;
import org.norrlab.core.SampleFlag;
import org.norrlab.protocol.methodscript.DataValue;
import org.norrlab.protocol.methodscript.MalformedReplyException;
import org.norrlab.protocol.methodscript.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw MethodSCRIPT device output (lines e, Mxxxx, P…, *, as saved by PalmSens' example code): every
 * measurement loop becomes a step. Columns are read by type: time (eb), set or measured potential
 * (da, ab), WE current (ba); without a time column the sample number stands for time, and the
 * import says so.
 */
public final class MethodScriptOutputImporter implements Importer {
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
        read(file).replayInto(sink);
    }

    @Override
    public ImportedSession read(Path file) throws ImportException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ImportException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (lines.size() > 1 && lines.get(0).equals("e") && (lines.get(1).startsWith("#") || lines.get(1).startsWith("var"))) {
            throw new ImportException(file, 2, "is a MethodSCRIPT script (what the host sends), not device output; run it on"
                    + " the instrument and import what the instrument answered");
        }
        Output output = new Output(file);
        for (int i = 0; i < lines.size(); i++) {
            Reply reply;
            try {
                reply = Reply.parse(lines.get(i));
            } catch (MalformedReplyException e) {
                throw new ImportException(file, i + 1, e.getMessage() + "; expected MethodSCRIPT device output");
            }
            output.lineNumber = i + 1;
            reply.accept(output);
        }
        List<ImportedSession.Step> steps = output.steps;
        List<String> warnings = output.warnings;
        List<Sample> current = output.current;
        int loopCode = output.loopCode;
        if (current != null && !current.isEmpty()) {
            warnings.add(file.getFileName() + ": the last measurement loop has no end marker (truncated output?); imported what is there");
            steps.add(step(loopCode, current, steps.size()));
        }
        if (steps.isEmpty()) {
            throw new ImportException(file, lines.size(), "holds no data packages (P lines)");
        }
        if (!output.timed) {
            warnings.add(file.getFileName() + ": the packages carry no time (eb) column; each sample's number stands for its time in s");
        }
        return new ImportedSession(format(), "MethodSCRIPT", new InstrumentIdentity("imported", "methodscript",
                "MethodSCRIPT device", "unknown", "unknown"), Map.of("technique", "MethodSCRIPT output"), steps, warnings,
                Optional.empty());
    }

    /** The steps read so far: a measurement loop (M … *) is a step, its packages its samples. */
    private static final class Output implements Reply.Visitor<RuntimeException> {
        private final Path file;
        final List<ImportedSession.Step> steps = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        List<Sample> current;
        int loopCode = -1;
        boolean timed = true;
        int lineNumber;

        Output(Path file) {
            this.file = file;
        }

        @Override
        public void loopStarted(Reply.LoopStarted started) {
            current = new ArrayList<>();
            loopCode = started.code();
        }

        @Override
        public void dataPackage(Reply.Package pkg) {
            if (current == null) {
                current = new ArrayList<>();
            }
            Sample sample = toSample(pkg.values(), current.size());
            timed &= pkg.values().stream().anyMatch(v -> v.type().equals("eb"));
            current.add(sample);
        }

        @Override
        public void loopEnded(Reply.LoopEnded ended) {
            if (current != null) {
                steps.add(step(loopCode, current, steps.size()));
                current = null;
            }
        }

        @Override
        public void error(Reply.Error error) {
            warnings.add(file.getFileName() + ":" + lineNumber + ": device error " + error.code().code() + ": "
                    + error.code().meaning());
        }

        @Override
        public void scriptEnded(Reply.ScriptEnded reply) {
            // a file may hold the output of several scripts; only the loops make steps
        }

        @Override
        public void carriesNothing(Reply reply) {
            // no data in these lines
        }
    }

    private static ImportedSession.Step step(int loopCode, List<Sample> samples, int index) {
        String kind = switch (loopCode) {
            case 0x0007 -> "ca";
            case 0x0000 -> "lsv";
            case 0x0005 -> "cv";
            case 0x0002 -> "swv";
            case 0x000D -> "eis";
            default -> "other";
        };
        double volts = kind.equals("ca") && !samples.isEmpty() ? samples.get(0).potentialVolts() : Double.NaN;
        return new ImportedSession.Step(kind, String.format("loop %d (M%04X)", index + 1, Math.max(loopCode, 0)), volts,
                VendorText.medianInterval(samples), samples);
    }

    private static Sample toSample(List<DataValue> values, int index) {
        double t = index;
        double e = Double.NaN;
        double i = Double.NaN;
        int flags = 0;
        for (DataValue v : values) {
            switch (v.type()) {
                case "eb" -> t = v.value();
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
        if (Double.isNaN(i)) {
            return Sample.potentialOnly(Math.max(0, t), Double.isNaN(e) ? 0 : e);
        }
        return new Sample(Math.max(0, t), Double.isNaN(e) ? 0 : e, i, Double.NaN, flags);
    }
}
