package org.norrlab.driver;

import org.norrlab.driver.sim.SimulatedPotentiostat;
import org.norrlab.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorContractTest extends PotentiostatContract {
    @Override
    protected Potentiostat open(Speed speed) throws Exception {
        return Fixtures.simulator("NiNC", 5, speed, CELL);
    }

    @Override
    protected String family() {
        return "sim";
    }

    @Override
    protected void leaveTheCellOn() {
        simulator().setCellOn(true);
        assertThat(simulator().isCellOn()).as("the simulated cell, switched on").isTrue();
    }

    @Override
    protected void assertTheDeviceSwitchedTheCellOff() {
        assertThat(simulator().isCellOn()).as("the simulated cell").isFalse();
    }

    private SimulatedPotentiostat simulator() {
        return (SimulatedPotentiostat) instrument;
    }
}
