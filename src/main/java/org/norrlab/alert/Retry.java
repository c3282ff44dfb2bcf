package org.norrlab.alert;

import java.time.Duration;

/**
 * How often a channel tries one alert and how long it waits between tries: the wait doubles from {@code first} and
 * stops growing at {@code max}, so that a server down for a minute still gets the alert and a server gone for the
 * night is not hammered.
 *
 * @param attempts tries in all, the first included; at least 1
 */
public record Retry(int attempts, Duration first, Duration max) {
    /** 5 tries over about 15 s (1, 2, 4, 8 s between them): a restarting proxy or a brief Wi-Fi drop is ridden out. */
    public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Retry {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + attempts);
        }
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= max, was " + first + ", " + max);
        }
    }

    /** The wait after the {@code failed}-th failed try (1 for the first): first, 2 first, 4 first ... at most max. */
    public Duration after(int failed) {
        Duration wait = first;
        for (int i = 1; i < failed && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
