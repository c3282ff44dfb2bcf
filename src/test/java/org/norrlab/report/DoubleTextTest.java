package org.norrlab.report;

import com.fasterxml.jackson.core.io.NumberOutput;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DoubleText, the export's number writer, against two independent references: Jackson's port of the same algorithm
 * (the shortest digits) and the JDK's parser (the text reads back as the very same double, sign of zero included);
 * and against Java 17's Double.toString for the layout, which it must equal wherever that one is the shortest.
 */
class DoubleTextTest {
    /** Doubles of every exponent, subnormals included, from random bit patterns; NaNs skipped. */
    @Test
    void everyExponentGivesJacksonsDigitsAndReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(23);
        byte[] buffer = new byte[DoubleText.MAX_BYTES + 3];
        int checked = 0;
        while (checked < 2_000_000) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v)) {
                continue;
            }
            String text = DoubleText.toString(v);
            assertThat(text).as("bits %x", Double.doubleToRawLongBits(v)).isEqualTo(NumberOutput.toString(v, true));
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(v));
            // written at an offset into a larger buffer: the bytes before it are left alone
            buffer[0] = 'x';
            int end = DoubleText.write(v, buffer, 1);
            assertThat(new String(buffer, 1, end - 1, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(text);
            assertThat(buffer[0]).isEqualTo((byte) 'x');
            checked++;
        }
    }

    /** The values a session holds: times, potentials, currents and ranges from 1e-12 to 1e6. */
    @Test
    void sampleLikeValuesAreJava17sDoubleToStringWhereThatIsTheShortest() {
        SplittableRandom random = new SplittableRandom(5);
        int longer = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double v = (random.nextBoolean() ? -1 : 1) * random.nextDouble() * Math.pow(10, random.nextInt(-12, 7));
            if (i % 3 == 0) {
                v = i * 0.01;   // a step's times
            }
            String jdk = Double.toString(v);
            String ours = DoubleText.toString(v);
            if (!ours.equals(jdk)) {
                assertThat(ours.length()).as("%s against %s", ours, jdk).isLessThan(jdk.length());
                assertThat(Double.parseDouble(ours)).isEqualTo(v);
                longer++;
            }
        }
        assertThat(longer).as("Java 17's longer texts").isLessThan(100);
    }

    @Test
    void boundariesOfTheLayoutAndOfTheNumbers() {
        assertThat(DoubleText.toString(0.0)).isEqualTo("0.0");
        assertThat(DoubleText.toString(-0.0)).isEqualTo("-0.0");
        assertThat(DoubleText.toString(1.0)).isEqualTo("1.0");
        assertThat(DoubleText.toString(-2.5)).isEqualTo("-2.5");
        assertThat(DoubleText.toString(0.01)).isEqualTo("0.01");
        assertThat(DoubleText.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(DoubleText.toString(2499.9900000000002)).isEqualTo("2499.9900000000002");
        assertThat(DoubleText.toString(0.001)).isEqualTo("0.001");
        assertThat(DoubleText.toString(0.0009999999999999998)).isEqualTo("9.999999999999998E-4");
        assertThat(DoubleText.toString(9999999.0)).isEqualTo("9999999.0");
        assertThat(DoubleText.toString(1.0E7)).isEqualTo("1.0E7");
        assertThat(DoubleText.toString(123456789.125)).isEqualTo("1.23456789125E8");
        assertThat(DoubleText.toString(-1.0E-6)).isEqualTo("-1.0E-6");
        assertThat(DoubleText.toString(-0.00439453125)).isEqualTo("-0.00439453125");
        assertThat(DoubleText.toString(1.0E-300)).isEqualTo("1.0E-300");
        assertThat(DoubleText.toString(1.0E23)).isEqualTo("1.0E23");
        assertThat(DoubleText.toString(2.0E23)).as("Java 17 writes 1.9999999999999998E23").isEqualTo("2.0E23");
        assertThat(DoubleText.toString(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
        assertThat(DoubleText.toString(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014E-308");
        assertThat(DoubleText.toString(Double.MIN_VALUE)).isEqualTo("4.9E-324");
        // Java 17 writes 1.0E-323; two digits are the fewest that single out the double, and 9.9 is the closer
        assertThat(DoubleText.toString(2 * Double.MIN_VALUE)).isEqualTo("9.9E-324");
        assertThat(DoubleText.toString(3 * Double.MIN_VALUE)).isEqualTo("1.5E-323");
        assertThat(DoubleText.toString(9007199254740991.0)).isEqualTo("9.007199254740991E15");
        assertThat(DoubleText.toString(Math.scalb(1.0, -20))).isEqualTo("9.5367431640625E-7");
        assertThat(DoubleText.toString(Double.NaN)).isEqualTo("NaN");
        assertThat(DoubleText.toString(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(DoubleText.toString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(DoubleText.toString(-1.2345678901234567E-300)).hasSize(DoubleText.MAX_BYTES - 1);
    }

    /** Powers of two have a narrower interval below them (Schubfach's irregular spacing); all 2 098 of them. */
    @Test
    void everyPowerOfTwo() {
        for (int e = -1074; e <= 1023; e++) {
            double v = Math.scalb(1.0, e);
            String text = DoubleText.toString(v);
            assertThat(text).isEqualTo(NumberOutput.toString(v, true));
            assertThat(Double.parseDouble(text)).isEqualTo(v);
        }
    }
}
