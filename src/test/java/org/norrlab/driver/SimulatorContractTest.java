package org.norrlab.driver;

import org.norrlab.testing.Fixtures;

class SimulatorContractTest extends PotentiostatContract {
    @Override
    protected Potentiostat open(Speed speed) throws Exception {
        return Fixtures.simulator("NiNC", 5, speed, CELL);
    }

    @Override
    protected String family() {
        return "sim";
    }
}
