package io.github.motcua.dossier;

import io.github.motcua.kernel.Labelled;
import io.github.motcua.kernel.Messages;

/**
 * How a dossier reached the one-stop shop (hình thức nộp hồ sơ). Fees and deadlines may depend on
 * it: online filing is often cheaper, and some packs count online dossiers received out of hours
 * from the next working day.
 *
 * <p>Thread-safe (an enum).
 */
public enum Channel implements Labelled {
    /** Filed in person at the one-stop desk (nộp trực tiếp tại Bộ phận Một cửa). */
    DESK("label.channel.DESK"),
    /** Filed on the public-service portal (nộp trực tuyến). */
    ONLINE("label.channel.ONLINE"),
    /** Sent through the public postal service (qua dịch vụ bưu chính công ích). */
    POST("label.channel.POST");

    private final String key;

    Channel(String key) {
        this.key = key;
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
}
