package io.github.motcua.rules;

import io.github.motcua.law.LegalBasis;
import java.util.List;
import java.util.Objects;

/**
 * Digitisation at receipt and reuse of issued results (số hóa hồ sơ khi tiếp nhận, tái sử dụng kết quả
 * giải quyết thủ tục hành chính đã số hóa): the decision part {@value #NAME}, filled by the built-in
 * section of the same name from the pack's {@code digitisation.yaml} (docs/pack-format.md
 * "digitisation.yaml"). Read it with {@code decision.part(Digitisation.KEY)}; it is absent
 * ({@code null} in the JSON) when the pack declares nothing for the procedure, or the dossier was refused.
 *
 * <p>Immutable and thread-safe.
 *
 * @param atReceipt  whether the receiving officer digitises paper at receipt: true for a dossier filed at
 *                   the desk or by post; false online (the citizen's files are already electronic, so
 *                   {@code toDigitise} is empty)
 * @param toDigitise the papers of this dossier on the mandatory list, in the decision's component order
 *                   (components waived because their data is held are not listed)
 * @param reused     the components waived because the citizen's data store holds a result an earlier
 *                   procedure issued, each naming that procedure and result
 * @param issues     the results this procedure issues that later procedures may reuse, with the key a
 *                   dossier's {@code heldData} names them by
 * @param basis      the national rule on digitising dossiers at receipt
 * @param listBasis  the province's approved list of papers to digitise
 * @param reuseBasis the rule that an agency must not ask again for a result already digitised
 */
public record Digitisation(boolean atReceipt, List<Paper> toDigitise, List<Reused> reused, List<IssuedResult> issues,
        LegalBasis basis, LegalBasis listBasis, LegalBasis reuseBasis) {
    /** The part's name in the decision JSON and under a case's {@code expect:}. */
    public static final String NAME = "digitisation";
    /** The part's key: {@code decision.part(Digitisation.KEY)}. */
    public static final Decision.Key<Digitisation> KEY = Decision.Key.of(NAME, Digitisation.class);

    /**
     * What a pack's {@code digitisation.yaml} declares, as the engine serves it:
     * {@code engine.section(Digitisation.NAME, Digitisation.Declared.class)} (empty when the pack has no
     * such file). A desk uses it to offer the held results a dossier may name.
     */
    public interface Declared {
        /** Every reusable result the pack declares, in file order, each with the key a dossier's {@code heldData} names it by. */
        List<IssuedResult> reusableResults();
    }

    public Digitisation {
        toDigitise = List.copyOf(toDigitise);
        reused = List.copyOf(reused);
        issues = List.copyOf(issues);
    }

    /**
     * A paper the receiving officer must digitise (thành phần hồ sơ phải số hóa).
     *
     * @param componentId  the component's id in procedure.yaml
     * @param nameVi       its name in Vietnamese
     * @param nameEn       its name in English, or {@code null}
     * @param nationalCode its code in the national procedure database (mã thành phần hồ sơ), or
     *                     {@code null} when the procedure was not imported or the pack does not name it
     * @param ifBrought    true when the decision does not require the paper itself (optional, or one of a
     *                     group): it is digitised when the citizen brings it
     */
    public record Paper(String componentId, String nameVi, String nameEn, String nationalCode, boolean ifBrought) {
        public Paper {
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(nameVi, "nameVi");
        }
    }

    /**
     * A component waived because the citizen's data store holds a result an earlier procedure issued.
     *
     * @param componentId     the component's id
     * @param componentNameVi its name in Vietnamese
     * @param heldKey         the key the dossier's {@code heldData} named, {@code <procedure>/<result>}
     * @param procedure       the code of the procedure that issued the result
     * @param procedureNameVi that procedure's name in Vietnamese
     * @param resultNameVi    the result's name in Vietnamese
     * @param resultNameEn    the result's name in English, or {@code null}
     * @param basis           the legal basis of the waiver
     */
    public record Reused(String componentId, String componentNameVi, String heldKey, String procedure,
            String procedureNameVi, String resultNameVi, String resultNameEn, LegalBasis basis) {
        public Reused {
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(heldKey, "heldKey");
            Objects.requireNonNull(procedure, "procedure");
        }
    }

    /**
     * A result this procedure issues that a later dossier may reuse (kết quả được tái sử dụng).
     *
     * @param key    how a dossier's {@code heldData} names it: {@code <procedure>/<id>}
     * @param id     its id within the procedure
     * @param nameVi its name in Vietnamese
     * @param nameEn its name in English, or {@code null}
     */
    public record IssuedResult(String key, String id, String nameVi, String nameEn) {
        public IssuedResult {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(nameVi, "nameVi");
        }
    }
}
