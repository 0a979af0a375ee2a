package io.github.motcua.kernel;

import java.util.Locale;
import java.util.Map;

/**
 * A value with a label (nhãn) in Vietnamese and English, read from a message bundle pair
 * ({@code …_vi.properties}, {@code …_en.properties}) under one key: the library's labelled enums
 * ({@code Channel}, {@code ApplicantCategory}, {@code FeeKind}, {@code ReturnStatus},
 * {@code ControlStep.Status}) each give only their bundle and each constant's key, and take
 * {@link #label(Locale)}, {@link #labelVi()} and {@link #labelEn()} from here.
 *
 * <p>An implementation is thread-safe when its two methods are (an enum's constants are).
 */
public interface Labelled {

    /** The base name of the bundle holding the label, e.g. {@link Messages#KERNEL}. */
    String labelBundle();

    /** The label's key in that bundle, e.g. {@code label.channel.ONLINE}. */
    String labelKey();

    /** The label in the reader's language: English for an English locale, else Vietnamese. */
    default String label(Locale locale) {
        return Messages.render(labelBundle(), labelKey(), Map.of(), locale);
    }

    /** The Vietnamese label, e.g. "Trực tuyến". */
    default String labelVi() {
        return label(Messages.VI);
    }

    /** The English label, e.g. "Online". */
    default String labelEn() {
        return label(Locale.ENGLISH);
    }
}
