package io.github.motcua.forms;

import io.github.motcua.forms.spi.DataSource;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The e-forms of one pack (các tờ khai điện tử của bộ quy tắc), compiled once: validate data,
 * prefill it, render forms and print documents. Obtain one from {@link Forms}.
 *
 * <p>Thread-safe: build one per pack and share it. Every schema is compiled once: at build time, or
 * on first use when built with {@code Forms.builder().lazyCompile(true)}.
 *
 * <p>Nulls: a {@code null} form id, data, text, bytes, stream, parameter map or source list is a programming error
 * and throws {@link NullPointerException} naming the parameter before any work; the JSON text {@code "null"} is input,
 * reported as a violation. Only a locale ({@code null}: Vietnamese), a personal number and a report to show may be
 * {@code null}, as each method says.
 */
public interface FormRegistry {

    /**
     * Compiles the form's schema into its validator if that has not happened yet: a registry built
     * with {@code Forms.builder().lazyCompile(true)} compiles each schema on first use; for an eager
     * one (the default) this does nothing.
     *
     * @throws NoSuchFormException        when the pack has no such form
     * @throws UnableToLoadFormsException when the schema does not compile, naming its file
     */
    default void compile(String formId) {
    }

    /** The ids of the procedure forms (their procedure codes, e.g. {@code "1.001193"}), sorted. */
    Set<String> formIds();

    /**
     * The form's JSON Schema as one self-contained document (lược đồ tờ khai): the form's schema with
     * every shared schema of the pack embedded under {@code $defs}, each keeping its {@code $id}, so a
     * client (a portal in PHP, .NET or a browser) validates with any draft 2020-12 validator and fetches
     * nothing. The pack's own keywords ({@code x-...}, Vietnamese formats) stay; validators that do not
     * know them ignore them.
     *
     * @throws NoSuchFormException when {@code formId} is unknown
     */
    default String bundledSchema(String formId) {
        throw new UnsupportedOperationException("bundledSchema is not implemented by " + getClass().getName());
    }

    /**
     * Whether {@code formId} names a procedure form or a schema {@code $id} of the pack.
     *
     * @throws NullPointerException when {@code formId} is {@code null}
     */
    boolean hasForm(String formId);

    /**
     * The version of a form as a content hash, {@code "sha256:<hex>"} over the form's schema and every
     * shared schema of the pack, so each submission can be tied to the exact form it was checked against.
     *
     * @throws NoSuchFormException when {@code formId} is unknown
     */
    String formVersion(String formId);

    /**
     * Validates JSON text against a form.
     *
     * @param formId a procedure code or a schema {@code $id}
     * @param json   the form data as JSON text
     * @param locale the locale for {@link FormReport#messages()}: English for {@code en}, Vietnamese for any other
     *               language and for {@code null} (as every locale argument of the library: the default language
     *               of a one-stop shop, never the JVM's default locale); the report's {@link FormReport#locale()}
     *               is then {@code vi-VN}
     * @return every violation, never an exception for bad data (the text {@code "null"} is a wrong-type violation)
     * @throws NoSuchFormException  when {@code formId} is unknown
     * @throws NullPointerException when {@code formId} or {@code json} is {@code null}, naming it
     */
    FormReport validate(String formId, String json, Locale locale);

    /** As {@link #validate(String, String, Locale)}, from UTF-8 bytes (invalid UTF-8 and a BOM are violations). */
    FormReport validate(String formId, byte[] json, Locale locale);

    /**
     * As {@link #validate(String, byte[], Locale)}, reading at most {@link InputLimits#maxBytes()} + 1 bytes
     * (the caller closes the stream).
     *
     * @throws java.io.UncheckedIOException when reading the stream fails
     */
    FormReport validate(String formId, InputStream json, Locale locale);

    /**
     * Validates data already in Java form: maps with string keys, lists, strings, numbers, booleans
     * and {@code null}; also {@code java.time} dates and times (ISO 8601 text, e.g. a {@code LocalDate}
     * becomes {@code "2026-02-13"}), enum constants (their name), characters and UUIDs.
     *
     * @throws IllegalArgumentException when the map holds any other Java type
     * @throws NullPointerException     when {@code formId} or {@code data} is {@code null}, naming it (a {@code null}
     *                                  map is a programming error, as a {@code null} text is; JSON null as the whole
     *                                  form's data is the text {@code "null"})
     */
    FormReport validate(String formId, Map<String, ?> data, Locale locale);

    /**
     * A starting form (tờ khai mẫu) for {@code formId}: every field of its schema in schema order, a
     * constant or default where the schema gives one, and elsewhere a placeholder in angle brackets
     * naming the field and what to type (e.g. {@code "<Ngày sinh / Date of birth: yyyy-mm-dd>"}). It
     * does not validate until each placeholder is replaced — on purpose: nothing is filled in for the citizen.
     *
     * @throws NoSuchFormException when {@code formId} is unknown
     */
    default Map<String, Object> starterData(String formId) {
        throw new UnsupportedOperationException("starterData is not implemented by " + getClass().getName());
    }

    /**
     * Fills fields the applicant has not filled from data the State already holds.
     *
     * @param formId     the form
     * @param data       what has been entered so far (not modified; {@code Map.of()} when nothing is)
     * @param personalId the applicant's personal identification number, or {@code null}
     * @param sources    sources to ask, in order of preference (the first value found for a field wins)
     * @throws NullPointerException when {@code formId}, {@code data} or {@code sources} is {@code null}, naming it
     */
    PrefillResult prefill(String formId, Map<String, ?> data, String personalId, List<DataSource> sources);

    /** The renderer of this pack's forms. */
    FormRenderer renderer();

    /** The printer of this pack's documents. */
    Documents documents();

    /** The input limits in force. */
    InputLimits limits();
}
