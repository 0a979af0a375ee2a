package io.github.motcua.catalogue.imports;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;

/**
 * What an import (or an {@code --check}) did: records read, procedures written, refused records with the
 * reason, values awaiting review, the diff against the previous import and the drift of hand-written
 * procedures. Immutable and thread-safe.
 *
 * @param records  records read
 * @param imported codes imported (written, or that would be written by a check)
 * @param written  {@code true} when the pack was updated (never for a check or when a record was refused)
 * @param refused  refused records
 * @param review   values awaiting review
 * @param changes  the diff (ADDED, NOT_IN_IMPORT, CHANGED, OVERRIDE_CONFLICT) and the drift (DRIFT)
 */
public record ImportReport(int records, List<String> imported, boolean written, List<ImportProblem> refused,
        List<ReviewItem> review, List<Change> changes) {
    public ImportReport {
        imported = List.copyOf(imported);
        refused = List.copyOf(refused);
        review = List.copyOf(review);
        changes = List.copyOf(changes);
    }

    /** {@code true} when no record was refused. */
    public boolean ok() {
        return refused.isEmpty();
    }

    /** The report as text, one finding a line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        String state = written ? "report.written" : "report.notWritten";
        String[] counts = {"records", String.valueOf(records), "procedures", String.valueOf(imported.size()),
            "refused", String.valueOf(refused.size()), "review", String.valueOf(review.size()),
            "changes", String.valueOf(changes.size())};
        sb.append(ImportMessages.vi("report.head", with(counts, "state", ImportMessages.vi(state)))).append(System.lineSeparator())
                .append(ImportMessages.en("report.head", with(counts, "state", ImportMessages.en(state)))).append(System.lineSeparator());
        for (ImportProblem p : refused) {
            sb.append("REFUSED ").append(p.line()).append('\n');
        }
        for (Change c : changes) {
            sb.append(c.kind()).append(' ').append(c.code()).append(' ').append(c.what());
            if (!c.before().isEmpty() || !c.after().isEmpty()) {
                sb.append(": ").append(c.before().isEmpty() ? "—" : c.before()).append(" -> ")
                        .append(c.after().isEmpty() ? "—" : c.after());
            }
            sb.append('\n');
        }
        for (ReviewItem r : review) {
            sb.append("REVIEW ").append(r.code()).append(' ').append(r.field()).append(" = ").append(oneLine(r.raw()))
                    .append(" — ").append(r.why()).append('\n');
        }
        return sb.toString();
    }

    /** The report as JSON (two-space indent): {@code records, imported[], written, refused[], review[], changes[]}. */
    public String json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("records", records);
        ArrayNode im = o.putArray("imported");
        imported.forEach(im::add);
        o.put("written", written);
        ArrayNode rf = o.putArray("refused");
        for (ImportProblem p : refused) {
            ObjectNode x = rf.addObject();
            x.put("record", p.record());
            x.put("code", p.code());
            x.put("kind", p.kind().name());
            x.put("field", p.field());
            x.put("messageVi", p.messageVi());
            x.put("messageEn", p.messageEn());
        }
        ArrayNode rv = o.putArray("review");
        for (ReviewItem r : review) {
            ObjectNode x = rv.addObject();
            x.put("record", r.record());
            x.put("code", r.code());
            x.put("field", r.field());
            x.put("raw", r.raw());
            x.put("why", r.why());
        }
        ArrayNode ch = o.putArray("changes");
        for (Change c : changes) {
            ObjectNode x = ch.addObject();
            x.put("code", c.code());
            x.put("kind", c.kind().name());
            x.put("what", c.what());
            x.put("before", c.before());
            x.put("after", c.after());
        }
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(o) + "\n";
    }

    private static String[] with(String[] pairs, String name, String value) {
        String[] out = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        out[pairs.length] = name;
        out[pairs.length + 1] = value;
        return out;
    }

    private static String oneLine(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
