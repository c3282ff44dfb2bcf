package org.norrlab.emulator;

class RodeostatContractTest extends EmulatedContract {
    @Override
    protected String profile() {
        return "rodeostat";
    }

    @Override
    protected String family() {
        return "rodeostat";
    }
}
