package org.norrlab.driver;

import org.junit.jupiter.api.Test;
import org.norrlab.transport.LineChannel;
import org.norrlab.transport.Transport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silence from an instrument also comes from another program that has its port open and takes the replies, which
 * the port check cannot always see (another user's program): the message names that cause too (issue 18).
 */
class NoAnswerTest {
    /** A port on which nothing ever arrives. */
    private static final class Silent implements Transport {
        @Override
        public void write(byte[] data) {
        }

        @Override
        public int read(byte[] buffer) {
            return 0;
        }

        @Override
        public String describe() {
            return "/dev/ttyACM0";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void silenceNamesAnotherProgramOnThePortAsACause() {
        String message = NoAnswer.timeout("a MethodSCRIPT device (emstat4-hr)", new InstrumentLine(new LineChannel(new Silent())),
                "the reply to abort (Z)").getMessage();
        assertThat(message).isEqualTo("a MethodSCRIPT device (emstat4-hr) did not send the reply to abort (Z) in time; is it"
                + " switched on and connected to /dev/ttyACM0, and is no other program (PSTrace, a terminal) reading from"
                + " /dev/ttyACM0?");
    }
}
