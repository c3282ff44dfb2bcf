package org.norrlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picocli's type words ("'first' is not a long", "'1:2' is not a double") in the words of the bench, for every option and
 * parameter at once: a session number, a dilution factor, a whole number or a number. The rest of picocli's handling
 * (the usage after the message, exit code 2) stays as it is.
 */
final class PlainParameterErrors implements CommandLine.IParameterExceptionHandler {
    private static final Pattern JAVA_TYPE = Pattern.compile("'(.*)' is not an? (long|int|short|double|float)\\b.*",
            Pattern.DOTALL);

    private final CommandLine.IParameterExceptionHandler picocli;

    PlainParameterErrors(CommandLine.IParameterExceptionHandler picocli) {
        this.picocli = picocli;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) throws Exception {
        String message = e.getMessage();
        int valueAt = message == null ? -1 : firstQuoteOfValue(message);
        Matcher type = valueAt < 0 ? null : JAVA_TYPE.matcher(message.substring(valueAt));
        if (type == null || !type.matches()) {
            return picocli.handleParseException(e, args);
        }
        String plain = message.substring(0, valueAt) + plainWords(e.getArgSpec(), type.group(1), type.group(2));
        return picocli.handleParseException(new CommandLine.ParameterException(e.getCommandLine(), plain, e, e.getArgSpec(),
                e.getValue()), args);
    }

    /** Where "'VALUE' is not a …" begins: after picocli's "Invalid value for option '--x': ". */
    private static int firstQuoteOfValue(String message) {
        int colon = message.indexOf(": '");
        return colon < 0 ? message.indexOf('\'') : colon + 2;
    }

    static String plainWords(ArgSpec arg, String value, String javaType) {
        String name = arg == null ? "" : arg instanceof OptionSpec option ? option.longestName()
                : ((PositionalParamSpec) arg).paramLabel();
        boolean whole = !javaType.equals("double") && !javaType.equals("float");
        if (whole && name.toUpperCase(Locale.ROOT).contains("SESSION")) {
            return "'" + value + "' is not a session number (a whole number, as 'norrlab sessions' lists)";
        }
        if (name.equals("--dilution")) {
            return "'" + value + "' is not a number; give the dilution factor, the diluted volume over the sample's volume:"
                    + " e.g. 2 for 1 mL of sample made up to 2 mL. A ratio such as 1:2 is read as factor 2 by some and as 3"
                    + " (1 part sample + 2 parts diluent) by others, so write the factor itself";
        }
        return "'" + value + "' is not " + (whole ? "a whole number" : "a number") + (value.contains(",")
                ? " (write decimals with a point, e.g. 0.5)" : "");
    }
}
