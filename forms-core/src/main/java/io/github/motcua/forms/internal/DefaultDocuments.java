package io.github.motcua.forms.internal;

import io.github.motcua.forms.Documents;
import io.github.motcua.forms.document.ApologyLetter;
import io.github.motcua.forms.document.ControlSheet;
import io.github.motcua.forms.document.ControlStep;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.PrintableDocument;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.forms.document.RefusalNotice;
import io.github.motcua.forms.document.SupplementRequest;
import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Maps the document records to plain, pre-formatted template models. Thread-safe. */
final class DefaultDocuments implements Documents {
    private final TemplateEngine templates;

    DefaultDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    static String date(LocalDate d) {
        return d == null ? "" : String.format(Locale.ROOT, "%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static String dateTime(LocalDateTime t) {
        return t == null ? "" : String.format(Locale.ROOT, "%02d giờ %02d phút, ngày %s", t.getHour(), t.getMinute(), date(t.toLocalDate()));
    }

    /** Đồng with '.' grouping, as Vietnamese documents print it: 1.234.567 đồng. */
    static String dong(long amount) {
        String digits = Long.toString(amount);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append('.');
            }
            sb.append(digits.charAt(i));
        }
        return sb.append(" đồng").toString();
    }

    private static String s(String v) {
        return v == null ? "" : InputTree.nfc(v);
    }

    @Override
    public String render(PrintableDocument doc, Locale locale) {
        Objects.requireNonNull(doc, "document");
        boolean en = Messages.english(locale);
        Map<String, Object> m = new LinkedHashMap<>();
        DocumentHeader h = doc.header();
        m.put("lang", en ? "en" : "vi");
        m.put("english", en);
        m.put("titleVi", doc.kind().titleVi());
        m.put("titleEn", doc.kind().titleEn());
        m.put("formNumber2025", doc.kind().formNumber2025());
        m.put("formNumber2018", doc.kind().formNumber2018());
        List<String> notes = new ArrayList<>();
        for (LegalBasis b : doc.kind().bases()) {
            notes.add(b.citationVi());
        }
        m.put("bases", notes);
        m.put("superiorAgency", s(h.superiorAgency()));
        m.put("office", s(h.office()));
        m.put("documentNumber", s(h.documentNumber()));
        m.put("place", s(h.place()));
        m.put("issuedOn", date(h.issuedOn()));
        m.put("issuedDay", Integer.toString(h.issuedOn().getDayOfMonth()));
        m.put("issuedMonth", Integer.toString(h.issuedOn().getMonthValue()));
        m.put("issuedYear", Integer.toString(h.issuedOn().getYear()));
        m.put("dossierCode", s(h.dossierCode()));
        m.put("procedureName", s(h.procedureName()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fullName", s(h.applicant().fullName()));
        a.put("personalId", s(h.applicant().personalId()));
        a.put("address", s(h.applicant().address()));
        a.put("phone", s(h.applicant().phone()));
        a.put("email", s(h.applicant().email()));
        m.put("applicant", a);
        if (doc instanceof ReceiptSlip r) {
            List<Map<String, Object>> comps = new ArrayList<>();
            int i = 1;
            boolean anyDigitise = false;
            for (var c : r.components()) {
                comps.add(Map.of("no", Integer.toString(i++), "name", s(c.name()), "form", s(c.form()),
                        "quantity", Integer.toString(c.quantity()), "digitise", c.toDigitise()));
                anyDigitise |= c.toDigitise();
            }
            m.put("components", comps);
            // the column of papers digitised at receipt shows only when the procedure has some (issue 18)
            m.put("anyDigitise", anyDigitise);
            m.put("receivedAt", dateTime(r.receivedAt()));
            m.put("dueAt", dateTime(r.dueAt()));
            m.put("channel", en ? r.channel().labelEn() : r.channel().labelVi());
            m.put("returnPlace", s(r.returnPlace()));
            m.put("fee", dong(r.feeTotalDong()));
            m.put("officer", s(r.receivingOfficer()));
            m.put("receivingUnit", s(r.receivingUnit()));
            m.put("competentUnit", s(r.competentUnit()));
        } else if (doc instanceof SupplementRequest r) {
            List<Map<String, Object>> items = new ArrayList<>();
            int i = 1;
            for (var it : r.items()) {
                items.add(Map.of("no", Integer.toString(i++), "what", s(it.what()), "reason", s(it.reason())));
            }
            m.put("items", items);
            m.put("officer", s(r.officer()));
        } else if (doc instanceof RefusalNotice r) {
            m.put("reasons", r.reasons().stream().map(DefaultDocuments::s).toList());
            m.put("officer", s(r.officer()));
        } else if (doc instanceof ApologyLetter r) {
            m.put("reason", s(r.reason()));
            m.put("originalDueAt", dateTime(r.originalDueAt()));
            m.put("newDueAt", dateTime(r.newDueAt()));
            m.put("officer", s(r.signer()));
        } else if (doc instanceof ControlSheet r) {
            m.put("receivedAt", dateTime(r.receivedAt()));
            m.put("receivingUnit", s(r.receivingUnit()));
            m.put("competentUnit", s(r.competentUnit()));
            m.put("dueAt", dateTime(r.dueAt()));
            List<Map<String, Object>> steps = new ArrayList<>();
            int i = 1;
            for (ControlStep st : r.steps()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("no", Integer.toString(i++));
                sm.put("task", s(st.task()));
                sm.put("handedOverBy", s(st.handedOverBy()));
                sm.put("receivedBy", s(st.receivedBy()));
                sm.put("handedAt", dateTime(st.handedAt()));
                sm.put("dueAt", dateTime(st.dueAt()));
                sm.put("doneAt", dateTime(st.doneAt()));
                sm.put("status", en ? st.status().labelEn() : st.status().labelVi());
                steps.add(sm);
            }
            m.put("steps", steps);
            m.put("toDigitise", r.toDigitise().stream().map(DefaultDocuments::s).toList());
            m.put("officer", "");
        }
        return templates.render(doc.kind().template(), m);
    }
}
