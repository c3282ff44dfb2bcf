package org.norrlab.importer;

import org.norrlab.electrochem.CellSettings;
import org.norrlab.electrochem.ReferenceElectrode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cell values a file (or the operator, on the command line) states, each with where it was stated. Vendor files
 * state few (EC-Lab gives the electrode area; CHI gives none); what is empty comes from the next source in line
 * (command-line options, then the file, then config/site.yaml), and the session records which one gave each value.
 */
public record StatedCell(Optional<Stated<ReferenceElectrode>> reference, Optional<Stated<Double>> pH,
                         Optional<Stated<Double>> temperatureCelsius, Optional<Stated<Double>> areaCm2,
                         Optional<Stated<Double>> loadingMgPerCm2, Optional<Stated<Double>> volumeMl) {
    public static final StatedCell NONE = new StatedCell(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public StatedCell {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(pH, "pH");
        Objects.requireNonNull(temperatureCelsius, "temperatureCelsius");
        Objects.requireNonNull(areaCm2, "areaCm2");
        Objects.requireNonNull(loadingMgPerCm2, "loadingMgPerCm2");
        Objects.requireNonNull(volumeMl, "volumeMl");
    }

    /** Every value of a complete cell (a norrlab export's header), all from one source. */
    public static StatedCell all(CellSettings cell, String source) {
        return new StatedCell(Optional.of(new Stated<>(cell.referenceElectrode(), source)),
                Optional.of(new Stated<>(cell.pH(), source)), Optional.of(new Stated<>(cell.temperatureCelsius(), source)),
                Optional.of(new Stated<>(cell.electrodeAreaCm2(), source)),
                Optional.of(new Stated<>(cell.catalystLoadingMgPerCm2(), source)),
                Optional.of(new Stated<>(cell.electrolyteVolumeMl(), source)));
    }

    /** Only the electrode area, as a file states it. */
    public static StatedCell area(double cm2, String source) {
        return new StatedCell(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new Stated<>(cm2, source)),
                Optional.empty(), Optional.empty());
    }

    /** This cell's values, and where this one is silent, the other's (options over the file, say). */
    public StatedCell over(StatedCell lower) {
        return new StatedCell(reference.or(lower::reference), pH.or(lower::pH),
                temperatureCelsius.or(lower::temperatureCelsius), areaCm2.or(lower::areaCm2),
                loadingMgPerCm2.or(lower::loadingMgPerCm2), volumeMl.or(lower::volumeMl));
    }

    /** The cell to record: the values stated here, the site's where none is. */
    public CellSettings resolve(CellSettings site) {
        return new CellSettings(reference.map(Stated::value).orElse(site.referenceElectrode()),
                pH.map(Stated::value).orElse(site.pH()),
                temperatureCelsius.map(Stated::value).orElse(site.temperatureCelsius()),
                areaCm2.map(Stated::value).orElse(site.electrodeAreaCm2()),
                loadingMgPerCm2.map(Stated::value).orElse(site.catalystLoadingMgPerCm2()),
                volumeMl.map(Stated::value).orElse(site.electrolyteVolumeMl()));
    }

    /**
     * Where each value of {@link #resolve} came from, keyed as the session records them ({@code area_source}, …);
     * {@code siteSource} names the site file for the values stated nowhere else.
     */
    public Map<String, String> sources(String siteSource) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("reference_source", reference.map(Stated::source).orElse(siteSource));
        sources.put("ph_source", pH.map(Stated::source).orElse(siteSource));
        sources.put("temperature_source", temperatureCelsius.map(Stated::source).orElse(siteSource));
        sources.put("area_source", areaCm2.map(Stated::source).orElse(siteSource));
        sources.put("loading_source", loadingMgPerCm2.map(Stated::source).orElse(siteSource));
        sources.put("volume_source", volumeMl.map(Stated::source).orElse(siteSource));
        return sources;
    }

    /**
     * A value and where it was stated: "file: 'Electrode surface area : 0.001 cm²' (line 34)", "option --area",
     * "config/site.yaml".
     */
    public record Stated<T>(T value, String source) {
        public Stated {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }
}
