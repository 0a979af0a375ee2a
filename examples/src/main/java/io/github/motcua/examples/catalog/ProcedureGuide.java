package io.github.motcua.examples.catalog;

import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.RuleSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The guide for preparing a dossier of one procedure (hướng dẫn chuẩn bị hồ sơ), in the shape
 * Article 16 of Nghị định 118/2025/NĐ-CP asks for: the papers to submit, the competent authority,
 * the process and deadline, and the fees and charges. Build it with {@link Catalogues#guide}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param procedure   the procedure as the pack declares it
 * @param fees        its fees and charges as of {@code asOf}
 * @param feesKnown   {@code false} when the engine serves no fee table for it
 * @param asOf        the date whose rates apply
 * @param packId      the pack's id
 * @param packVersion the pack's version
 * @param reliefs     every exemption and reduction of its fee table an applicant category or a commune
 *                    flag earns, in plain words with its basis (miễn, giảm)
 * @param computedYears the years (of {@code asOf} and the next, where an appointment may fall) whose
 *                    working days are computed, not taken from an official schedule
 * @param rules       the procedure's rules ({@code Engine.rules}): the guide names, in plain words, the
 *                    cases in which a paper is asked for, every condition, every change of the time limit
 *                    and every exemption they make
 */
public record ProcedureGuide(Procedure procedure, List<FeeText> fees, boolean feesKnown, LocalDate asOf, String packId,
        String packVersion, List<FeeTexts.Relief> reliefs, List<Integer> computedYears, List<RuleSummary> rules) {
    public ProcedureGuide {
        Objects.requireNonNull(procedure, "procedure");
        fees = List.copyOf(fees);
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(packId, "packId");
        reliefs = reliefs == null ? List.of() : List.copyOf(reliefs);
        computedYears = computedYears == null ? List.of() : List.copyOf(computedYears);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A guide without the procedure's rules (the shape before the conditions were named). */
    public ProcedureGuide(Procedure procedure, List<FeeText> fees, boolean feesKnown, LocalDate asOf, String packId,
            String packVersion, List<FeeTexts.Relief> reliefs, List<Integer> computedYears) {
        this(procedure, fees, feesKnown, asOf, packId, packVersion, reliefs, computedYears, List.of());
    }

    /** A guide without reliefs and computed years (the shape before issue 18). */
    public ProcedureGuide(Procedure procedure, List<FeeText> fees, boolean feesKnown, LocalDate asOf, String packId,
            String packVersion) {
        this(procedure, fees, feesKnown, asOf, packId, packVersion, List.of(), List.of(), List.of());
    }
}
