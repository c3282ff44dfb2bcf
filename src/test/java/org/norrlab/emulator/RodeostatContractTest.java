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

    /** The Rodeostat has no cell switch: its driver's cell off is a hold at 0 V vs RE. */
    @Override
    protected String cellOffCommand() {
        return "{\"command\":\"setVolt\",\"v\":0.0}";
    }

    @Override
    protected String cellOffAcknowledged() {
        return "{\"success\":true,\"response\":{\"command\":\"setVolt\"";
    }
}
