package io.github.motcua.dossier;

/**
 * How a dossier reached the one-stop shop (hình thức nộp hồ sơ). Fees and deadlines may depend on
 * it: online filing is often cheaper, and some packs count online dossiers received out of hours
 * from the next working day.
 *
 * <p>Thread-safe (an enum).
 */
public enum Channel {
    /** Filed in person at the one-stop desk (nộp trực tiếp tại Bộ phận Một cửa). */
    DESK("Trực tiếp", "At the desk"),
    /** Filed on the public-service portal (nộp trực tuyến). */
    ONLINE("Trực tuyến", "Online"),
    /** Sent through the public postal service (qua dịch vụ bưu chính công ích). */
    POST("Bưu chính công ích", "By post");

    private final String labelVi;
    private final String labelEn;

    Channel(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
