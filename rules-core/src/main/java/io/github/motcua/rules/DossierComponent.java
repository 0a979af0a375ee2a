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
 * @param form       the copy asked for: the original, a certified copy, an electronic copy ...
 * @param quantity   how many (số lượng), at least 1
 * @param presence   required always, optional, or only when a rule requires it
 * @param waivableBy the database whose data replaces it (tái sử dụng dữ liệu), or {@code null}
 * @param basis      legal basis, or {@code null} (then the procedure's)
 */
public record DossierComponent(String id, LocalizedText name, CopyKind form, int quantity, Presence presence,
        Database waivableBy, LegalBasis basis) {
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

    /**
     * Which copy of a paper is asked for (hình thức giấy tờ): the original, a certified copy, an
     * electronic copy, or a copy shown with its original. procedure.yaml's {@code form} and the
     * decision JSON's component {@code form} write the constant's name.
     *
     * <p>It was called {@code DossierComponent.Form}, like the rule vocabulary's {@code Form} fact;
     * that name stays one release as a deprecated interface this enum implements.
     */
    @SuppressWarnings("deprecation") // implements the old name for one release
    public enum CopyKind implements Form {
        /** Bản chính. */
        ORIGINAL,
        /** Bản sao có chứng thực. */
        CERTIFIED_COPY,
        /** Bản sao điện tử. */
        ELECTRONIC_COPY,
        /** Bản sao kèm bản chính để đối chiếu. */
        COPY_WITH_ORIGINAL
    }

    /**
     * The copy kind under its old name, which clashed with the rule vocabulary's
     * {@link io.github.motcua.rules.vocabulary.Form}. For one release {@code DossierComponent.Form.ORIGINAL}
     * (and the other constants), {@code valueOf}, {@code values}, {@code name()} and a variable of this
     * type holding {@code component.form()} still compile, and the constants are the {@link CopyKind}
     * ones ({@code ==} holds). What no longer compiles: a {@code switch} over a variable of this type,
     * and {@code EnumSet}/{@code EnumMap} of it: write {@link CopyKind}.
     *
     * @deprecated use {@link CopyKind}; this name goes in the next release
     */
    @Deprecated(since = "0.1.0")
    public interface Form {
        /** Bản chính. */
        CopyKind ORIGINAL = CopyKind.ORIGINAL;
        /** Bản sao có chứng thực. */
        CopyKind CERTIFIED_COPY = CopyKind.CERTIFIED_COPY;
        /** Bản sao điện tử. */
        CopyKind ELECTRONIC_COPY = CopyKind.ELECTRONIC_COPY;
        /** Bản sao kèm bản chính để đối chiếu. */
        CopyKind COPY_WITH_ORIGINAL = CopyKind.COPY_WITH_ORIGINAL;

        /** The constant's name, e.g. {@code "ORIGINAL"}. */
        String name();

        /** The constant's position in {@link CopyKind}. */
        int ordinal();

        /**
         * The constant of this name.
         *
         * @deprecated use {@link CopyKind#valueOf(String)}
         */
        @Deprecated(since = "0.1.0")
        static CopyKind valueOf(String name) {
            return CopyKind.valueOf(name);
        }

        /**
         * Every constant in order.
         *
         * @deprecated use {@link CopyKind#values()}
         */
        @Deprecated(since = "0.1.0")
        static CopyKind[] values() {
            return CopyKind.values();
        }
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
     * A database of the State (cơ sở dữ liệu) that holds the data a component would prove: when the
     * dossier's {@link Dossier#heldData()} lists its code, the component is waived (tái sử dụng dữ liệu).
     * forms-core's prefill SPI {@code io.github.motcua.forms.spi.DataSource} is what an embedder
     * implements to query such a database; this record only names one.
     *
     * <p>It was called {@code DossierComponent.DataSource}, like that SPI; the old name stays one release
     * as a deprecated interface this record implements.
     *
     * @param source its code, e.g. {@code CSDL_HO_TICH}
     * @param name   its name, or {@code null}
     */
    @SuppressWarnings("deprecation") // implements the old name for one release
    public record Database(String source, LocalizedText name) implements DataSource {
        public Database {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The database under its old name, which clashed with forms-core's prefill SPI
     * {@code io.github.motcua.forms.spi.DataSource}. {@code DossierComponent.DataSource d = component.waivableBy()}
     * and its accessors still compile; {@code new DossierComponent.DataSource(...)} does not: write
     * {@code new DossierComponent.Database(...)}.
     *
     * @deprecated use {@link Database}; this name goes in the next release
     */
    @Deprecated(since = "0.1.0")
    public interface DataSource {
        /** Its code, e.g. {@code CSDL_HO_TICH}. */
        String source();

        /** Its name, or {@code null}. */
        LocalizedText name();
    }
}
