package org.norrlab.status;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's pure parts: which Host headers pass, the rate limit on a clock the test moves, and min/max thinning. */
class GuardPartsTest {
    @Test
    void hostsAreTheBoundAddressLoopbackNamesAndTheSitesNamesOnAnyPort() {
        HostCheck loopback = new HostCheck("127.0.0.1", List.of());
        // the page's own port, and another one: an SSH tunnel (ssh -L 9000:127.0.0.1:8424) shows it under that one
        assertThat(List.of("127.0.0.1:8424", "localhost:8424", "LocalHost:8424", "[::1]:8424", "localhost:9000",
                "127.0.0.1", "localhost", "127.0.0.1:65535")).allMatch(loopback::allows);
        assertThat(List.of("evil.example:8424", "evil.example", "localhost.:8424", "127.0.0.1:8424@evil", "",
                "evil.example:8424\r\nX: y", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:", "localhost:80a",
                "127.0.0.2:8424", "0.0.0.0:8424")).noneMatch(loopback::allows);
        assertThat(loopback.allows(null)).isFalse();
        HostCheck lab = new HostCheck("0.0.0.0", List.of("norr2.lab.example.org"));
        assertThat(List.of("norr2.lab.example.org", "norr2.lab.example.org:443", "norr2.lab.example.org:8443",
                "localhost")).allMatch(lab::allows);
        assertThat(List.of("0.0.0.0:443", "other.lab.example.org", "norr2.lab.example.org.evil.example"))
                .noneMatch(lab::allows);
        HostCheck v6 = new HostCheck("::1", List.of());
        assertThat(v6.allows("[::1]:9000")).isTrue();
        HostCheck bound = new HostCheck("192.168.7.20", List.of());
        assertThat(bound.allows("192.168.7.20:8424")).isTrue();
        assertThat(bound.allows("192.168.7.21:8424")).isFalse();
    }

    @Test
    void aClientSpendsItsMinuteAtOnceAndGetsItBackSteadily() {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        RateLimit rate = new RateLimit(6, nanos::get);   // one request back every 10 s
        for (int i = 0; i < 6; i++) {
            assertThat(rate.take("10.0.0.1")).as("request " + (i + 1)).isTrue();
        }
        assertThat(rate.take("10.0.0.1")).isFalse();
        assertThat(rate.secondsUntilNext("10.0.0.1")).isEqualTo(10);
        assertThat(rate.take("10.0.0.2")).as("another client has its own").isTrue();
        nanos.addAndGet(9_900_000_000L);
        assertThat(rate.take("10.0.0.1")).isFalse();
        nanos.addAndGet(200_000_000L);
        assertThat(rate.take("10.0.0.1")).isTrue();
        assertThat(rate.take("10.0.0.1")).isFalse();
        // a quiet hour refills to the minute's allowance, never beyond
        nanos.addAndGet(3_600_000_000_000L);
        int passed = 0;
        while (rate.take("10.0.0.1")) {
            passed++;
        }
        assertThat(passed).isEqualTo(6);
    }

    @Test
    void minMaxKeepsEachBucketsExtremesInTimeOrder() {
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {5, 1, 9, 4, 4, 8, 2, 7, 3, 6};
        // 4 points: 2 buckets of 5, [5 1 9 4 4] -> 1 at t=1, 9 at t=2; [8 2 7 3 6] -> 8 at t=5, 2 at t=6
        MinMax.Series thin = MinMax.decimate(t, y, 10, 4);
        assertThat(thin.t()).containsExactly(1, 2, 5, 6);
        assertThat(thin.y()).containsExactly(1, 9, 8, 2);
        // 6 points: buckets [0,3) [3,6) [6,10): (1@1, 9@2), (4@3, 8@5), (2@6, 7@7)
        MinMax.Series six = MinMax.decimate(t, y, 10, 6);
        assertThat(six.t()).containsExactly(1, 2, 3, 5, 6, 7);
        assertThat(six.y()).containsExactly(1, 9, 4, 8, 2, 7);
        // few enough: kept whole, and only the first n count
        assertThat(MinMax.decimate(t, y, 3, 4).y()).containsExactly(5, 1, 9);
        // a spike of one sample among thousands survives
        double[] tt = new double[10_000];
        double[] yy = new double[10_000];
        for (int i = 0; i < tt.length; i++) {
            tt[i] = i * 0.1;
            yy[i] = -0.004;
        }
        yy[7777] = -0.5;
        MinMax.Series spiky = MinMax.decimate(tt, yy, tt.length, 400);
        assertThat(spiky.y()).hasSize(400).contains(-0.5);
    }
}
