package io.github.motcua.dossier;

import io.github.motcua.kernel.Labelled;
import io.github.motcua.kernel.Messages;
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
public enum ApplicantCategory implements Labelled {
    /** Hộ nghèo. */
    POOR_HOUSEHOLD("label.category.POOR_HOUSEHOLD", false),
    /** Người có công với cách mạng. */
    MERITORIOUS("label.category.MERITORIOUS", false),
    /** Thân nhân liệt sĩ. */
    MARTYR_RELATIVE("label.category.MARTYR_RELATIVE", false),
    /** Người khuyết tật. */
    DISABLED("label.category.DISABLED", false),
    /** Trẻ em: also derived from the birth date. */
    CHILD("label.category.CHILD", true),
    /** Người cao tuổi: also derived from the birth date. */
    ELDERLY("label.category.ELDERLY", true),
    /** Học sinh, sinh viên. */
    STUDENT("label.category.STUDENT", false),
    /** Người dân tộc thiểu số. */
    ETHNIC_MINORITY("label.category.ETHNIC_MINORITY", false);

    private final String key;
    private final boolean byAge;

    ApplicantCategory(String key, boolean byAge) {
        this.key = key;
        this.byAge = byAge;
    }

    /** The key of this constant's label. */
    @Override
    public String labelKey() {
        return key;
    }

    /** The kernel bundle. */
    @Override
    public String labelBundle() {
        return Messages.KERNEL;
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
