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
 * the desk's clock with the events recorded so far. The desk keeps no event log of its own, so a
 * dossier just received shows its plan; a step past its due instant shows as late. Stateless.
 */
final class TimelinePage {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH 'giờ' mm, dd/MM/yyyy", Locale.ROOT);

    private TimelinePage() {
    }

    static String render(DeskApp.Filing f, DeadlineEngine engine, List<Tracking.StepEvent> events, Instant now) {
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
                    .append(i++).append("</td><td>").append(esc(s.nameVi())).append("</td><td>").append(esc(s.role()))
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
        b.append("<p><a href=\"/ho-so/").append(esc(f.id())).append("\">Quay lại hồ sơ</a></p>");
        return Html.page("Tiến độ xử lý hồ sơ " + f.id(), b.toString());
    }

    private static String at(ZonedDateTime t) {
        return t == null ? "" : AT.format(t);
    }
}
