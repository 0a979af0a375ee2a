package io.github.motcua.forms;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem with the data of an e-form (lỗi tờ khai), ready to show a citizen beside the field.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pointer   JSON Pointer (RFC 6901) of the field, e.g. {@code "/me/ngaySinh"}; {@code ""} for the
 *                  whole form (malformed JSON, size limits)
 * @param labelVi   the field's Vietnamese label (its schema {@code title}, else its property name)
 * @param labelEn   the field's English label ({@code x-title-en}, else the Vietnamese one)
 * @param messageVi the message in Vietnamese
 * @param messageEn the message in English
 * @param keyword   what failed: a JSON Schema keyword ({@code "required"}, {@code "format"}, …), one of
 *                  ours ({@code "x-vn-date-before"}, {@code "x-vn-personal-id-matches"}), or an input
 *                  check ({@code "json"}, {@code "encoding"}, {@code "limit"})
 */
public record Violation(String pointer, String labelVi, String labelEn, String messageVi, String messageEn,
        String keyword) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(labelVi, "labelVi");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(keyword, "keyword");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pointer must be empty or start with '/': [%s]", pointer));
        }
        labelEn = labelEn == null ? labelVi : labelEn;
        messageEn = messageEn == null ? messageVi : messageEn;
    }

    /** The message in {@code locale}'s language: English for {@code en}, Vietnamese otherwise. */
    public String message(Locale locale) {
        return isEnglish(locale) ? messageEn : messageVi;
    }

    /** The label in {@code locale}'s language: English for {@code en}, Vietnamese otherwise. */
    public String label(Locale locale) {
        return isEnglish(locale) ? labelEn : labelVi;
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
