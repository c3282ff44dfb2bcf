package org.norrlab.emulator;

class MethodScriptContractTest extends EmulatedContract {
    @Override
    protected String profile() {
        return "emstat4-hr";
    }

    @Override
    protected String family() {
        return "methodscript";
    }

    @Override
    protected String cellOffCommand() {
        return "e\ncell_off\n\n";
    }

    @Override
    protected String cellOffAcknowledged() {
        return "e\n\n";
    }
}
