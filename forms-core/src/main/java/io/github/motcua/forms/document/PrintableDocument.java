package io.github.motcua.forms.document;

/**
 * A document the one-stop desk prints or sends (văn bản, phiếu). Exactly one record per
 * {@link DocumentKind}.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public sealed interface PrintableDocument permits ReceiptSlip, SupplementRequest, RefusalNotice, ApologyLetter,
        ControlSheet {

    DocumentKind kind();

    DocumentHeader header();
}
