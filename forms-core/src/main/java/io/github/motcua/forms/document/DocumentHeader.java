package io.github.motcua.forms.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What every printed document carries at its head (phần đầu văn bản).
 *
 * <p>Immutable and thread-safe.
 *
 * @param superiorAgency  the managing body, e.g. "UBND TỈNH GIA LAI"
 * @param office          the issuing office, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
 * @param documentNumber  "Số: …" of the document, or {@code null}
 * @param place           place name for the date line, e.g. "Gia Lai"
 * @param issuedOn        date of issue (explicit: never "today")
 * @param dossierCode     mã hồ sơ
 * @param procedureName   the procedure's Vietnamese name (tên thủ tục hành chính)
 * @param applicant       to whom (the {@link Addressee})
 */
public record DocumentHeader(String superiorAgency, String office, String documentNumber, String place,
        LocalDate issuedOn, String dossierCode, String procedureName, Addressee applicant) {
    public DocumentHeader {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(applicant, "applicant");
    }

    /**
     * A header addressed to an {@link Applicant}.
     *
     * @deprecated use {@link Addressee}: {@code Applicant} was renamed
     */
    @Deprecated(since = "0.1.0")
    public DocumentHeader(String superiorAgency, String office, String documentNumber, String place,
            LocalDate issuedOn, String dossierCode, String procedureName, Applicant applicant) {
        this(superiorAgency, office, documentNumber, place, issuedOn, dossierCode, procedureName,
                Objects.requireNonNull(applicant, "applicant").toAddressee());
    }
}
