package io.github.motcua.examples.desk;

import static io.github.motcua.examples.desk.Html.esc;

import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Tracking;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Tiến độ xử lý hồ sơ: the dossier's internal steps as a timeline (who, what, by when), tracked at
 * the desk's clock with the events recorded so far at the desk (a form on the page records one more:
 * step, event, local time, who). A dossier just received shows its plan; a step past its due instant
 * shows as late. Stateless.
 */
final class TimelinePage {
    /** When an event happened, as the page writes it (the bundle's java.time pattern). */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern(t("DESK_TL_AT_PATTERN"), Locale.ROOT);

    private TimelinePage() {
    }

    static String render(Filing f, DeadlineEngine engine, List<Tracking.StepEvent> events, Instant now,
            String session, String error) {
        Decision d = f.decision();
        if (d.deadline() == null || d.deadline().steps().isEmpty() || engine == null) {
            throw new DeskApp.HttpProblem(409, t("DESK_TL_NONE"), t("DESK_TL_NONE_DETAIL", "id", f.id()), null);
        }
        Tracking.Report r = Tracking.track(d, engine, events, now);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(t("DESK_TL_TITLE", "id", f.id()))).append("</h1>");
        b.append("<p>").append(esc(t("DESK_TL_PROCEDURE", "code", f.procedure().code(), "name", f.procedure().name().vi())))
                .append("</p>");
        b.append("<p id=\"timeline-due\">").append(esc(t("DESK_TL_DUE", "at", at(r.due())))).append("</p>");
        b.append("<p id=\"timeline-state\" data-state=\"").append(r.state().name()).append("\">")
                .append(esc(t("DESK_TL_STATE", "state", r.state().labelVi()))).append("</p>");
        b.append("<table id=\"timeline\"><tr>");
        for (String h : new String[] {"DESK_TL_COL_NO", "DESK_TL_COL_STEP", "DESK_TL_COL_OWNER", "DESK_TL_COL_DUE",
            "DESK_TL_COL_STARTED", "DESK_TL_COL_FINISHED", "DESK_TL_COL_STATUS"}) {
            b.append("<th>").append(esc(t(h))).append("</th>");
        }
        b.append("</tr>");
        int i = 1;
        for (Tracking.StepTrack s : r.steps()) {
            b.append("<tr data-step=\"").append(esc(s.id())).append("\" data-late=\"").append(s.late()).append("\"><td>")
                    .append(i++).append("</td><td>").append(esc(s.nameVi())).append("</td><td>").append(esc(s.owner()))
                    .append("</td><td>").append(esc(at(s.due()))).append("</td><td>").append(esc(at(s.startedAt())))
                    .append("</td><td>").append(esc(at(s.finishedAt()))).append("</td><td>")
                    .append(esc(s.status().labelVi() + (s.late() ? " — " + t("DESK_TL_LATE_STEP") : ""))).append("</td></tr>");
        }
        b.append("</table>");
        if (!r.lateRoles().isEmpty()) {
            b.append("<p class=\"bad\" id=\"timeline-late\">").append(esc(t("DESK_TL_LATE", "roles", String.join(", ", r.lateRoles()))))
                    .append("</p>");
        }
        if (r.apologyNeeded()) {
            b.append("<p class=\"bad\" id=\"timeline-apology\">").append(esc(t("DESK_TL_APOLOGY", "at", at(r.projectedReturn()))))
                    .append("</p>");
        }
        eventLog(b, events, r.steps());
        recordForm(b, f, r, now, session, error);
        b.append("<p><a href=\"/ho-so/").append(esc(f.id())).append("\">").append(esc(t("DESK_BACK_TO_DOSSIER"))).append("</a></p>");
        return Html.page(t("DESK_TL_TITLE", "id", f.id()), b.toString());
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    /** Vietnamese label of an event. */
    static String label(Tracking.Event e) {
        return switch (e) {
            case STARTED -> t("DESK_EVENT_STARTED");
            case FINISHED -> t("DESK_EVENT_FINISHED");
            case SUPPLEMENT_REQUESTED -> t("DESK_EVENT_SUPPLEMENT_REQUESTED");
            case SUPPLEMENT_RECEIVED -> t("DESK_EVENT_SUPPLEMENT_RECEIVED");
            case PAUSED -> t("DESK_EVENT_PAUSED");
            case RESUMED -> t("DESK_EVENT_RESUMED");
        };
    }

    private static void eventLog(StringBuilder b, List<Tracking.StepEvent> events, List<Tracking.StepTrack> steps) {
        // the step as the officer knows it (its name in the pack), not its id
        java.util.Map<String, String> names = new java.util.HashMap<>();
        steps.forEach(s -> names.put(s.id(), s.nameVi()));
        if (events.isEmpty()) {
            b.append("<p id=\"events-none\">").append(esc(t("DESK_EVENTS_NONE"))).append("</p>");
            return;
        }
        b.append("<h2>").append(esc(t("DESK_EVENTS"))).append("</h2><table id=\"events\"><tr><th>").append(esc(t("DESK_EVENTS_COL_AT")))
                .append("</th><th>").append(esc(t("DESK_TL_COL_STEP"))).append("</th><th>").append(esc(t("DESK_EVENTS_COL_EVENT")))
                .append("</th><th>").append(esc(t("DESK_EVENTS_COL_BY"))).append("</th></tr>");
        for (Tracking.StepEvent e : events) {
            b.append("<tr data-event=\"").append(e.event().name()).append("\"><td>")
                    .append(esc(AT.format(e.at().atZoneSameInstant(DeskApp.VN)))).append("</td><td>").append(esc(names.getOrDefault(e.step(), e.step())))
                    .append("</td><td>").append(esc(label(e.event()))).append("</td><td>").append(esc(e.by() == null ? "" : e.by()))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void recordForm(StringBuilder b, Filing f, Tracking.Report r, Instant now, String session,
            String error) {
        b.append("<h2>").append(esc(t("DESK_RECORD"))).append("</h2>");
        if (error != null) {
            b.append("<p class=\"bad\" id=\"event-error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/ho-so/").append(esc(f.id())).append("/tien-do\" id=\"record-event\">");
        b.append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(esc(session == null ? "" : session)).append("\">");
        b.append("<label for=\"buoc\">").append(esc(t("DESK_TL_COL_STEP"))).append("</label><select id=\"buoc\" name=\"buoc\">");
        for (Tracking.StepTrack s : r.steps()) {
            b.append("<option value=\"").append(esc(s.id())).append("\">").append(esc(s.nameVi())).append(" — ")
                    .append(esc(s.owner())).append("</option>");
        }
        b.append("</select><label for=\"suKien\">").append(esc(t("DESK_EVENTS_COL_EVENT"))).append("</label><select id=\"suKien\" name=\"suKien\">");
        for (Tracking.Event e : Tracking.Event.values()) {
            b.append("<option value=\"").append(e.name()).append("\">").append(esc(label(e))).append("</option>");
        }
        b.append("</select><label for=\"luc\">").append(esc(t("DESK_RECORD_AT"))).append("</label><input type=\"datetime-local\" id=\"luc\" name=\"luc\" value=\"")
                .append(INPUT.format(now.atZone(DeskApp.VN))).append("\" required>");
        b.append("<label for=\"nguoi\">").append(esc(t("DESK_TL_COL_OWNER"))).append("</label><input type=\"text\" id=\"nguoi\" name=\"nguoi\" maxlength=\"200\">");
        b.append("<button type=\"submit\">").append(esc(t("DESK_RECORD_BUTTON"))).append("</button></form>");
    }

    private static String at(ZonedDateTime t) {
        return t == null ? "" : AT.format(t);
    }

    private static String t(String key, Object... pairs) {
        return DeskMessages.vi(key, pairs);
    }
}
