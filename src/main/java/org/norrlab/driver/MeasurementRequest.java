package org.norrlab.driver;

import org.norrlab.core.Technique;

import java.time.Duration;

/**
 * What a {@link Potentiostat} is asked to measure. A new technique adds a record here and a case to
 * {@link Visitor}: every driver then fails to compile until it handles (or refuses) the new kind.
 */
public sealed interface MeasurementRequest permits ChronoamperometryRequest, OpenCircuitRequest,
        LinearSweepRequest, CyclicVoltammetryRequest, ChronopotentiometryRequest, ImpedanceRequest {

    Duration interval();

    Duration duration();

    /** The technique the instrument's {@code Capabilities} must list for it to run this request. */
    Technique technique();

    <R> R accept(Visitor<R> visitor) throws DriverException;

    /** The visitor written as one function per kind, for the usual case of handing each kind to a method. */
    default <R> R match(Case<ChronoamperometryRequest, R> chronoamperometry, Case<OpenCircuitRequest, R> openCircuit,
                        Case<LinearSweepRequest, R> linearSweep, Case<CyclicVoltammetryRequest, R> cyclicVoltammetry,
                        Case<ChronopotentiometryRequest, R> chronopotentiometry,
                        Case<ImpedanceRequest, R> impedance) throws DriverException {
        return accept(new Visitor<>() {
            @Override
            public R chronoamperometry(ChronoamperometryRequest request) throws DriverException {
                return chronoamperometry.apply(request);
            }

            @Override
            public R openCircuit(OpenCircuitRequest request) throws DriverException {
                return openCircuit.apply(request);
            }

            @Override
            public R linearSweep(LinearSweepRequest request) throws DriverException {
                return linearSweep.apply(request);
            }

            @Override
            public R cyclicVoltammetry(CyclicVoltammetryRequest request) throws DriverException {
                return cyclicVoltammetry.apply(request);
            }

            @Override
            public R chronopotentiometry(ChronopotentiometryRequest request) throws DriverException {
                return chronopotentiometry.apply(request);
            }

            @Override
            public R impedance(ImpedanceRequest request) throws DriverException {
                return impedance.apply(request);
            }
        });
    }

    /** What to do with one kind of request, in {@link #match}. */
    @FunctionalInterface
    interface Case<T extends MeasurementRequest, R> {
        R apply(T request) throws DriverException;
    }

    /** One case per kind of request; Java 17 has no exhaustive switch over a sealed type. */
    interface Visitor<R> {
        R chronoamperometry(ChronoamperometryRequest request) throws DriverException;

        R openCircuit(OpenCircuitRequest request) throws DriverException;

        R linearSweep(LinearSweepRequest request) throws DriverException;

        R cyclicVoltammetry(CyclicVoltammetryRequest request) throws DriverException;

        R chronopotentiometry(ChronopotentiometryRequest request) throws DriverException;

        R impedance(ImpedanceRequest request) throws DriverException;
    }

    /** The refusal of a driver that cannot run this kind of request (yet): names the instrument and the technique. */
    default DriverException notSupportedBy(String instrument) {
        return new DriverException(instrument + " cannot " + technique().ability());
    }
}
