package org.norrlab.protocol.methodscript;

import java.util.Map;

/** MethodSCRIPT error codes and their documented meanings (serial-protocols.md §1.8). */
public record ErrorCode(String code, String meaning) {
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("0001", "unspecified error"),
            Map.entry("0002", "invalid VarType"),
            Map.entry("0003", "command not recognized"),
            Map.entry("0004", "unknown register"),
            Map.entry("0005", "register is read-only"),
            Map.entry("0006", "communication mode invalid (no script is running)"),
            Map.entry("0007", "argument has an unexpected value"),
            Map.entry("0008", "command exceeds the maximum length"),
            Map.entry("0009", "command timed out"),
            Map.entry("000B", "cannot reserve memory for a variable"),
            Map.entry("000C", "no script loaded"),
            Map.entry("000E", "overflow while averaging a measured value"),
            Map.entry("000F", "given potential not valid"),
            Map.entry("0010", "variable became NaN or infinite"),
            Map.entry("0014", "cannot measure OCP while the cell is on"),
            Map.entry("0015", "CRC invalid"),
            Map.entry("001B", "not supported by this device"),
            Map.entry("001F", "not licensed for this technique"),
            Map.entry("0020", "more than one high-speed or max-range channel enabled"),
            Map.entry("0021", "PGStat mode not supported"),
            Map.entry("0023", "command invalid for the selected PGStat mode"),
            Map.entry("0024", "maximum number of variables to measure exceeded"),
            Map.entry("0032", "critical cell overload, measurement aborted"),
            Map.entry("0052", "UART overrun"),
            Map.entry("0058", "timing error during fast measurement"),
            Map.entry("005A", "the instrument cannot meet the requested timing"),
            Map.entry("0080", "the counter electrode is oscillating"),
            Map.entry("4001", "script command unknown"),
            Map.entry("4004", "unexpected character"),
            Map.entry("4005", "script too large for the script memory"),
            Map.entry("4009", "stored script generated for older firmware"),
            Map.entry("400B", "measurement loops cannot be nested"),
            Map.entry("400C", "command not supported in the current situation"),
            Map.entry("4018", "script ended unexpectedly"),
            Map.entry("401A", "command cannot be called inside a measurement loop"),
            Map.entry("401B", "packet sequence called wrongly (pck_start/add/end)"),
            Map.entry("401C", "maximum number of variables per packet exceeded"),
            Map.entry("4020", "timeout in a script command"),
            Map.entry("4026", "variable already exists"),
            Map.entry("4027", "command requires the cell to be on"),
            Map.entry("4028", "command requires the cell to be off"),
            Map.entry("4032", "cannot set the potential range inside an active measurement loop"),
            Map.entry("4033", "cannot set the current range inside an active measurement loop"),
            Map.entry("4034", "feature not licensed"),
            Map.entry("7FFF", "fatal error, the device must be reset"));

    public static ErrorCode of(String hex) {
        String code = hex.toUpperCase(java.util.Locale.ROOT);
        String meaning = MEANINGS.get(code);
        if (meaning == null) {
            int value = Integer.parseInt(code, 16);
            meaning = value >= 0x4200 && value <= 0x4215 ? "script argument validation error" : "undocumented error code";
        }
        return new ErrorCode(code, meaning);
    }

    public static java.util.Set<String> documentedCodes() {
        return MEANINGS.keySet();
    }

    /** Communication-level errors (0xxx) answer a command; script-level ones (4xxx) come from a running script. */
    public boolean isScriptError() {
        return code.startsWith("4");
    }
}
