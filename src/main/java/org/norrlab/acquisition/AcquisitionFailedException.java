package org.norrlab.acquisition;

/** Thrown to a producer when a consumer (typically the store) has failed and the run must stop. */
public final class AcquisitionFailedException extends IllegalStateException {
    public AcquisitionFailedException(Exception cause) {
        super(cause instanceof DispatcherStoppedException ? cause.getMessage()
                : "acquisition stopped because a consumer failed: " + cause.getMessage(), cause);
    }
}
