package org.norrlab.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests per minute and client address, as a token bucket: a client may spend the whole minute's requests at once
 * (a page load fetches a few files together) and gets them back steadily. The clock is handed in, so a test moves it
 * instead of waiting. At most {@link #CLIENTS} addresses are remembered (the oldest forgotten), so a flood of
 * addresses cannot fill the memory.
 */
final class RateLimit {
    static final int CLIENTS = 4096;
    private final double perMinute;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > CLIENTS;
        }
    };

    RateLimit(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /** Takes one request of {@code client}'s allowance; false when it has none left. */
    synchronized boolean take(String client) {
        long now = nanos.getAsLong();
        // bucket = {tokens, time of the last refill in nanoseconds}
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {perMinute, now});
        double refill = (now - bucket[1]) / 60e9 * perMinute;
        bucket[0] = Math.min(perMinute, bucket[0] + refill);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }

    /** Whole seconds until {@code client} has a request again, for Retry-After. */
    synchronized long secondsUntilNext(String client) {
        double[] bucket = buckets.get(client);
        double missing = bucket == null ? 0 : Math.max(0, 1 - bucket[0]);
        return (long) Math.ceil(missing * 60 / perMinute);
    }
}
