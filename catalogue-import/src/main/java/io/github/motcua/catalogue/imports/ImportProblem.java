package io.github.motcua.catalogue.imports;

import java.util.Objects;

/**
 * Why a record was refused (bản ghi bị từ chối): nothing of it is written. Immutable and thread-safe.
 *
 * @param record    where the record came from: the file, with {@code [i]} for the i-th record of a JSON array
 * @param code      the record's procedure code when it could be read, else {@code null}
 * @param kind      what went wrong
 * @param field     the field at fault (a JSON pointer into the record), or {@code ""}
 * @param messageVi the reason in Vietnamese
 * @param messageEn the reason in English
 */
public record ImportProblem(String record, String code, Kind kind, String field, String messageVi, String messageEn) {
    public ImportProblem {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(kind, "kind");
        field = field == null ? "" : field;
    }

    /** The kinds of refusal. */
    public enum Kind {
        /** The file is not JSON. */
        MALFORMED_JSON,
        /** A field the import needs is absent or empty. */
        MISSING_FIELD,
        /** A field has the wrong JSON type (a text where a number belongs ...). */
        WRONG_TYPE,
        /** Two records carry the same procedure code. */
        DUPLICATE_CODE,
        /** The procedure code is not a safe folder name (path characters, {@code ..}). */
        BAD_CODE,
        /** A text field is larger than {@link RecordMapper#MAX_TEXT} characters. */
        TEXT_TOO_LONG,
        /** An analyst's override in local.yaml lacks its reason or its legal basis, or cannot be read. */
        BAD_OVERRIDE,
        /** A file cannot be read, or the pack cannot be written. */
        IO,
        /** The pack with the imported procedures would not load (its problem is named): nothing written. */
        PACK_CHECK
    }

    /**
     * The same refusal as the kernel's {@link io.github.motcua.kernel.Problem}, the one structure every
     * module renders: the record's file, its kind as the stable code (e.g. {@code MALFORMED_JSON}), the
     * field as the JSON pointer, and the message in both languages.
     */
    public io.github.motcua.kernel.Problem toProblem() {
        return io.github.motcua.kernel.Problem.ofText(record, 0, 0, new io.github.motcua.kernel.ProblemCode(kind.name()),
                io.github.motcua.kernel.Severity.ERROR, messageVi == null ? "" : messageVi, messageEn == null ? "" : messageEn)
                .at(field.startsWith("/") ? field : "");
    }

    /** {@code record: [KIND] field: message (English)}. */
    public String line() {
        return record + (code == null ? "" : " (" + code + ")") + ": [" + kind + "] " + (field.isEmpty() ? "" : field + ": ")
                + messageVi + " / " + messageEn;
    }
}
