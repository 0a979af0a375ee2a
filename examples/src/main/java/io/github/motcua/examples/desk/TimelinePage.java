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
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH 'giờ' mm, dd/MM/yyyy", Locale.ROOT);

    private TimelinePage() {
    }

    static String render(DeskApp.Filing f, DeadlineEngine engine, List<Tracking.StepEvent> events, Instant now,
            String session, String error) {
        Decision d = f.decision();
        if (d.deadline() == null || d.deadline().steps().isEmpty() || engine == null) {
            throw new DeskApp.HttpProblem(409, "Chưa có tiến độ",
                    "Hồ sơ " + f.id() + " chưa có các bước xử lý nội bộ để theo dõi.", null);
        }
        Tracking.Report r = Tracking.track(d, engine, events, now);
        StringBuilder b = new StringBuilder();
        b.append("<h1>Tiến độ xử lý hồ sơ ").append(esc(f.id())).append("</h1>");
        b.append("<p>Thủ tục: ").append(esc(f.procedure().code())).append(" — ").append(esc(f.procedure().name().vi())).append("</p>");
        b.append("<p id=\"timeline-due\">Hẹn trả kết quả: ").append(esc(at(r.due()))).append("</p>");
        b.append("<p id=\"timeline-state\" data-state=\"").append(r.state().name()).append("\">Tình trạng: ")
                .append(esc(r.state().labelVi())).append("</p>");
        b.append("<table id=\"timeline\"><tr><th>TT</th><th>Bước</th><th>Người thực hiện</th><th>Hạn</th>"
                + "<th>Bắt đầu</th><th>Hoàn thành</th><th>Trạng thái</th></tr>");
        int i = 1;
        for (Tracking.StepTrack s : r.steps()) {
            b.append("<tr data-step=\"").append(esc(s.id())).append("\" data-late=\"").append(s.late()).append("\"><td>")
                    .append(i++).append("</td><td>").append(esc(s.nameVi())).append("</td><td>").append(esc(s.owner()))
                    .append("</td><td>").append(esc(at(s.due()))).append("</td><td>").append(esc(at(s.startedAt())))
                    .append("</td><td>").append(esc(at(s.finishedAt()))).append("</td><td>")
                    .append(esc(s.status().labelVi() + (s.late() ? " — quá hạn" : ""))).append("</td></tr>");
        }
        b.append("</table>");
        if (!r.lateRoles().isEmpty()) {
            b.append("<p class=\"bad\" id=\"timeline-late\">Chậm: ").append(esc(String.join(", ", r.lateRoles()))).append("</p>");
        }
        if (r.apologyNeeded()) {
            b.append("<p class=\"bad\" id=\"timeline-apology\">Cần gửi Văn bản xin lỗi và hẹn lại ngày trả kết quả; ngày hẹn mới: ")
                    .append(esc(at(r.projectedReturn()))).append("</p>");
        }
        eventLog(b, events);
        recordForm(b, f, r, now, session, error);
        b.append("<p><a href=\"/ho-so/").append(esc(f.id())).append("\">Quay lại hồ sơ</a></p>");
        return Html.page("Tiến độ xử lý hồ sơ " + f.id(), b.toString());
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    /** Vietnamese label of an event. */
    static String label(Tracking.Event e) {
        return switch (e) {
            case STARTED -> "Bắt đầu xử lý";
            case FINISHED -> "Hoàn thành";
            case SUPPLEMENT_REQUESTED -> "Yêu cầu bổ sung hồ sơ";
            case SUPPLEMENT_RECEIVED -> "Đã nhận hồ sơ bổ sung";
            case PAUSED -> "Tạm dừng (chờ nghĩa vụ tài chính, niêm yết…)";
            case RESUMED -> "Tiếp tục xử lý";
        };
    }

    private static void eventLog(StringBuilder b, List<Tracking.StepEvent> events) {
        if (events.isEmpty()) {
            b.append("<p id=\"events-none\">Chưa ghi sự kiện nào.</p>");
            return;
        }
        b.append("<h2>Sự kiện đã ghi</h2><table id=\"events\"><tr><th>Lúc</th><th>Bước</th><th>Sự kiện</th><th>Người ghi</th></tr>");
        for (Tracking.StepEvent e : events) {
            b.append("<tr data-event=\"").append(e.event().name()).append("\"><td>")
                    .append(esc(AT.format(e.at().atZoneSameInstant(DeskApp.VN)))).append("</td><td>").append(esc(e.step()))
                    .append("</td><td>").append(esc(label(e.event()))).append("</td><td>").append(esc(e.by() == null ? "" : e.by()))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void recordForm(StringBuilder b, DeskApp.Filing f, Tracking.Report r, Instant now, String session,
            String error) {
        b.append("<h2>Ghi sự kiện xử lý</h2>");
        if (error != null) {
            b.append("<p class=\"bad\" id=\"event-error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/ho-so/").append(esc(f.id())).append("/tien-do\" id=\"record-event\">");
        b.append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(esc(session == null ? "" : session)).append("\">");
        b.append("<label for=\"buoc\">Bước</label><select id=\"buoc\" name=\"buoc\">");
        for (Tracking.StepTrack s : r.steps()) {
            b.append("<option value=\"").append(esc(s.id())).append("\">").append(esc(s.nameVi())).append(" — ")
                    .append(esc(s.owner())).append("</option>");
        }
        b.append("</select><label for=\"suKien\">Sự kiện</label><select id=\"suKien\" name=\"suKien\">");
        for (Tracking.Event e : Tracking.Event.values()) {
            b.append("<option value=\"").append(e.name()).append("\">").append(esc(label(e))).append("</option>");
        }
        b.append("</select><label for=\"luc\">Lúc (giờ Việt Nam)</label><input type=\"datetime-local\" id=\"luc\" name=\"luc\" value=\"")
                .append(INPUT.format(now.atZone(DeskApp.VN))).append("\" required>");
        b.append("<label for=\"nguoi\">Người thực hiện</label><input type=\"text\" id=\"nguoi\" name=\"nguoi\" maxlength=\"200\">");
        b.append("<button type=\"submit\">Ghi sự kiện</button></form>");
    }

    private static String at(ZonedDateTime t) {
        return t == null ? "" : AT.format(t);
    }
}
