package org.norrlab.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {
    @ParameterizedTest
    @CsvSource({
            "0, 0 s",
            "500, 500 ns",
            "50000, 50 µs",
            "100000, 0.1 ms",
            "1500000, 1.5 ms",
            "100000000, 100 ms",
            "1000000000, 1 s",
            "1500000000, 1.5 s",
            "90000000000, 1 min 30 s",
            "300000000000, 5 min",
            "7200000000000, 2 h",
            "14700000000000, 4 h 5 min",
            "3600500000000, 1 h 0.5 s",
            "9223372036854775807, 2562047 h 47 min 16.854775807 s"})
    void durationsReadAsPeopleWriteThem(long nanos, String shown) {
        assertThat(Units.formatDuration(Duration.ofNanos(nanos))).isEqualTo(shown);
    }
}
