package org.norrlab.importer;

import java.nio.file.Path;

/** Numbers as vendors write them: decimal point or decimal comma, with the place named when one is bad. */
final class Numbers {
    private Numbers() {
    }

    static double parse(String text, Path file, int line, String column) throws ImportException {
        String t = text.trim();
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ImportException(file, line, "column '" + column + "': '" + text.trim() + "' is not a number");
        }
    }

    /** The median spacing of sample times: the interval a file does not state. */
    static double medianInterval(java.util.List<org.norrlab.core.Sample> samples) {
        if (samples.size() < 2) {
            return 1;
        }
        double[] gaps = new double[samples.size() - 1];
        for (int i = 1; i < samples.size(); i++) {
            gaps[i - 1] = samples.get(i).timeSeconds() - samples.get(i - 1).timeSeconds();
        }
        java.util.Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        return median > 0 ? median : 1;
    }
}
