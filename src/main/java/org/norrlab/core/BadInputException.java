package org.norrlab.core;

/**
 * A value the operator gave (an option, a line of a file they wrote, a unit they typed) is refused; the
 * message names it and says what is allowed. Only these, configuration and plan refusals and import
 * errors are reported as "Bad input": any other {@link IllegalArgumentException} is an invariant of
 * norrlab's own code that did not hold, and the operator is told so rather than blamed for it.
 */
public class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
