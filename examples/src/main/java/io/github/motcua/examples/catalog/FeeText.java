package io.github.motcua.examples.catalog;

import java.util.Objects;

/**
 * One fee or charge of a procedure as the catalogue publishes it (phí, lệ phí): the tariff at the
 * desk and, where it differs, the tariff online, with the legal basis.
 *
 * <p>Immutable and thread-safe.
 *
 * @param item      the fee item key of the procedure's fee table
 * @param nameVi    what is charged, in Vietnamese
 * @param nameEn    what is charged, in English (may be empty)
 * @param kindVi    "Phí" or "Lệ phí"
 * @param kindEn    "Charge" or "Fee"
 * @param deskVi    the tariff in words when filed at the desk, e.g. "10.000 đ/trường hợp"
 * @param onlineVi  the tariff when filed online, or {@code null} when it is the same as at the desk
 * @param basisVi   the tariff's legal basis, Vietnamese citation
 * @param basisEn   the tariff's legal basis, English citation
 * @param verified  {@code false} when the rate is a placeholder or rests on an unverified source
 * @param deskEn    the desk tariff in English words ("VND 10,000 per case"); {@code ""} when built without
 *                  one ({@link #desk(boolean)} then gives the Vietnamese)
 * @param onlineEn  the online tariff in English, {@code null} when the same as at the desk (or built without)
 */
public record FeeText(String item, String nameVi, String nameEn, String kindVi, String kindEn, String deskVi,
        String onlineVi, String basisVi, String basisEn, boolean verified, String deskEn, String onlineEn) {
    public FeeText {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(nameVi, "nameVi");
        nameEn = nameEn == null ? "" : nameEn;
        Objects.requireNonNull(deskVi, "deskVi");
        basisVi = basisVi == null ? "" : basisVi;
        basisEn = basisEn == null ? "" : basisEn;
        deskEn = deskEn == null ? "" : deskEn;
    }

    /** The shape before the English tariff: Vietnamese tariff words only (English renderings show them). */
    public FeeText(String item, String nameVi, String nameEn, String kindVi, String kindEn, String deskVi,
            String onlineVi, String basisVi, String basisEn, boolean verified) {
        this(item, nameVi, nameEn, kindVi, kindEn, deskVi, onlineVi, basisVi, basisEn, verified, "", null);
    }

    /** The desk tariff in the reader's language: English when {@code en} and known, else Vietnamese. */
    public String desk(boolean en) {
        return en && !deskEn.isEmpty() ? deskEn : deskVi;
    }

    /** The online tariff in the reader's language, or {@code null} when it is the same as at the desk. */
    public String online(boolean en) {
        return en && onlineEn != null ? onlineEn : onlineVi;
    }

    /** Whether the online tariff differs from the desk tariff. */
    public boolean onlineDiffers() {
        return onlineVi != null;
    }

    /**
     * What is charged, prefixed by its kind unless the name already says it: "Lệ phí đăng ký khai
     * tử", "Phí chứng thực chữ ký", "Charge: Signature certification".
     */
    public String label(boolean en) {
        String name = en && !nameEn.isEmpty() ? nameEn : nameVi;
        String kind = en ? kindEn : kindVi;
        if (kind == null || kind.isEmpty()
                || name.toLowerCase(java.util.Locale.ROOT).startsWith(kind.toLowerCase(java.util.Locale.ROOT))) {
            return name;
        }
        return en ? kind + ": " + name : kind + " " + name;
    }

    /** One line of readable text: "Lệ phí …: 8.000 đ/trường hợp; trực tuyến: … (căn cứ …)". */
    public String summary(boolean en) {
        StringBuilder sb = new StringBuilder();
        sb.append(label(en)).append(": ").append(desk(en));
        if (onlineVi != null) {
            sb.append("; ").append(CatalogMessages.text(en, "CAT_FEE_ONLINE", "tariff", online(en)));
        }
        if (!basisVi.isEmpty()) {
            sb.append(" (").append(CatalogMessages.text(en, "CAT_BASIS", "basis", en ? basisEn : basisVi)).append(')');
        }
        if (!verified) {
            sb.append(' ').append(CatalogMessages.text(en, "CAT_RATE_NOT_VERIFIED"));
        }
        return sb.toString();
    }
}
