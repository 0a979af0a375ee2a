package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.law.Parameter;
import io.github.motcua.law.ParameterNotInForceException;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated (not yet compiled) pack; {@code parameters} are its dated parameters (parameters.yaml
 * over the engine's defaults). Immutable.
 */
record LoadedPack(PackInfo info, Map<String, LegalBasis> bases, Map<String, ReceivingUnit> units,
        Map<String, ProcedureSource> procedures, List<PackCase> cases, Map<String, Object> sections,
        java.time.Duration decisionBudget, Map<String, Parameter<?>> parameters,
        List<PackProblem> warnings) {

    /**
     * The value of the dated parameter {@code id} in force on {@code date}.
     *
     * @throws ParameterNotInForceException when none is
     */
    @SuppressWarnings("unchecked")
    <T> Parameter.Dated<T> parameter(String id, Class<T> type, java.time.LocalDate date) {
        Parameter<?> p = parameters.get(id);
        if (p == null) {
            throw new ParameterNotInForceException(id, date, date);
        }
        Parameter.Dated<?> v = p.at(date);
        type.cast(v.value());
        return (Parameter.Dated<T>) v;
    }

    /** What the pack section {@code name} built, if it is a {@code type}; else null. */
    <T> T section(String name, Class<T> type) {
        Object v = sections.get(name);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    /**
     * One procedure folder: its catalogue entry and its rule texts (DRL files and generated tables); {@code deferred}
     * holds the rule checks a lazy load leaves to the procedure's first use (null when the load ran them, or
     * when they are skipped: see {@link ProcedureReader.RuleChecks}).
     */
    record ProcedureSource(Procedure procedure, String folder, List<RuleText> rules, ProcedureReader.DeferredChecks deferred) {
        ProcedureSource(Procedure procedure, String folder, List<RuleText> rules) {
            this(procedure, folder, rules, null);
        }
    }

    /**
     * DRL ready to lint and compile, with the map from its lines back to the analyst's file.
     *
     * @param file      the analyst's file
     * @param source    the DRL text parsed (generated for decision tables)
     * @param positions maps a (line, column) of the DRL back to the analyst's file
     */
    record RuleText(String file, DrlSource source, Linter.Positions positions) {
    }
}
