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
}
