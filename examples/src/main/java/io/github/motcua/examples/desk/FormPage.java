package io.github.motcua.examples.desk;

import static io.github.motcua.examples.desk.Html.esc;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import java.util.List;
import java.util.Map;

/** The page holding a procedure's e-form and the dossier circumstances. Thread-safe (stateless). */
final class FormPage {
    private FormPage() {
    }

    static String render(Procedure p, boolean portal, DeskApp.FormState st, String formHtml) {
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"crumbs\"><a href=\"").append(portal ? "/cong-dich-vu" : "/").append("\">")
                .append(esc(t(portal ? "DESK_PORTAL" : "DESK_PROCEDURE_LIST"))).append("</a> › ").append(esc(p.code())).append("</p>");
        b.append("<h1 id=\"procedure-name\">").append(esc(p.name().vi())).append("</h1>");
        b.append("<p class=\"meta\">").append(esc(t("DESK_FORM_CODE", "code", p.code())));
        if (p.field() != null) {
            b.append(" · ").append(esc(t("DESK_FORM_FIELD", "field", p.field().vi())));
        }
        if (p.agency() != null) {
            b.append(" · ").append(esc(p.agency().vi()));
        }
        b.append(portal ? " · <strong>" + esc(t("DESK_FORM_ONLINE")) + "</strong>" : "").append("</p>");
        if (!portal) {
            b.append("<section class=\"lookup\"><h2>").append(esc(t("DESK_FORM_LOOKUP"))).append(" <span class=\"demo\">(")
                    .append(esc(t("DESK_FORM_DEMO_DATA"))).append(")</span></h2>")
                    .append("<form method=\"get\" action=\"/thu-tuc/").append(esc(p.code())).append("\">")
                    .append("<label for=\"soDinhDanh\">").append(esc(t("DESK_FORM_PERSONAL_ID"))).append("</label> ")
                    .append("<input id=\"soDinhDanh\" name=\"soDinhDanh\" inputmode=\"numeric\" maxlength=\"12\" value=\"")
                    .append(esc(st.circ.personalId)).append("\"> <button type=\"submit\" id=\"prefill\">").append(esc(t("DESK_FORM_PREFILL")))
                    .append("</button></form>").append("<p class=\"help\">").append(esc(t("DESK_FORM_DEMO_CITIZENS"))).append(' ');
            boolean firstOne = true;
            for (DemoPopulationRegister.Citizen c : new DemoPopulationRegister().citizens()) {
                b.append(firstOne ? "" : "; ").append(esc(c.personalId())).append(" – ").append(esc(c.fullName()));
                firstOne = false;
            }
            b.append(".</p></section>");
        }
        if (st.notice != null) {
            b.append("<p class=\"notice\" id=\"notice\">").append(esc(st.notice)).append("</p>");
        }
        if (st.problem != null) {
            b.append("<div class=\"error-summary\" role=\"alert\" id=\"problem\"><p>").append(esc(st.problem)).append("</p>");
            if (!st.circ.errors.isEmpty()) {
                b.append("<ul>");
                st.circ.errors.forEach((k, v) -> b.append("<li><a href=\"#c-").append(esc(k)).append("\">")
                        .append(esc(v)).append("</a></li>"));
                b.append("</ul>");
            }
            b.append("</div>");
        }
        b.append(formHtml);
        return Html.page(p.name().vi(), b.toString());
    }

    static String circumstances(DeskApp.FormState st, Procedure p, boolean portal, List<ReceivingUnit> units,
            Map<String, String> heldSources, String csrf) {
        DeskApp.Circumstances c = st.circ;
        StringBuilder b = new StringBuilder();
        b.append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(esc(csrf)).append("\">");
        b.append("<input type=\"hidden\" name=\"_token\" value=\"").append(esc(st.token)).append("\">");
        b.append("<fieldset class=\"circumstances\"><legend>").append(esc(t(portal ? "DESK_FORM_ONLINE_INFO"
                : "DESK_FORM_DESK_INFO"))).append("</legend>");
        if (portal) {
            b.append("<p>").append(esc(t("DESK_FORM_CHANNEL_LEAD"))).append(" <strong id=\"channel\">").append(esc(Channel.ONLINE.labelVi()))
                    .append("</strong>; ").append(esc(t("DESK_FORM_ONLINE_TIME"))).append("</p>");
        } else {
            b.append(error(c, "channel")).append("<label for=\"c-channel\">").append(esc(t("DESK_FORM_CHANNEL")))
                    .append("</label><select id=\"c-channel\" name=\"_channel\">");
            for (Channel ch : Channel.values()) {
                b.append("<option value=\"").append(ch.name()).append('"').append(ch.name().equals(c.channel) ? " selected" : "")
                        .append('>').append(esc(ch.labelVi())).append(p.channels().contains(ch) ? "" : " (" + esc(t("DESK_FORM_CHANNEL_NOT_ACCEPTED")) + ")")
                        .append("</option>");
            }
            b.append("</select>");
        }
        b.append(error(c, "unit")).append("<label for=\"c-unit\">").append(esc(t(portal ? "DESK_FORM_AGENCY" : "DESK_FORM_UNIT")))
                .append(" <abbr title=\"").append(esc(t("DESK_FORM_REQUIRED"))).append("\">*</abbr></label>").append(unitSelect("c-unit", "_unit", c.unit, units, false));
        if (!portal) {
            b.append(error(c, "receivedAt")).append("<label for=\"c-receivedAt\">").append(esc(t("DESK_FORM_RECEIVED_AT"))).append("</label>")
                    .append("<input type=\"datetime-local\" id=\"c-receivedAt\" name=\"_receivedAt\" value=\"").append(esc(c.receivedAt)).append("\">");
        }
        b.append(error(c, "residenceUnit")).append("<label for=\"c-residenceUnit\">").append(esc(t("DESK_FORM_RESIDENCE"))).append("</label>")
                .append(unitSelect("c-residenceUnit", "_residenceUnit", c.residenceUnit, units, true));
        b.append(error(c, "categories")).append("<fieldset id=\"c-categories\"><legend>").append(esc(t("DESK_FORM_CATEGORIES"))).append("</legend>");
        DeskApp.CATEGORIES.forEach((code, name) -> b.append("<label class=\"check\"><input type=\"checkbox\" name=\"_category\" value=\"")
                .append(code).append("\" id=\"cat-").append(code).append('"').append(c.categories.contains(code) ? " checked" : "")
                .append("> ").append(esc(name)).append("</label>"));
        b.append("</fieldset>");
        if (!portal) {
            b.append(error(c, "heldData")).append("<fieldset id=\"c-heldData\"><legend>").append(esc(t("DESK_FORM_HELD")))
                    .append("</legend>");
            heldSources.forEach((code, name) -> b.append("<label class=\"check\"><input type=\"checkbox\" name=\"_heldData\" value=\"")
                    .append(esc(code)).append("\" id=\"held-").append(esc(code)).append('"').append(c.heldData.contains(code) ? " checked" : "")
                    .append("> ").append(esc(name)).append(" (").append(esc(code)).append(")</label>"));
            b.append("</fieldset>");
            b.append(error(c, "officer")).append("<label for=\"c-officer\">").append(esc(t("DESK_FORM_OFFICER"))).append("</label>")
                    .append("<input id=\"c-officer\" name=\"_officer\" maxlength=\"100\" value=\"").append(esc(c.officer)).append("\">");
        }
        b.append("</fieldset>");
        return b.toString();
    }

    private static String error(DeskApp.Circumstances c, String key) {
        String e = c.errors.get(key);
        return e == null ? "" : "<p class=\"error\" id=\"c-" + esc(key) + "-err\">" + esc(e) + "</p>";
    }

    private static String unitSelect(String id, String name, String selected, List<ReceivingUnit> units, boolean optional) {
        StringBuilder b = new StringBuilder("<select id=\"").append(id).append("\" name=\"").append(name).append("\">");
        b.append("<option value=\"\">— ").append(esc(t(optional ? "DESK_FORM_UNKNOWN" : "DESK_FORM_CHOOSE_UNIT"))).append(" —</option>");
        for (ReceivingUnit u : units) {
            b.append("<option value=\"").append(esc(u.code())).append('"').append(u.code().equals(selected) ? " selected" : "")
                    .append('>').append(esc(u.name().vi())).append("</option>");
        }
        return b.append("</select>").toString();
    }

    private static String t(String key, Object... pairs) {
        return DeskMessages.vi(key, pairs);
    }
}
