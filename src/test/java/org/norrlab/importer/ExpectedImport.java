package org.norrlab.importer;

import org.assertj.core.api.SoftAssertions;
import org.norrlab.config.Potential;
import org.norrlab.core.ImpedancePoint;
import org.norrlab.core.Sample;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one vendor file must become, written from an independent reading of the file (sed/awk/python on its text,
 * never norrlab's importers): either its steps, with sample counts reconciled against the file's data rows and the
 * first and last sample of each step as printed, converted by hand to SI units; or a refusal whose message names the
 * format and the technique. {@link VendorContractTest} holds one per fixture file.
 */
sealed interface ExpectedImport permits ExpectedImport.Imports, ExpectedImport.Refuses {

    /** Reads the file as {@code norrlab import} would (format recognised from the file) and checks it. */
    void verify(Path file, SoftAssertions soft);

    /** Imported: the file's {@code dataRows} data rows become the steps' samples (see {@link Imports#dropping}). */
    static Imports imports(int dataRows, Step... steps) {
        return new Imports(dataRows, 0, List.of(steps), List.of());
    }

    /** Refused: the message names the file and contains each fragment (case-insensitive; "a|b" accepts either). */
    static Refuses refuses(String... fragments) {
        return new Refuses(List.of(fragments));
    }

    /** A step of this kind and number of samples, with no set potential unless {@link Step#heldAt} gives one. */
    static Step step(String kind, int samples) {
        return new Step(kind, samples, Reading.ABSENT, Optional.empty(), Optional.empty());
    }

    record Imports(int dataRows, int droppedRows, List<Step> steps, List<String> noteFragments) implements ExpectedImport {
        public Imports {
            steps = List.copyOf(steps);
            noteFragments = List.copyOf(noteFragments);
        }

        /** Rows the importer leaves out; a note must give their number. */
        Imports dropping(int rows) {
            return new Imports(dataRows, rows, steps, noteFragments);
        }

        /** A note must contain this fragment (case-insensitive; "a|b" accepts either). */
        Imports noting(String fragment) {
            List<String> more = new ArrayList<>(noteFragments);
            more.add(fragment);
            return new Imports(dataRows, droppedRows, steps, more);
        }

        @Override
        public void verify(Path file, SoftAssertions soft) {
            ImportedSession imported;
            try {
                imported = ImportService.read(file);
            } catch (ImportException e) {
                soft.fail("expected an import of " + steps.size() + " step(s) but it was refused: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                soft.fail("expected an import but the importer crashed (a stack trace, not a message)", e);
                return;
            }
            List<String> notes = imported.notes();
            // an impedance row is a point of its step's spectrum, every other row a sample
            int total = imported.steps().stream().mapToInt(s -> s.samples().size() + s.spectrum().size()).sum();
            soft.assertThat(total + droppedRows).as("samples and impedance points out (%d) + rows dropped with a note (%d)"
                    + " = data rows of the file",
                    total, droppedRows).isEqualTo(dataRows);
            if (droppedRows > 0) {
                soft.assertThat(notes).as("a note giving the %d dropped rows", droppedRows)
                        .anyMatch(n -> n.matches("(?s).*\\b" + droppedRows + "\\b.*"));
            }
            // an importer states what the file lacks; asking for --potential is the service's refusal, not a note
            soft.assertThat(notes).as("notes that ask for --potential").noneMatch(n -> n.contains("--potential"));
            for (String fragment : noteFragments) {
                soft.assertThat(notes).as("a note containing '%s'", fragment).anyMatch(n -> containsAny(n, fragment));
            }
            soft.assertThat(imported.steps()).extracting(ImportedSession.Step::kind).as("step kinds")
                    .containsExactlyElementsOf(steps.stream().map(Step::kind).toList());
            for (int i = 0; i < Math.min(steps.size(), imported.steps().size()); i++) {
                steps.get(i).verify(imported.steps().get(i), "step " + (i + 1), soft);
            }
        }
    }

    record Refuses(List<String> fragments) implements ExpectedImport {
        public Refuses {
            fragments = List.copyOf(fragments);
        }

        @Override
        public void verify(Path file, SoftAssertions soft) {
            try {
                ImportedSession imported = ImportService.read(file);
                soft.fail("expected a refusal naming " + fragments + " but it imported " + imported.steps().size()
                        + " step(s) of kinds " + imported.steps().stream().map(ImportedSession.Step::kind).toList());
            } catch (ImportException e) {
                String message = e.getMessage();
                soft.assertThat(message).as("the refusal names the file").contains(file.getFileName().toString());
                soft.assertThat(message).as("a message for the operator, not a stack trace").doesNotContain("\tat ")
                        .doesNotContain("Exception");
                // the file's own name may hold a fragment ('impedancepy_…'): only the rest of the message counts
                String told = message.replace(file.toString(), "").replace(file.getFileName().toString(), "");
                for (String fragment : fragments) {
                    soft.assertThat(containsAny(told, fragment)).as("the refusal '%s' contains '%s'", message, fragment)
                            .isTrue();
                }
            } catch (RuntimeException e) {
                soft.fail("expected a refusal but the importer crashed (a stack trace, not a message)", e);
            }
        }
    }

    /**
     * One step: its kind, its number of samples, the set potential the file states vs the reference electrode
     * ({@link Reading#ABSENT} when the file does not state one: never a default such as 0 V) and its first and last
     * samples.
     */
    record Step(String kind, int samples, Reading setPotential, Optional<Values> first, Optional<Values> last,
                int points, Optional<Point> firstPoint, Optional<Point> lastPoint) {
        Step(String kind, int samples, Reading setPotential, Optional<Values> first, Optional<Values> last) {
            this(kind, samples, setPotential, first, last, 0, Optional.empty(), Optional.empty());
        }

        /** The set potential the file states for the step, vs the reference electrode (an eis step's DC level). */
        Step heldAt(Reading volts) {
            return new Step(kind, samples, volts, first, last, points, firstPoint, lastPoint);
        }

        Step first(Reading time, Reading volts, Reading amperes) {
            return new Step(kind, samples, setPotential, Optional.of(new Values(time, volts, amperes)), last, points,
                    firstPoint, lastPoint);
        }

        Step last(Reading time, Reading volts, Reading amperes) {
            return new Step(kind, samples, setPotential, first, Optional.of(new Values(time, volts, amperes)), points,
                    firstPoint, lastPoint);
        }

        /**
         * An eis step's spectrum: its number of points and its first and last rows as printed (frequency, Z', and Z''
         * as measured: the printed value turned around where the format writes −Z'').
         */
        Step spectrum(int count, Point firstRow, Point lastRow) {
            return new Step(kind, samples, setPotential, first, last, count, Optional.of(firstRow), Optional.of(lastRow));
        }

        void verify(ImportedSession.Step actual, String name, SoftAssertions soft) {
            String where = name + " (" + actual.label() + ")";
            soft.assertThat(actual.samples().size()).as("%s: samples", where).isEqualTo(samples);
            soft.assertThat(actual.spectrum().size()).as("%s: impedance points", where).isEqualTo(points);
            if (!actual.spectrum().isEmpty()) {
                firstPoint.ifPresent(p -> p.verify(actual.spectrum().get(0), where + ", first point", soft));
                lastPoint.ifPresent(p -> p.verify(actual.spectrum().get(actual.spectrum().size() - 1),
                        where + ", last point", soft));
            }
            Optional<Potential> set = actual.facts().setPotential();
            setPotential.verifyOptional(set.filter(p -> p.scale() == Potential.Scale.RE).map(Potential::volts),
                    where + ": set potential vs RE " + set.map(Potential::toString).orElse("(none)"), soft);
            set.ifPresent(p -> {
                if (!setPotential.unchecked()) {
                    soft.assertThat(p.scale()).as("%s: the scale a file states a step on", where).isEqualTo(Potential.Scale.RE);
                }
            });
            List<Sample> got = actual.samples();
            for (int i = 1; i < got.size(); i++) {
                if (got.get(i).timeSeconds() < got.get(i - 1).timeSeconds()) {
                    soft.fail(where + ": time goes back at sample " + (i + 1) + ": " + got.get(i - 1).timeSeconds() + " s then "
                            + got.get(i).timeSeconds() + " s");
                    break;
                }
            }
            if (!got.isEmpty()) {
                first.ifPresent(v -> v.verify(got.get(0), where + ", first sample", soft));
                last.ifPresent(v -> v.verify(got.get(got.size() - 1), where + ", last sample", soft));
            }
        }
    }

    /** An impedance point's frequency (Hz), Z' and Z'' (ohm, as measured). */
    record Point(Reading hertz, Reading real, Reading imaginary) {
        void verify(ImpedancePoint point, String where, SoftAssertions soft) {
            hertz.verify(point.frequencyHz(), where + ": frequency (Hz)", soft);
            real.verify(point.realOhms(), where + ": Z' (ohm)", soft);
            imaginary.verify(point.imaginaryOhms(), where + ": Z'' (ohm)", soft);
        }
    }

    /** A row of a spectrum as printed: frequency, Z', Z'' (each in the file's own text). */
    static Point row(String hertz, String real, String imaginary) {
        return new Point(Reading.printed(hertz, 1), Reading.printed(real, 1), Reading.printed(imaginary, 1));
    }

    /** A sample's time (s since its step began), potential (V vs RE) and current (A). */
    record Values(Reading time, Reading volts, Reading amperes) {
        void verify(Sample sample, String where, SoftAssertions soft) {
            time.verify(sample.timeSeconds(), where + ": time (s)", soft);
            volts.verify(sample.potentialVolts(), where + ": potential (V)", soft);
            amperes.verify(sample.hasCurrent() ? sample.currentAmperes() : Double.NaN, where + ": current (A)", soft);
        }
    }

    /**
     * A value as a file prints it, in SI units, with the tolerance its printing allows: half a unit in the last printed
     * digit (a 4-digit CHI number is known to 5e-4 relative, a 15-digit EC-Lab time to 5e-16), plus 1e-12 relative for
     * the importer's own arithmetic (µA→A). {@link #ABSENT}: the file has no such value (NaN potential, no current,
     * no set potential). {@link #ANY}: not checked, where the file does not decide it.
     */
    record Reading(double value, double tolerance) {
        static final Reading ABSENT = new Reading(Double.NaN, 0);
        static final Reading ANY = new Reading(Double.NaN, Double.POSITIVE_INFINITY);
        static final Reading ZERO = new Reading(0, 1e-12);

        /** As printed, in the file's unit; {@code siPerUnit} converts it (1e-3 for mA, 1e-6 for µA). */
        static Reading printed(String text, double siPerUnit) {
            String normalised = text.trim().replace(',', '.');
            BigDecimal exact = new BigDecimal(normalised.startsWith("+") ? normalised.substring(1) : normalised);
            // scale() is the number of digits after the point once the exponent is applied: the last printed digit.
            double halfUnit = 0.5 * Math.pow(10, -exact.scale()) * Math.abs(siPerUnit);
            double value = exact.doubleValue() * siPerUnit;
            return new Reading(value, halfUnit + 1e-12 * Math.abs(value));
        }

        /** A number a JSON file holds at full double precision (PalmSens): 1e-12 relative. */
        static Reading json(String text, double siPerUnit) {
            double value = Double.parseDouble(text) * siPerUnit;
            return new Reading(value, 1e-12 * Math.abs(value));
        }

        /** A value computed from the file's parameters (a CHI sweep's time from its sample interval and scan rate). */
        static Reading computed(double value) {
            return new Reading(value, 1e-9 * Math.abs(value) + 1e-12);
        }

        Reading minus(Reading other) {
            return new Reading(value - other.value, tolerance + other.tolerance);
        }

        boolean unchecked() {
            return Double.isInfinite(tolerance);
        }

        void verify(double actual, String what, SoftAssertions soft) {
            if (unchecked()) {
                return;
            }
            if (Double.isNaN(value)) {
                soft.assertThat(actual).as("%s: the file has none, so none (NaN), never 0", what).isNaN();
            } else {
                soft.assertThat(actual).as("%s, expected %s ± %s", what, value, tolerance)
                        .isBetween(value - tolerance, value + tolerance);
            }
        }

        void verifyOptional(Optional<Double> actual, String what, SoftAssertions soft) {
            if (unchecked()) {
                return;
            }
            if (Double.isNaN(value)) {
                soft.assertThat(actual).as("%s: the file states none, so empty (never a default)", what).isEmpty();
            } else {
                soft.assertThat(actual).as("%s: the file states it", what).isPresent();
                actual.ifPresent(v -> verify(v, what, soft));
            }
        }
    }

    /** Volts as printed. */
    static Reading volts(String text) {
        return Reading.printed(text, 1);
    }

    /** Seconds as printed. */
    static Reading seconds(String text) {
        return Reading.printed(text, 1);
    }

    /** Seconds since the step's first sample: the later time minus the first, both as printed. */
    static Reading since(String time, String firstTime) {
        return seconds(time).minus(seconds(firstTime));
    }

    static Reading amperes(String text) {
        return Reading.printed(text, 1);
    }

    static Reading milliamperes(String text) {
        return Reading.printed(text, 1e-3);
    }

    static Reading microamperes(String text) {
        return Reading.printed(text, 1e-6);
    }

    /** A set potential the file states vs the reference electrode. */
    static Reading vsReference(String text) {
        return volts(text);
    }

    private static boolean containsAny(String text, String alternatives) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(alternatives.split("\\|")).anyMatch(a -> lower.contains(a.toLowerCase(Locale.ROOT)));
    }
}
