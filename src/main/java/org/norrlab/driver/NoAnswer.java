package org.norrlab.driver;

/**
 * The message when an instrument did not send what was expected in time, saying what it sent
 * instead: silence (switched off, wrong port, or another program that has the port open and takes the replies;
 * a program of another user cannot be seen when the port is opened), another kind of device's reply ("a device answered
 * X; expected Y"), or bytes that form no line (a wrong baud rate).
 */
public final class NoAnswer {
    private NoAnswer() {
    }

    /**
     * @param kind what the profile's instrument is, e.g. "a MethodSCRIPT device (emstat4-hr)"
     * @param what what was awaited, e.g. "the reply to abort (Z)"
     */
    public static DriverException.Timeout timeout(String kind, InstrumentLine channel, String what) {
        String port = channel.describe();
        if (!channel.heardAnything()) {
            return new DriverException.Timeout(kind + " did not send " + what + " in time; is it switched on and connected"
                    + " to " + port + ", and is no other program (PSTrace, a terminal) reading from " + port + "?");
        }
        String heard = channel.heard();
        if (heard.startsWith("'")) {
            return new DriverException.Timeout("a device on " + port + " answered " + heard + "; expected " + what
                    + " from " + kind + ". Is the instrument on this port the one the profile describes?");
        }
        return new DriverException.Timeout("the device on " + port + " sent " + heard + " instead of " + what + " from "
                + kind + ": unreadable bytes, as from a wrong baud rate (check the profile's serial block) or another kind"
                + " of device");
    }
}
