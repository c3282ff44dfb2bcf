package org.norrlab.emulator;

import java.time.Duration;

/**
 * What an emulator does wrong on purpose.
 *
 * @param maxChunk          split every write into random chunks of at most this many bytes (0: whole writes)
 * @param noiseEvery        after every N-th sample line, a line of garbage bytes (0: never)
 * @param replyDelay        wait this long before answering a command
 * @param errorAfterSamples after this many samples of a step, report a device error and end the step (-1: never)
 * @param vanishAfterSamples after this many samples, close the port as if unplugged (-1: never)
 * @param oldHardware       a Rodeostat of hardware V0.1: no electrode switches, so its cell cannot be disconnected
 */
public record Faults(int maxChunk, int noiseEvery, Duration replyDelay, int errorAfterSamples, int vanishAfterSamples,
                     boolean oldHardware) {
    public static final Faults NONE = new Faults(0, 0, Duration.ZERO, -1, -1, false);

    public Faults(int maxChunk, int noiseEvery, Duration replyDelay, int errorAfterSamples, int vanishAfterSamples) {
        this(maxChunk, noiseEvery, replyDelay, errorAfterSamples, vanishAfterSamples, false);
    }

    /** Waits the reply delay, as a slow device does before it answers. */
    void pauseBeforeReply() {
        if (!replyDelay.isZero()) {
            try {
                Thread.sleep(replyDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Faults withMaxChunk(int bytes) {
        return new Faults(bytes, noiseEvery, replyDelay, errorAfterSamples, vanishAfterSamples, oldHardware);
    }

    public Faults withNoiseEvery(int samples) {
        return new Faults(maxChunk, samples, replyDelay, errorAfterSamples, vanishAfterSamples, oldHardware);
    }

    public Faults withReplyDelay(Duration delay) {
        return new Faults(maxChunk, noiseEvery, delay, errorAfterSamples, vanishAfterSamples, oldHardware);
    }

    public Faults withErrorAfter(int samples) {
        return new Faults(maxChunk, noiseEvery, replyDelay, samples, vanishAfterSamples, oldHardware);
    }

    public Faults withVanishAfter(int samples) {
        return new Faults(maxChunk, noiseEvery, replyDelay, errorAfterSamples, samples, oldHardware);
    }

    public Faults withOldHardware() {
        return new Faults(maxChunk, noiseEvery, replyDelay, errorAfterSamples, vanishAfterSamples, true);
    }
}
