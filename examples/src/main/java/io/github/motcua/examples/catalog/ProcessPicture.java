package io.github.motcua.examples.catalog;

import io.github.motcua.calendar.InternalStep;
import io.github.motcua.rules.Procedure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The process of a procedure drawn as a picture (sơ đồ quy trình) for the citizen guide: the citizen
 * files, each internal step of the pack's {@code steps} with who does it and how long, the citizen
 * receives the result, and a bracket beside the office's steps saying how long the citizen waits.
 * The geometry is computed here and written by the guide template as inline SVG (no script, no
 * external asset), every text escaped by the template. Numbers are given as strings so no locale
 * formats them. Stateless and thread-safe.
 */
final class ProcessPicture {
    static final int WIDTH = 470;
    private static final int BOX_X = 10;
    private static final int BOX_W = 310;
    private static final int LINE_H = 17;
    private static final int PAD = 8;
    private static final int GAP = 22;
    private static final int CHARS_PER_LINE = 40;

    private ProcessPicture() {
    }

    /**
     * The picture's model: {@code width}, {@code height}, {@code title}, {@code nodes} (each with
     * {@code kind} citizen|office, {@code x y w h}, {@code textX}, {@code lines} of {@code {y, text, bold}}),
     * {@code arrows} ({@code x y1 y2}) and the wait bracket ({@code waitX waitY1 waitY2 waitLines}).
     *
     * @param waitText how long the citizen waits, e.g. "tối đa 08 ngày làm việc", or ""
     */
    static Map<String, Object> of(Procedure p, String channels, String result, String waitText, boolean en) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> arrows = new ArrayList<>();
        int y = 10;
        List<String[]> specs = new ArrayList<>();
        specs.add(new String[] {"citizen", t(en, "CAT_PIC_FILE"), t(en, "CAT_PIC_HOW", "channels", channels), ""});
        int n = 0;
        for (InternalStep s : p.steps()) {
            n++;
            specs.add(new String[] {"office", t(en, "CAT_PIC_STEP", "n", n, "name", s.nameVi() == null ? s.id() : s.nameVi()),
                t(en, "CAT_PIC_WHO", "owner", s.owner()), t(en, "CAT_PIC_TIME", "limit", Labels.limit(s.budget(), en))
                        + (s.counted() ? "" : " " + t(en, "CAT_PIC_NOT_COUNTED"))});
        }
        if (p.steps().isEmpty()) {
            specs.add(new String[] {"office", t(en, "CAT_PIC_AUTHORITY"),
                Labels.text(p.agency(), en), ""});
        }
        specs.add(new String[] {"citizen", t(en, "CAT_PIC_RESULT"), result, ""});
        int officeTop = -1;
        int officeBottom = -1;
        for (int i = 0; i < specs.size(); i++) {
            String[] spec = specs.get(i);
            List<Map<String, Object>> lines = new ArrayList<>();
            int ly = y + PAD + LINE_H - 4;
            for (int k = 1; k < spec.length; k++) {
                if (spec[k] == null || spec[k].isEmpty()) {
                    continue;
                }
                for (String l : wrap(spec[k], CHARS_PER_LINE)) {
                    lines.add(Map.of("y", Integer.toString(ly), "text", l, "bold", k == 1));
                    ly += LINE_H;
                }
            }
            int h = lines.size() * LINE_H + 2 * PAD;
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("kind", spec[0]);
            node.put("x", Integer.toString(BOX_X));
            node.put("y", Integer.toString(y));
            node.put("w", Integer.toString(BOX_W));
            node.put("h", Integer.toString(h));
            node.put("textX", Integer.toString(BOX_X + PAD + 2));
            node.put("lines", lines);
            nodes.add(node);
            if ("office".equals(spec[0])) {
                officeTop = officeTop < 0 ? y : officeTop;
                officeBottom = y + h;
            }
            if (i + 1 < specs.size()) {
                arrows.add(Map.of("x", Integer.toString(BOX_X + BOX_W / 2), "y1", Integer.toString(y + h),
                        "y2", Integer.toString(y + h + GAP - 3)));
            }
            y += h + GAP;
        }
        int height = y - GAP + 10;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", Integer.toString(WIDTH));
        m.put("height", Integer.toString(height));
        m.put("title", t(en, "CAT_PIC_TITLE"));
        m.put("nodes", nodes);
        m.put("arrows", arrows);
        int bx = BOX_X + BOX_W + 14;
        m.put("waitX", Integer.toString(bx));
        m.put("waitX2", Integer.toString(bx + 8));
        m.put("waitTextX", Integer.toString(bx + 14));
        m.put("waitY1", Integer.toString(officeTop));
        m.put("waitY2", Integer.toString(officeBottom));
        List<Map<String, Object>> waitLines = new ArrayList<>();
        int wy = (officeTop + officeBottom) / 2 - LINE_H;
        List<String> wait = new ArrayList<>(wrap(t(en, "CAT_PIC_WAIT"), 18));
        if (!waitText.isEmpty()) {
            wait.addAll(wrap(waitText, 18));
        }
        for (String l : wait) {
            waitLines.add(Map.of("y", Integer.toString(wy), "text", l));
            wy += LINE_H;
        }
        m.put("waitLines", waitLines);
        return m;
    }

    /** Words into lines of at most {@code max} characters (a longer word stands alone). */
    static List<String> wrap(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out.isEmpty() ? List.of("") : out;
    }

    /** For tests: the text lines of the picture's nodes, in order. */
    @SuppressWarnings("unchecked")
    static List<String> texts(Map<String, Object> picture) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) picture.get("nodes")) {
            StringBuilder sb = new StringBuilder();
            for (Map<String, Object> l : (List<Map<String, Object>>) node.get("lines")) {
                sb.append(sb.length() == 0 ? "" : " ").append(l.get("text"));
            }
            out.add(sb.toString().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String t(boolean en, String key, Object... pairs) {
        return CatalogMessages.text(en, key, pairs);
    }
}
