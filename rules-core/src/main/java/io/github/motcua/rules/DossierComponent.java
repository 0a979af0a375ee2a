package io.github.motcua.rules;

import io.github.motcua.law.LegalBasis;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a procedure's component catalogue (thành phần hồ sơ).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         id unique within the procedure, used by rules ({@code require("to-khai")})
 * @param name       name
 * @param form       original, certified copy, electronic copy ...
 * @param quantity   how many (số lượng), at least 1
 * @param presence   required always, optional, or only when a rule requires it
 * @param waivableBy the database whose data replaces it (tái sử dụng dữ liệu), or {@code null}
 * @param basis      legal basis, or {@code null} (then the procedure's)
 */
public record DossierComponent(String id, LocalizedText name, Form form, int quantity, Presence presence,
        DataSource waivableBy, LegalBasis basis) {
    public DossierComponent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(presence, "presence");
        if (quantity < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "component [%s] quantity must be >= 1: [%d]", id, quantity));
        }
    }

    /** The form of a paper (hình thức giấy tờ). */
    public enum Form {
        /** Bản chính. */
        ORIGINAL,
        /** Bản sao có chứng thực. */
        CERTIFIED_COPY,
        /** Bản sao điện tử. */
        ELECTRONIC_COPY,
        /** Bản sao kèm bản chính để đối chiếu. */
        COPY_WITH_ORIGINAL
    }

    /** When the component is asked for. */
    public enum Presence {
        /** Always (bắt buộc). */
        REQUIRED,
        /** Optional (không bắt buộc). */
        OPTIONAL,
        /** Only when a rule requires it (theo điều kiện). */
        CONDITIONAL
    }

    /**
     * A database that holds the data a component would prove.
     *
     * @param source its code, e.g. {@code CSDL_HO_TICH}
     * @param name   its name
     */
    public record DataSource(String source, LocalizedText name) {
        public DataSource {
            Objects.requireNonNull(source, "source");
        }
    }
}
