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

    /** The emulated Rodeostat has electrode switches (hardware V0.2 and later): its cell off disconnects the electrodes. */
    @Override
    protected String cellOffCommand() {
        return "{\"command\":\"setAllElectConnected\",\"connected\":false}";
    }

    @Override
    protected String cellOffAcknowledged() {
        return "{\"success\":true,\"response\":{\"command\":\"setAllElectConnected\"";
    }
}
