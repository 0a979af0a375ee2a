package io.github.motcua.examples.catalog;

import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.LocalizedText;
import io.github.motcua.rules.Procedure;
import java.util.Locale;

/** Vietnamese and English labels of the catalogue's codes. Stateless and thread-safe. */
final class Labels {
    private Labels() {
    }

    static boolean en(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    static String text(LocalizedText t, boolean en) {
        if (t == null) {
            return "";
        }
        return en ? t.enOrVi() : t.vi();
    }

    static String level(Procedure.Level l, boolean en) {
        if (l == null) {
            return "";
        }
        return switch (l) {
            case COMMUNE -> CatalogMessages.text(en, "CAT_LEVEL_COMMUNE");
            case PROVINCE -> CatalogMessages.text(en, "CAT_LEVEL_PROVINCE");
        };
    }

    static String onlineLevel(Procedure.OnlineLevel l, boolean en) {
        if (l == null) {
            return "";
        }
        return switch (l) {
            case FULL -> CatalogMessages.text(en, "CAT_ONLINE_FULL");
            case PARTIAL -> CatalogMessages.text(en, "CAT_ONLINE_PARTIAL");
            case NONE -> CatalogMessages.text(en, "CAT_ONLINE_NONE");
        };
    }

    static String channel(Channel c, boolean en) {
        return en ? c.labelEn() : c.labelVi();
    }

    static String form(DossierComponent.CopyKind f, boolean en) {
        return switch (f) {
            case ORIGINAL -> CatalogMessages.text(en, "CAT_FORM_ORIGINAL");
            case CERTIFIED_COPY -> CatalogMessages.text(en, "CAT_FORM_CERTIFIED_COPY");
            case ELECTRONIC_COPY -> CatalogMessages.text(en, "CAT_FORM_ELECTRONIC_COPY");
            case COPY_WITH_ORIGINAL -> CatalogMessages.text(en, "CAT_FORM_COPY_WITH_ORIGINAL");
        };
    }

    static String presence(DossierComponent.Presence p, boolean en) {
        return switch (p) {
            case REQUIRED -> CatalogMessages.text(en, "CAT_PRESENCE_REQUIRED");
            case OPTIONAL -> CatalogMessages.text(en, "CAT_PRESENCE_OPTIONAL");
            case CONDITIONAL -> CatalogMessages.text(en, "CAT_PRESENCE_CONDITIONAL");
        };
    }

    /**
     * "03 ngày làm việc" (TimeLimit.labelVi) or "3 working days" (TimeLimit.labelEn); the same day and calendar
     * days keep the catalogue's own English ({@code CAT_LIMIT_*}: "within the day of receipt", "5 days"), so the
     * published catalogue reads as before.
     */
    static String limit(TimeLimit t, boolean en) {
        if (t == null) {
            return "";
        }
        if (!en) {
            return t.labelVi();
        }
        DeadlineUnit u = t.unit();
        boolean one = t.amount() == 1;
        return switch (u) {
            case SAME_DAY -> CatalogMessages.text(true, "CAT_LIMIT_SAME_DAY");
            // the calendar's own words ("3 working days", "1 working hour"); the two units below keep the catalogue's wording
            case WORKING_DAYS, WORKING_HOURS -> t.labelEn();
            case CALENDAR_DAYS -> CatalogMessages.text(true, one ? "CAT_LIMIT_DAY" : "CAT_LIMIT_DAYS", "amount", t.amount());
        };
    }

    static String citation(LegalBasis b, boolean en) {
        if (b == null) {
            return "";
        }
        return en ? b.citationEn() : b.citationVi();
    }
}
