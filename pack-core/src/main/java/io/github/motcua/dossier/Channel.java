package io.github.motcua.dossier;

import io.github.motcua.kernel.Messages;
import java.util.Locale;
import java.util.Map;

/**
 * How a dossier reached the one-stop shop (hình thức nộp hồ sơ). Fees and deadlines may depend on
 * it: online filing is often cheaper, and some packs count online dossiers received out of hours
 * from the next working day.
 *
 * <p>Thread-safe (an enum).
 */
public enum Channel {
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

    /** The label in the reader's language (the kernel bundle's; Vietnamese unless English). */
    public String label(Locale locale) {
        return Messages.render(Messages.KERNEL, key, Map.of(), locale);
    }

    /** The Vietnamese label, e.g. "Trực tuyến". */
    public String labelVi() {
        return label(Messages.VI);
    }

    /** The English label, e.g. "Online". */
    public String labelEn() {
        return label(Locale.ENGLISH);
    }
}
