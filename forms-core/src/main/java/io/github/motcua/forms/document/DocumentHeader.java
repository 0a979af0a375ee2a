package io.github.motcua.forms.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What every printed document carries at its head (phần đầu văn bản).
 *
 * <p>Immutable and thread-safe. Eight parts, five of them text: build one with {@link #builder()},
 * which names each part.
 *
 * @param superiorAgency  the managing body, e.g. "UBND TỈNH GIA LAI", or {@code null}
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

    /**
     * A builder naming each part: {@code DocumentHeader.builder().superiorAgency("UBND TỈNH GIA LAI")
     * .office("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG").place("Gia Lai").issuedOn(date).dossierCode("HS-1")
     * .procedureName("Đăng ký khai sinh").applicant(Addressee.named("Nguyễn Văn A")).build()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link DocumentHeader}; {@link #build()} refuses a missing office, place, date of issue,
     * dossier code, procedure name or addressee, as the constructor does. Not thread-safe.
     */
    public static final class Builder {
        private String superiorAgency;
        private String office;
        private String documentNumber;
        private String place;
        private LocalDate issuedOn;
        private String dossierCode;
        private String procedureName;
        private Addressee applicant;

        private Builder() {
        }

        /** The managing body, e.g. "UBND TỈNH GIA LAI" (none by default). */
        public Builder superiorAgency(String superiorAgency) {
            this.superiorAgency = superiorAgency;
            return this;
        }

        /** The issuing office, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (required). */
        public Builder office(String office) {
            this.office = office;
            return this;
        }

        /** "Số: …" of the document (none by default). */
        public Builder documentNumber(String documentNumber) {
            this.documentNumber = documentNumber;
            return this;
        }

        /** The place name for the date line, e.g. "Gia Lai" (required). */
        public Builder place(String place) {
            this.place = place;
            return this;
        }

        /** The date of issue (required: a document never says "today" by itself). */
        public Builder issuedOn(LocalDate issuedOn) {
            this.issuedOn = issuedOn;
            return this;
        }

        /** The dossier code, mã hồ sơ (required). */
        public Builder dossierCode(String dossierCode) {
            this.dossierCode = dossierCode;
            return this;
        }

        /** The procedure's Vietnamese name (required). */
        public Builder procedureName(String procedureName) {
            this.procedureName = procedureName;
            return this;
        }

        /** To whom the document is addressed (required). */
        public Builder applicant(Addressee applicant) {
            this.applicant = applicant;
            return this;
        }

        /**
         * The header.
         *
         * @throws NullPointerException naming the first required part not given
         */
        public DocumentHeader build() {
            return new DocumentHeader(superiorAgency, office, documentNumber, place, issuedOn, dossierCode,
                    procedureName, applicant);
        }
    }
}
