package org.norrlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.norrlab.analysis.AssayFlag;
import org.norrlab.analysis.Calibration;
import org.norrlab.analysis.CalibrationFit;
import org.norrlab.analysis.Measure;
import org.norrlab.analysis.Plausibility;
import org.norrlab.analysis.Product;
import org.norrlab.analysis.ProductResult;
import org.norrlab.electrochem.CellSettings;
import org.norrlab.store.StoredAliquot;
import org.norrlab.store.StoredCorrection;

import java.util.Locale;

/** The analysis for machines: JSON (with the settings and calibrations behind it) and CSV (one row per step and product). */
public final class AnalysisExport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalysisExport() {
    }

    public static String json(SessionAnalysis.Result result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "norrlab-analysis");
        root.put("format_version", 1);
        root.put("session", result.session().id());
        root.put("protocol", result.session().protocolName());
        root.put("instrument", result.session().instrument().describe());
        root.set("cell", cell(result.session().cell()));
        root.put("blank_current_A", result.options().blankCurrentAmperes());
        root.put("uncertainty", "one standard deviation, propagated from calibration fit, dilution and volume");
        ArrayNode steps = root.putArray("steps");
        for (StepAnalysis step : result.steps()) {
            ObjectNode s = steps.addObject();
            s.put("step", step.step().index());
            s.put("E_vs_RHE_V", step.step().voltsVsRhe());
            s.put("E_vs_RE_V", step.step().voltsVsReference());
            s.put("duration_s", step.durationSeconds());
            s.put("samples", step.samples());
            s.put("charge_C", step.charge().coulombs());
            s.put("largest_gap_s", step.largestGapSeconds());
            ObjectNode products = s.putObject("products");
            for (ProductResult p : step.outcome().products().values()) {
                ObjectNode n = products.putObject(p.product().name());
                measure(n, "amount_mol", p.amount().amount().moles());
                measure(n, "faradaic_efficiency", p.faradaicEfficiency());
                n.put("control_subtracted", p.controlSubtracted());
                ArrayNode flags = n.putArray("flags");
                p.amount().flags().stream().map(AssayFlag::name).sorted().forEach(flags::add);
                ObjectNode places = n.putObject("places");
                p.amount().parts().forEach((place, part) -> measure(places.putObject(place.written()), "amount_mol",
                        part.moles()));
            }
            step.outcome().faradaicEfficiencySum().ifPresent(m -> measure(s, "faradaic_efficiency_sum", m));
            step.outcome().nh3Yield().ifPresent(y -> {
                ObjectNode n = s.putObject("nh3_yield");
                measure(n, "mol_s-1_cm-2", y.molPerSecondPerCm2());
                measure(n, "umol_h-1_cm-2", y.micromolPerHourPerCm2());
                measure(n, "umol_h-1", y.micromolPerHour());
                measure(n, "ug_h-1_mgcat-1", y.microgramPerHourPerMgCatalyst());
            });
            ArrayNode notes = s.putArray("notes");
            step.notes().forEach(notes::add);
            ArrayNode flags = s.putArray("flags");
            for (Plausibility.Flag flag : step.flags()) {
                ObjectNode f = flags.addObject();
                f.put("flag", flag.kind().name().toLowerCase(Locale.ROOT));
                ArrayNode marks = f.putArray("marks");
                flag.marks().stream().sorted().map(m -> m.name().toLowerCase(Locale.ROOT)).forEach(marks::add);
                f.put("note", flag.note());
            }
        }
        root.set("electrolyte", electrolyte(result.electrolyte()));
        ArrayNode corrections = root.putArray("corrections");
        for (StoredCorrection c : result.corrections()) {
            ObjectNode n = corrections.addObject();
            n.put("what", c.what());
            n.put("old", c.oldValue());
            n.put("new", c.newValue());
            n.put("reason", c.reason());
            n.put("operator", c.operator());
            n.put("time_utc", c.created().toString());
        }
        ArrayNode calibrations = root.putArray("calibrations");
        for (Calibration c : result.calibrations().values()) {
            calibrations.add(calibration(c));
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the analysis as JSON", e);
        }
    }

    /** The catholyte's mode, the aliquots, each accumulating step's place in its batch, and the batch rows. */
    static ObjectNode electrolyte(ElectrolyteSummary electrolyte) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("mode", electrolyte.mode().written());
        ArrayNode aliquots = n.putArray("aliquots");
        for (StoredAliquot a : electrolyte.aliquots()) {
            ObjectNode o = aliquots.addObject();
            o.put("after_step", a.afterStep());
            o.put("volume_mL", a.volumeMl());
            o.put("replaced", a.replaced());
            o.put("taken_by", a.takenBy().written());
            o.put("created_utc", a.created().toString());
            o.put("note", a.note());
        }
        ArrayNode lines = n.putArray("batch_steps");
        for (ElectrolyteSummary.Line line : electrolyte.lines()) {
            ObjectNode o = lines.addObject();
            o.put("step", line.stepIndex());
            o.put("batch", line.batch());
            o.put("product", line.product().name());
            measure(o, "volume_mL", line.volumeMl());
            line.inCell().ifPresent(m -> measure(o, "in_cell_mol", m));
            line.cumulative().ifPresent(m -> measure(o, "since_batch_start_mol", m));
            line.segment().ifPresent(segment -> {
                ArrayNode steps = o.putArray("counted_with_steps");
                segment.steps().forEach(steps::add);
            });
        }
        ArrayNode rows = n.putArray("batch_rows");
        for (ElectrolyteSummary.Row row : electrolyte.rows()) {
            ObjectNode o = rows.addObject();
            o.put("batch", row.batch());
            o.put("product", row.product().name());
            ArrayNode steps = o.putArray("steps");
            row.segment().steps().forEach(steps::add);
            o.put("charge_C", row.charge().coulombs());
            o.put("duration_s", row.durationSeconds());
            row.outcome().map(out -> out.products().get(row.product())).ifPresent(p -> {
                measure(o, "amount_mol", p.amount().amount().moles());
                measure(o, "faradaic_efficiency", p.faradaicEfficiency());
                ArrayNode flags = o.putArray("flags");
                p.amount().flags().stream().map(AssayFlag::name).sorted().forEach(flags::add);
            });
            row.outcome().flatMap(out -> out.nh3Yield()).ifPresent(y -> measure(o, "nh3_yield_umol_h-1_cm-2",
                    y.micromolPerHourPerCm2()));
            ArrayNode notes = o.putArray("notes");
            row.segment().notes().forEach(notes::add);
        }
        return n;
    }

    static ObjectNode cell(CellSettings cell) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reference_electrode", cell.referenceElectrode().name());
        n.put("reference_e0_vs_she_V", cell.referenceElectrode().e0VsSheVolts());
        n.put("pH", cell.pH());
        n.put("temperature_C", cell.temperatureCelsius());
        n.put("electrode_area_cm2", cell.electrodeAreaCm2());
        n.put("catalyst_loading_mg_cm2", cell.catalystLoadingMgPerCm2());
        n.put("electrolyte_volume_mL", cell.electrolyteVolumeMl());
        return n;
    }

    static ObjectNode calibration(Calibration c) {
        CalibrationFit fit = c.fit();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", c.id());
        n.put("product", c.product().name());
        n.put("method", c.method());
        n.put("wavelength_nm", c.wavelengthNm());
        n.put("unit", c.unit());
        n.put("created_utc", c.created().toString());
        n.put("operator", c.operator());
        n.put("standards", fit.standards());
        n.put("slope", fit.slope());
        n.put("slope_se", fit.slopeStandardError());
        n.put("intercept", fit.intercept());
        n.put("intercept_se", fit.interceptStandardError());
        n.put("r_squared", fit.rSquared());
        n.put("lod", fit.lod());
        n.put("loq", fit.loq());
        n.put("sigma_source", fit.sigmaSource().name().toLowerCase(Locale.ROOT));
        n.put("acceptable", fit.acceptable());
        n.put("accepted_poor_fit", c.acceptedPoorFit());
        return n;
    }

    private static void measure(ObjectNode node, String field, Measure m) {
        if (Double.isNaN(m.value())) {
            node.putNull(field);
            node.putNull(field + "_sd");
        } else {
            node.put(field, m.value());
            node.put(field + "_sd", m.sigma());
        }
    }

    public static String csv(SessionAnalysis.Result result) {
        StringBuilder out = new StringBuilder();
        out.append("# norrlab analysis of session ").append(result.session().id()).append(" (")
                .append(result.session().protocolName()).append("); sd = one standard deviation\n");
        out.append("step,E_vs_RHE_V,duration_s,charge_C,product,amount_mol,amount_sd,FE,FE_sd,flags,")
                .append("NH3_yield_mol_s-1_cm-2,NH3_yield_umol_h-1_cm-2,NH3_yield_umol_h-1,NH3_yield_ug_h-1_mgcat-1\n");
        for (StepAnalysis step : result.steps()) {
            for (ProductResult p : step.outcome().products().values()) {
                boolean nh3 = p.product() == Product.NH3;
                var yield = step.outcome().nh3Yield().filter(y -> nh3);
                out.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", step.step().index(),
                        step.step().voltsVsRhe(), step.durationSeconds(), step.charge().coulombs(), p.product(),
                        p.amount().amount().moles().value(), p.amount().amount().moles().sigma(),
                        p.faradaicEfficiency().value(), p.faradaicEfficiency().sigma(),
                        String.join(" ", p.amount().flags().stream().map(AssayFlag::name).sorted().toList()),
                        yield.map(y -> Double.toString(y.molPerSecondPerCm2().value())).orElse(""),
                        yield.map(y -> Double.toString(y.micromolPerHourPerCm2().value())).orElse(""),
                        yield.map(y -> Double.toString(y.micromolPerHour().value())).orElse(""),
                        yield.map(y -> Double.isNaN(y.microgramPerHourPerMgCatalyst().value()) ? ""
                                : Double.toString(y.microgramPerHourPerMgCatalyst().value())).orElse("")));
            }
        }
        return out.toString();
    }
}
