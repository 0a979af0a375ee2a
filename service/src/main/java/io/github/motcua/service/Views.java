package io.github.motcua.service;

import io.github.motcua.calendar.CalendarDay;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.InternalStep;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.calendar.WorkingCalendar;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.LocalizedText;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the service's answers besides the decision (which is the library's own
 * {@code Decision.toJson()}), as plain maps in a fixed key order; /openapi.json describes each.
 * Stateless; thread-safe.
 */
final class Views {
    private Views() {
    }

    static Map<String, Object> text(LocalizedText t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vi", t.vi());
        m.put("en", t.en());
        return m;
    }

    static Map<String, Object> basis(LegalBasis b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("citationVi", b.citationVi());
        m.put("citationEn", b.citationEn());
        m.put("link", b.link());
        m.put("verified", b.verified());
        return m;
    }

    static Map<String, Object> limit(TimeLimit t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", t.amount());
        m.put("unit", t.unit().name());
        m.put("labelVi", t.labelVi());
        return m;
    }

    /** One catalogue entry (thủ tục trong danh mục). */
    static Map<String, Object> entry(Procedure p, boolean hasForm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("name", text(p.name()));
        m.put("field", text(p.field()));
        m.put("level", p.level() == null ? null : p.level().name());
        m.put("agency", text(p.agency()));
        m.put("channels", p.channels().stream().map(Enum::name).toList());
        m.put("onlineLevel", p.onlineLevel() == null ? null : p.onlineLevel().name());
        m.put("boundaryFree", p.boundaryFree());
        if (p.deadline() != null) {
            Map<String, Object> d = limit(p.deadline().limit());
            d.put("basis", basis(p.deadline().basis()));
            m.put("deadline", d);
        } else {
            m.put("deadline", null);
        }
        m.put("importedUnreviewed", p.importedUnreviewed());
        m.put("hasForm", hasForm);
        return m;
    }

    /** The dossier guide of one procedure: papers, steps, bases, result (hướng dẫn chuẩn bị hồ sơ). */
    static Map<String, Object> guide(Procedure p) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> components = new ArrayList<>();
        for (DossierComponent c : p.components()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("name", text(c.name()));
            x.put("form", c.form().name());
            x.put("quantity", c.quantity());
            x.put("presence", c.presence().name());
            x.put("waivableBy", c.waivableBy() == null ? null : c.waivableBy().source());
            x.put("basis", basis(c.basis()));
            components.add(x);
        }
        m.put("components", components);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (InternalStep s : p.steps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", s.id());
            x.put("role", s.role());
            x.put("nameVi", s.nameVi());
            x.put("budget", limit(s.budget()));
            steps.add(x);
        }
        m.put("steps", steps);
        m.put("result", text(p.result()));
        m.put("legalBases", p.legalBases().stream().map(Views::basis).toList());
        return m;
    }

    /** The weekdays off and the weekend days worked of a year, as {@code calendar days-off} lists them. */
    static Map<String, Object> daysOff(WorkingCalendar calendar, int year) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.put("computed", calendar.isComputed(year));
        List<Map<String, Object>> days = new ArrayList<>();
        for (CalendarDay d : calendar.specialDays(year)) {
            DayOfWeek w = d.date().getDayOfWeek();
            boolean weekend = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
            if (weekend != d.kind().working()) {
                continue; // a holiday on a weekend is off anyway; a worked weekday is nothing special
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("date", d.date().toString());
            x.put("kind", d.kind().csvName());
            x.put("nameVi", d.nameVi());
            x.put("basis", basis(d.basis()));
            days.add(x);
        }
        m.put("days", days);
        return m;
    }

    static Map<String, Object> deadline(DeadlineResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        // RFC 3339 (seconds always written), unlike OffsetDateTime.toString()
        m.put("effectiveStart", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.effectiveStart()));
        m.put("due", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.due()));
        m.put("limit", limit(r.limit()));
        m.put("receiptDay", r.receiptDay() == null ? null : r.receiptDay().toString());
        m.put("workingDaysCounted", r.workingDaysCounted());
        m.put("countingBases", r.countingBases().stream().map(Views::basis).toList());
        return m;
    }

    /**
     * Each problem by {@code file}, {@code line}, {@code column} and {@code code} only, without the message, which may
     * quote the pack's text: what an unauthenticated answer ({@code GET /ready}) shows.
     */
    static List<Map<String, Object>> places(List<PackProblem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PackProblem p : problems) {
            out.add(place(p));
        }
        return out;
    }

    /** One problem's {@code file}, {@code line}, {@code column} and {@code code}. */
    private static Map<String, Object> place(PackProblem p) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("file", p.file());
        x.put("line", p.line());
        x.put("column", p.column());
        x.put("code", p.code());
        return x;
    }

    /**
     * A pack's problems or warnings, {@code {file, line, column, code, message}} each, the message in the
     * language of {@code locale} as the library rendered it from its bundles.
     */
    static List<Map<String, Object>> problems(List<PackProblem> problems, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PackProblem p : problems) {
            Map<String, Object> x = place(p);
            x.put("message", io.github.motcua.kernel.Messages.english(locale) ? p.messageEn() : p.messageVi());
            out.add(x);
        }
        return out;
    }
}
