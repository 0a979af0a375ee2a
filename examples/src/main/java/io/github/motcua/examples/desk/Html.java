package io.github.motcua.examples.desk;

import java.text.Normalizer;

/** HTML helpers of the desk: escaping and the page frame. Thread-safe (stateless). */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attributes (and normalises it to NFC). */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = Normalizer.normalize(String.valueOf(value), Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A complete page: Vietnamese, the desk stylesheet, a header with the two entry points. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(DeskMessages.vi("DESK_PAGE_TITLE", "title", title)) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/static/desk.css\"></head><body>"
                + "<header class=\"site\"><a href=\"/\">" + esc(DeskMessages.vi("DESK_DESK")) + "</a> · <a href=\"/cong-dich-vu\">"
                + esc(DeskMessages.vi("DESK_PORTAL")) + "</a>"
                + " <span class=\"demo\">" + esc(DeskMessages.vi("DESK_DEMO")) + "</span></header><main>"
                + body + "</main></body></html>\n";
    }
}
