package org.norrlab.driver;

/**
 * Something went wrong talking to an instrument. Messages are written for the operator: what
 * happened, on which instrument, and what to do.
 */
public class DriverException extends Exception {
    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The instrument did not answer within its read timeout. */
    public static class Timeout extends DriverException {
        public Timeout(String message) {
            super(message);
        }
    }

    /** The instrument answered with an error code. */
    public static class DeviceError extends DriverException {
        private final String code;

        public DeviceError(String code, String meaning) {
            super("the instrument reported error " + code + ": " + meaning);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The instrument vanished: unplugged, powered off, or its port closed. */
    public static class LinkLost extends DriverException {
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

        public LinkGone(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The instrument sent bytes we cannot read. */
    public static class BadFrame extends DriverException {
        public BadFrame(String message) {
            super(message);
        }
    }
}
