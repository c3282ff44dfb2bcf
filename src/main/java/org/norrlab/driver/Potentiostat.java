package org.norrlab.driver;

import org.norrlab.core.Capabilities;
import org.norrlab.core.Gas;
import org.norrlab.core.InstrumentIdentity;

/**
 * One instrument, as the scheduler sees it. A measurement streams into a {@link SampleSink} on the
 * driver's own thread; no method here blocks its caller for longer than the profile's read timeout.
 * Potentials are vs the instrument's physical reference electrode.
 */
public interface Potentiostat extends AutoCloseable {

    /** Asks the instrument who it is (model, firmware, serial number). */
    InstrumentIdentity identify() throws DriverException;

    Capabilities capabilities();

    /** Connects (true) or disconnects (false) the counter electrode: with the cell off no current can flow. */
    void setCellOn(boolean on) throws DriverException;

    /**
     * Starts a measurement streaming into {@code sink}: chronoamperometry holds a potential with the cell
     * switched on for it; open circuit records the potential with the cell off. A kind the instrument
     * cannot run is refused with a {@link DriverException} naming it.
     */
    Measurement start(MeasurementRequest request, SampleSink sink) throws DriverException;

    /**
     * What the operator has saturated the electrolyte with for the next step ({@code gas:} in the protocol's cell
     * block or on the step). A real instrument can neither know nor change it and ignores it; the simulated cell
     * answers with NO reduction only under NO.
     */
    default void electrolyteGas(Gas gas) {
        // A real instrument has no gas supply to set: the operator switched the gas at a hold.
    }

    /**
     * After a lost link: opens the same port again, syncs and identifies the instrument, and returns
     * who answered. Instruments without a link to lose refuse.
     */
    default InstrumentIdentity reconnect() throws DriverException {
        throw new DriverException("this instrument has no link to reconnect");
    }

    /**
     * The clock of the link's conversation in seconds (a replay reads the recorded times, so durations
     * measured with it, such as how long a lost link stayed lost, replay exactly); the wall clock
     * where there is no link.
     */
    default double linkClockSeconds() {
        return System.nanoTime() / 1e9;
    }

    /** What "cell off" leaves the cell in on this instrument, for the run summary. */
    default String cellOffState() {
        return "cell off (counter electrode disconnected, no current can flow)";
    }

    /** Stops the running measurement, if any, and switches the cell off. Safe to call at any time, repeatedly. */
    void abort() throws DriverException;

    /** Aborts what runs, switches the cell off where the instrument can still hear us, and releases the port. */
    @Override
    void close();
}
