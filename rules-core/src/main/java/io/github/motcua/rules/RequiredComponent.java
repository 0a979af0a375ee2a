package io.github.motcua.rules;

import io.github.motcua.law.LegalBasis;
import java.util.Locale;
import java.util.Objects;

/**
 * A component as a decision asks for it (thành phần hồ sơ phải nộp), with its status and the
 * condition that required it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         component id
 * @param name       its name
 * @param form       the copy asked for (original, certified copy ...), as the catalogue lists it; never
 *                   {@code null} (every catalogue component names one): a caller of {@link #form()} can switch
 *                   on it without a null check
 * @param quantity   how many
 * @param status     required, one of a group, waived, optional
 * @param group      for {@link ComponentStatus#ONE_OF}: the group id; else {@code null}
 * @param waivedBy   for {@link ComponentStatus#WAIVED}: the data source; else {@code null}
 * @param condition  what required it: the rule's name, or {@code "procedure.yaml"} for the catalogue,
 *                   or {@code "heldData"} for an automatic waiver
 * @param basis      the legal basis of that condition, or {@code null}
 */
public record RequiredComponent(String id, LocalizedText name, DossierComponent.CopyKind form, int quantity,
        ComponentStatus status, String group, String waivedBy, String condition, LegalBasis basis) {
    /**
     * @throws NullPointerException naming the parameter when {@code id}, {@code form} or {@code status} is null
     */
    public RequiredComponent {
        Objects.requireNonNull(id, "id");
        if (form == null) {
            // a programmer's error, not a citizen's: the engine builds these from catalogue components, which have a form
            throw new NullPointerException(String.format(Locale.ROOT, "required component [%s]: form is null; give the "
                    + "copy asked for, one of %s", id, java.util.Arrays.toString(DossierComponent.CopyKind.values())));
        }
        Objects.requireNonNull(status, "status");
    }

    /** The status of a component in a decision. */
    public enum ComponentStatus {
        /** Must be submitted (bắt buộc). */
        REQUIRED,
        /** One of the components of {@link RequiredComponent#group()} must be submitted (một trong các). */
        ONE_OF,
        /** Not needed: the data is held in a database (được miễn nộp). */
        WAIVED,
        /** May be submitted (không bắt buộc). */
        OPTIONAL
    }
}
