package io.github.motcua.law;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dated parameters a pack may leave out: the engine uses these when its {@code parameters.yaml}
 * does not declare the id (docs/pack-format.md "parameters.yaml"). Each value carries the law that set
 * it and the day it took effect; a pack that declares the id replaces the whole parameter with its own
 * dates and its own legal bases. Every fact here is from memory and marked unverified.
 *
 * <p>Immutable and thread-safe.
 */
public final class DefaultParameters {
    /** Age under which an applicant is a child (trẻ em): 16, Luật Trẻ em 2016 Art. 1, in force 01/6/2017. */
    public static final String CHILD_UNDER = "applicant.childUnder";
    /** Age from which an applicant is elderly (người cao tuổi): 60, Luật Người cao tuổi 2009 Art. 2, in force 01/7/2010. */
    public static final String ELDERLY_FROM = "applicant.elderlyFrom";
    /**
     * The legal basis of a period not counted in the deadline (thời gian không tính) given with a
     * dossier, when the pack declares no {@code EXCLUDED-<KIND>} basis: the one-stop decree.
     */
    public static final String EXCLUDED_PERIOD_BASIS = "deadline.excludedPeriodBasis";

    private static final LegalBasis CHILD_LAW = new LegalBasis("LTE-2016-D1", "Luật Trẻ em 102/2016/QH13", "1", null,
            null, null, LocalDate.of(2017, 6, 1), null, false,
            "[MEMORY] a child is a person under 16; article and effective date (01/6/2017) not checked against the official text");
    private static final LegalBasis ELDERLY_LAW = new LegalBasis("LNCT-2009-D2", "Luật Người cao tuổi 39/2009/QH12", "2",
            null, null, null, LocalDate.of(2010, 7, 1), null, false,
            "[MEMORY] the elderly are citizens aged 60 or over; article and effective date (01/7/2010) not checked against the official text");
    private static final LegalBasis EXCLUDED_DEFAULT = new LegalBasis("ND118-2025-THOI-GIAN-KHONG-TINH",
            "Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
            null, null, null, null, LocalDate.of(2025, 7, 1), null, false,
            "[MEMORY] time to supplement the dossier, fulfil financial obligations or post publicly is not counted in the time limit; article not verified");

    /** 16 from 01/6/2017. */
    public static final Parameter<Integer> CHILD_UNDER_DEFAULT = Parameter.of(CHILD_UNDER, LocalDate.of(2017, 6, 1), 16,
            CHILD_LAW);
    /** 60 from 01/7/2010. */
    public static final Parameter<Integer> ELDERLY_FROM_DEFAULT = Parameter.of(ELDERLY_FROM, LocalDate.of(2010, 7, 1), 60,
            ELDERLY_LAW);
    /** NĐ 118/2025/NĐ-CP (unverified article) from 01/7/2025; the value is the basis itself. */
    public static final Parameter<LegalBasis> EXCLUDED_PERIOD_BASIS_DEFAULT = Parameter.of(EXCLUDED_PERIOD_BASIS,
            LocalDate.of(2025, 7, 1), EXCLUDED_DEFAULT, EXCLUDED_DEFAULT);

    private DefaultParameters() {
    }

    /** Every default, by id. */
    public static Map<String, Parameter<?>> all() {
        return Map.of(CHILD_UNDER, CHILD_UNDER_DEFAULT, ELDERLY_FROM, ELDERLY_FROM_DEFAULT, EXCLUDED_PERIOD_BASIS,
                EXCLUDED_PERIOD_BASIS_DEFAULT);
    }

    /** The ids the engine reads, with the type each value must have. */
    public static Map<String, Class<?>> types() {
        return Map.of(CHILD_UNDER, Integer.class, ELDERLY_FROM, Integer.class, EXCLUDED_PERIOD_BASIS, LegalBasis.class);
    }

    /** The ids, sorted. */
    public static List<String> ids() {
        return List.of(CHILD_UNDER, ELDERLY_FROM, EXCLUDED_PERIOD_BASIS);
    }
}
