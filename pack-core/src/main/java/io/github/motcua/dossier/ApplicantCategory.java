package io.github.motcua.dossier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The applicant categories (đối tượng) a dossier may name in {@code applicant.categories} and a fee
 * exemption may depend on: the one list every module reads (the fee tables' exemptions, the desk's
 * check boxes, the test kits' generators), fixed in docs/pack-format.md "Shared codes". Which law makes
 * someone a member is the pack's: {@code exemptions.yaml} cites it per category.
 *
 * <p>{@link #CHILD} and {@link #ELDERLY} are also derived from the applicant's birth date, with the ages
 * of the pack's dated parameters {@code applicant.childUnder} and {@code applicant.elderlyFrom}.
 *
 * <p>Thread-safe (an enum).
 */
public enum ApplicantCategory {
    /** Hộ nghèo. */
    POOR_HOUSEHOLD("Hộ nghèo", "Poor household", false),
    /** Người có công với cách mạng. */
    MERITORIOUS("Người có công với cách mạng", "Person with merit to the revolution", false),
    /** Thân nhân liệt sĩ. */
    MARTYR_RELATIVE("Thân nhân liệt sĩ", "Martyr's relative", false),
    /** Người khuyết tật. */
    DISABLED("Người khuyết tật", "Person with a disability", false),
    /** Trẻ em: also derived from the birth date. */
    CHILD("Trẻ em", "Child", true),
    /** Người cao tuổi: also derived from the birth date. */
    ELDERLY("Người cao tuổi", "Elderly person", true),
    /** Học sinh, sinh viên. */
    STUDENT("Học sinh, sinh viên", "Pupil or student", false),
    /** Người dân tộc thiểu số. */
    ETHNIC_MINORITY("Người dân tộc thiểu số", "Ethnic minority", false);

    private final String labelVi;
    private final String labelEn;
    private final boolean byAge;

    ApplicantCategory(String labelVi, String labelEn, boolean byAge) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.byAge = byAge;
    }

    /** The Vietnamese name. */
    public String labelVi() {
        return labelVi;
    }

    /** The English name. */
    public String labelEn() {
        return labelEn;
    }

    /** Whether the engine also derives it from the birth date (an officer need not tick it). */
    public boolean byAge() {
        return byAge;
    }

    /** Every code, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** The category with this code, if any. */
    public static Optional<ApplicantCategory> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
