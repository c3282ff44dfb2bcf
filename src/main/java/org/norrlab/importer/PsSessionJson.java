package org.norrlab.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON of a PSTrace session (.pssession), read with a streaming parser: UTF-16LE after a BOM, keys in any letter
 * case (PSTrace 5.8 writes them in lower case), the arrays of a data set or a curve in any field order. Reading stops
 * at the end of the object, so the stray character PSTrace writes after it is never read. Each measurement is handed
 * on when its object ends, its arrays held as plain numbers: {@link PalmSensImporter} turns it into steps.
 */
final class PsSessionJson {
    static final String NAME = "PSTrace session (.pssession)";
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Pattern CURRENT_UNIT = Pattern.compile("PalmSens\\.Units\\.(Pico|Nano|Micro|Milli|)Ampere");
    private static final String TIME_UNIT = "PalmSens.Units.Time";
    private static final String VOLT_UNIT = "PalmSens.Units.Volt";

    private PsSessionJson() {
    }

    /** Where each measurement goes once its JSON object has been read. */
    interface MeasurementHandler {
        /** @param sessionMethod the session's MethodForMeasurement text, for a measurement that carries none */
        void measurement(Measurement measurement, String sessionMethod) throws ImportException;
    }

    static void read(Path file, MeasurementHandler handler) throws ImportException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] bom = in.readNBytes(2);
            if (bom.length < 2 || (bom[0] & 0xFF) != 0xFF || (bom[1] & 0xFF) != 0xFE) {
                throw new ImportException(file, 0, "expected UTF-16LE text starting with a byte-order mark (FF FE), as"
                        + " PSTrace writes a .pssession; this file starts otherwise: it is not a " + NAME + " or is damaged");
            }
            InputStreamReader text = new InputStreamReader(in, StandardCharsets.UTF_16LE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            try (JsonParser parser = JSON.createParser(text)) {
                new Session(file, parser, handler).read();
            }
        } catch (CharacterCodingException e) {
            throw new ImportException(file, 0, damagedText(file));
        } catch (JsonProcessingException e) {
            // Jackson's own message, without the parser's source and location it appends
            String problem = String.valueOf(e.getOriginalMessage()).split("\n")[0]
                    .replaceAll("\\s*\\([^()]*\\[Source:.*$", "");
            String where = e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset();
            throw new ImportException(file, 0, "is not a readable " + NAME + ": the JSON is broken" + where + " ("
                    + problem + "); the file may be truncated or damaged: save the session again from PSTrace");
        } catch (IOException e) {
            throw ImportException.unreadable(file, e);
        }
    }

    /**
     * Why UTF-16LE decoding failed, in the operator's terms: UTF-16 has two bytes per character, so an odd size means
     * bytes are missing (cut short, or lost on the way); otherwise a byte was changed.
     */
    private static String damagedText(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        String what = size >= 0 && size % 2 == 1
                ? "has an odd number of bytes (" + size + "), while UTF-16LE text, as PSTrace writes it, has two per"
                        + " character: the file was cut short or lost bytes"
                : "holds bytes that are no UTF-16LE text (as PSTrace writes it): the file is damaged";
        return "is not a readable " + NAME + ": it " + what + "; save the session again from PSTrace";
    }

    /** The current unit's name part (Pico, Nano, Micro, Milli or empty for A), if it is one of PalmSens' current units. */
    static Optional<String> currentPrefix(String unitType) {
        Matcher unit = CURRENT_UNIT.matcher(unitType);
        return unit.matches() ? Optional.of(unit.group(1)) : Optional.empty();
    }

    /**
     * How many places the decimal point moves from a current unit with this {@link #currentPrefix prefix} to A
     * (Micro: 6), so the conversion is exact; one table for the sample and the spectrum readers.
     */
    static int placesToAmperes(String prefix) {
        return switch (prefix) {
            case "Pico" -> 12;
            case "Nano" -> 9;
            case "Micro" -> 6;
            case "Milli" -> 3;
            default -> 0;
        };
    }

    /**
     * One array of a data set or a curve: what it is and its values (the "V" of each point), as plain numbers.
     *
     * @param quantity what the unit says the values are (its "Q": "Z'", "-Z''", "-Phase"); empty where not stated
     */
    record DataArray(String description, String valueType, String unitType, String quantity, double[] values) {
        boolean isTime() {
            return unitType.equals(TIME_UNIT);
        }

        boolean isPotential() {
            return unitType.equals(VOLT_UNIT);
        }

        boolean isCurrent() {
            return currentPrefix(unitType).isPresent() || valueType.endsWith("CurrentReading");
        }

        boolean isImpedance() {
            return unitType.equals("PalmSens.Units.Hertz") || unitType.startsWith("PalmSens.Units.Z")
                    || description.equalsIgnoreCase("frequency");
        }

        int length() {
            return values.length;
        }
    }

    /** What a measurement holds, gathered while its JSON object is read. */
    static final class Measurement {
        final int number;
        String title = "";
        String device = "";
        String serial = "";
        String firmware = "";
        String method = "";
        /** The measurement's UTCTimeStamp: .NET ticks (100 ns since 0001-01-01 UTC); -1 where the file has none. */
        long utcTicks = -1;
        int impedanceSpectra;
        final List<DataArray> dataSet = new ArrayList<>();
        final List<DataArray[]> curves = new ArrayList<>();

        Measurement(int number) {
            this.number = number;
        }

        String name() {
            return NAME + " measurement " + number + " \"" + title + "\"";
        }

        boolean dataSetHasSeries() {
            return dataSet.stream().anyMatch(a -> a.isCurrent() || a.isPotential());
        }
    }

    /** Reads the session object: its method text, then each measurement, handing a measurement on at its end. */
    private static final class Session {
        private final Path file;
        private final JsonParser json;
        private final MeasurementHandler handler;
        private String sessionMethod = "";
        private int measurements;

        Session(Path file, JsonParser json, MeasurementHandler handler) {
            this.file = file;
            this.json = json;
            this.handler = handler;
        }

        void read() throws IOException, ImportException {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(file, 0, "expected one JSON object (a " + NAME + "); found "
                        + describe(json.currentToken()));
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName().toLowerCase(Locale.ROOT);
                json.nextToken();
                switch (name) {
                    case "methodformeasurement" -> sessionMethod = text();
                    case "measurements" -> measurements();
                    default -> json.skipChildren();
                }
            }
            // the object's end: what PSTrace writes after it (a stray U+FEFF) is never read
            if (measurements == 0) {
                throw new ImportException(file, 0, "expected a 'Measurements' list with at least one measurement in the "
                        + NAME + "; found none");
            }
        }

        private void measurements() throws IOException, ImportException {
            expect(JsonToken.START_ARRAY, "the 'Measurements' list");
            while (json.nextToken() == JsonToken.START_OBJECT) {
                Measurement measurement = new Measurement(++measurements);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName().toLowerCase(Locale.ROOT);
                    json.nextToken();
                    switch (name) {
                        case "title" -> measurement.title = text();
                        case "deviceused" -> measurement.device = text();
                        case "deviceserial" -> measurement.serial = text();
                        case "devicefw" -> measurement.firmware = text();
                        case "utctimestamp" -> measurement.utcTicks = json.currentToken() == JsonToken.VALUE_NUMBER_INT
                                ? json.getLongValue() : -1;
                        case "method" -> measurement.method = text();
                        case "dataset" -> dataSet(measurement);
                        case "curves" -> curves(measurement);
                        case "eisdatalist" -> measurement.impedanceSpectra = count();
                        default -> json.skipChildren();
                    }
                }
                handler.measurement(measurement, sessionMethod);
            }
        }

        private void dataSet(Measurement measurement) throws IOException, ImportException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName().toLowerCase(Locale.ROOT);
                json.nextToken();
                if (name.equals("values") && json.currentToken() == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        measurement.dataSet.add(array());
                    }
                } else {
                    json.skipChildren();
                }
            }
        }

        /** The curves PSTrace plotted: read only when the data set holds no series (PSTrace 5.8 LSV files). */
        private void curves(Measurement measurement) throws IOException, ImportException {
            if (json.currentToken() != JsonToken.START_ARRAY || measurement.dataSetHasSeries()) {
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.START_OBJECT) {
                DataArray x = null;
                DataArray y = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName().toLowerCase(Locale.ROOT);
                    json.nextToken();
                    if (name.equals("xaxisdataarray") && json.currentToken() == JsonToken.START_OBJECT) {
                        x = array();
                    } else if (name.equals("yaxisdataarray") && json.currentToken() == JsonToken.START_OBJECT) {
                        y = array();
                    } else {
                        json.skipChildren();
                    }
                }
                if (x != null && y != null) {
                    measurement.curves.add(new DataArray[] {x, y});
                }
            }
        }

        /** One array object: its description, value type, unit and values, its fields in any order. */
        private DataArray array() throws IOException, ImportException {
            String description = "";
            String valueType = "";
            String[] unit = {"", ""};
            double[] values = new double[0];
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName().toLowerCase(Locale.ROOT);
                json.nextToken();
                switch (name) {
                    case "description" -> description = text();
                    case "datavaluetype" -> valueType = text();
                    case "unit" -> unit = unit();
                    case "datavalues" -> values = values(description);
                    default -> json.skipChildren();
                }
            }
            return new DataArray(description, valueType, unit[0], unit[1], values);
        }

        /** The unit's type ("PalmSens.Units.ZIm") and the quantity it names ("-Z''"), each empty where absent. */
        private String[] unit() throws IOException {
            String[] unit = {"", ""};
            if (json.currentToken() != JsonToken.START_OBJECT) {
                json.skipChildren();
                return unit;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName().toLowerCase(Locale.ROOT);
                json.nextToken();
                switch (name) {
                    case "type" -> unit[0] = text();
                    case "q" -> unit[1] = text();
                    default -> json.skipChildren();
                }
            }
            return unit;
        }

        /** The "V" of every point, as plain numbers: a missing or non-numeric V is refused, NaN kept. */
        private double[] values(String description) throws IOException, ImportException {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                json.skipChildren();
                return new double[0];
            }
            double[] values = new double[256];
            int n = 0;
            while (json.nextToken() == JsonToken.START_OBJECT) {
                double value = Double.NaN;
                boolean found = false;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isValue = json.currentName().equalsIgnoreCase("v");
                    JsonToken token = json.nextToken();
                    if (isValue && (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)) {
                        value = json.getDoubleValue();
                        found = true;
                    } else {
                        json.skipChildren();
                    }
                }
                if (!found) {
                    throw new ImportException(file, 0, NAME + ": point " + (n + 1) + " of array '" + description
                            + "' has no numeric value 'V'; the file is damaged: save the session again from PSTrace");
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = value;
            }
            return Arrays.copyOf(values, n);
        }

        private String text() throws IOException {
            JsonToken token = json.currentToken();
            if (token == JsonToken.VALUE_STRING || token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                return json.getText();
            }
            json.skipChildren();
            return "";
        }

        private int count() throws IOException {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                json.skipChildren();
                return 0;
            }
            int n = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                json.skipChildren();
                n++;
            }
            return n;
        }

        private void expect(JsonToken token, String what) throws ImportException {
            if (json.currentToken() != token) {
                throw new ImportException(file, 0, "expected " + what + " to be a JSON " + describe(token) + " in the "
                        + NAME + "; found " + describe(json.currentToken()));
            }
        }

        private static String describe(JsonToken token) {
            return token == null ? "the end of the file" : token.asString() != null ? "'" + token.asString() + "'"
                    : token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
