package org.norrlab.config;

/**
 * A value in an operator's file that cannot be used. The message is written for the operator:
 * where (file:line:column), which field, what was found and what is allowed.
 */
public class ConfigException extends Exception {
    private final Location location;
    private final String field;

    public ConfigException(Location location, String field, String problem) {
        super(location + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + problem);
        this.location = location;
        this.field = field;
    }

    public Location location() {
        return location;
    }

    public String field() {
        return field;
    }
}
