package org.norrlab.protocol.rodeostat;

/** A Rodeostat line that is not what the protocol allows, or a refused command. The message quotes the line. */
public final class RodeostatException extends Exception {
    public RodeostatException(String problem, String line) {
        super(problem + " in device line '" + (line.length() > 120 ? line.substring(0, 120) + "…" : line) + "'");
    }
}
