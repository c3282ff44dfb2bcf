package org.norrlab.transport;

/**
 * A byte pipe failed: the port could not be opened, the device vanished, or a replay parted from its
 * recording. Messages are written for the operator; the drivers pass them on unchanged as their own
 * exceptions, so that this layer needs to know nothing about instruments.
 */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The device vanished: unplugged, powered off, or its port closed. */
    public static class LinkLost extends TransportException {
        public LinkLost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The link will not come back, so trying again is pointless: the replay of a recorded session in
     * which the instrument never came back.
     */
    public static class LinkGone extends LinkLost {
        public LinkGone(String message) {
            super(message, null);
        }
    }
}
