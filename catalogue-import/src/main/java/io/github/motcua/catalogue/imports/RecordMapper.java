package io.github.motcua.catalogue.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one national record (bản ghi thủ tục hành chính of the national portal) to the pack's imported layer
 * ({@code national.yaml}): every value NFC-normalised, every value that cannot be read exactly imported as
 * unknown and listed as a {@link ReviewItem}, never guessed. The field mapping is docs/import.md's table.
 * Stateless apart from the pack's working day; thread-safe.
 */
final class RecordMapper {
    /** A text field longer than this (characters) refuses the record: the longest real one is under 10,000. */
    static final int MAX_TEXT = 200_000;
    /** Procedure codes that are safe folder names: no path characters, no {@code ..}. */
    static final Pattern CODE = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$");
    /**
     * The portal's currency id seen with amounts the same record writes in đồng (2.000815: "2.000 đồng/trang"
     * beside value 2000). An absent or empty id is đồng too (the portal's default); any other id is not read.
     */
    static final String VND_CURRENCY_ID = "019b3fb2-b5b8-70ac-85e2-9409ec1eaffa";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern PER_UNIT = Pattern.compile("^\\s*/|/\\s*(trang|bản|trường hợp|lần|hồ sơ|giấy)|\\bmỗi\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** One mapped record: the national layer document and its review items. */
    record Mapped(String code, String origin, ObjectNode national, List<ReviewItem> review) {
    }

    /** A refused record. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ImportProblem problem;

        Refused(ImportProblem problem) {
            super(problem.messageEn(), null, false, false);
            this.problem = problem;
        }
    }

    private final Duration workDay;

    /** @param workDay the pack's working day (sum of its office hours), or null when the pack states none */
    RecordMapper(Duration workDay) {
        this.workDay = workDay;
    }

    Mapped map(RecordInput in) {
        return new Run(in).map();
    }

    /** NFC, as every text of the import. */
    static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private final class Run {
        final RecordInput in;
        final JsonNode r;
        final List<ReviewItem> review = new ArrayList<>();
        String code;

        Run(RecordInput in) {
            this.in = in;
            this.r = in.json();
        }

        /** The record refused: the bundle's {@code key} (a {@code refuse.} key) says why, in both languages. */
        Refused refuse(ImportProblem.Kind kind, String field, String key, String... pairs) {
            return new Refused(ImportMessages.problem(in.origin(), code, kind, field, key, pairs));
        }

        void review(String field, JsonNode raw, String why) {
            review.add(new ReviewItem(in.origin(), code, field, raw == null ? "" : raw.toString(), why));
        }

        void review(String field, String raw, String why) {
            review.add(new ReviewItem(in.origin(), code, field, raw, why));
        }

        /** A text at a pointer: null when absent or JSON null; refused when not a string or too long. */
        String text(JsonNode n, String ptr) {
            if (n == null || n.isNull() || n.isMissingNode()) {
                return null;
            }
            if (!n.isString()) {
                throw refuse(ImportProblem.Kind.WRONG_TYPE, ptr, "refuse.notString", "found", String.valueOf(n.getNodeType()));
            }
            String s = n.asString();
            if (s.length() > MAX_TEXT) {
                throw refuse(ImportProblem.Kind.TEXT_TOO_LONG, ptr, "refuse.textTooLong",
                        "length", String.valueOf(s.length()), "max", String.valueOf(MAX_TEXT));
            }
            return nfc(s).strip();
        }

        Boolean bool(String name) {
            JsonNode n = r.get(name);
            if (n == null || n.isNull()) {
                review("/" + name, "", ImportMessages.both("review.flagAbsent"));
                return null;
            }
            if (!n.isBoolean()) {
                throw refuse(ImportProblem.Kind.WRONG_TYPE, "/" + name, "refuse.notBoolean");
            }
            return n.asBoolean();
        }

        ArrayNode array(String name) {
            JsonNode n = r.get(name);
            if (n == null || n.isNull()) {
                return F.arrayNode();
            }
            if (!n.isArray()) {
                throw refuse(ImportProblem.Kind.WRONG_TYPE, "/" + name, "refuse.notArray");
            }
            return (ArrayNode) n;
        }

        JsonNode obj(JsonNode n, String ptr) {
            if (!n.isObject()) {
                throw refuse(ImportProblem.Kind.WRONG_TYPE, ptr, "refuse.notObject");
            }
            return n;
        }

        List<String> names(String arrayName) {
            List<String> out = new ArrayList<>();
            ArrayNode a = array(arrayName);
            for (int i = 0; i < a.size(); i++) {
                JsonNode e = obj(a.get(i), "/" + arrayName + "/" + i);
                String s = text(e.get("name"), "/" + arrayName + "/" + i + "/name");
                if (s != null && !s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }

        Mapped map() {
            if (!r.isObject()) {
                throw refuse(ImportProblem.Kind.WRONG_TYPE, "", "refuse.recordNotObject");
            }
            JsonNode codeNode = r.get("code");
            if (codeNode == null || codeNode.isNull()) {
                throw refuse(ImportProblem.Kind.MISSING_FIELD, "/code", "refuse.noCode");
            }
            String c = text(codeNode, "/code");
            if (c.isEmpty()) {
                throw refuse(ImportProblem.Kind.MISSING_FIELD, "/code", "refuse.emptyCode");
            }
            if (!CODE.matcher(c).matches() || c.contains("..")) {
                throw refuse(ImportProblem.Kind.BAD_CODE, "/code", "refuse.badCode", "code", shorten(c));
            }
            code = c;
            ObjectNode n = F.objectNode();
            n.put("code", code);
            n.set("source", source());
            String name = text(r.get("name"), "/name");
            if (name == null || name.isEmpty()) {
                throw refuse(ImportProblem.Kind.MISSING_FIELD, "/name", "refuse.noName");
            }
            n.put("name", name);
            List<String> fields = names("categoriesDetails");
            if (fields.isEmpty()) {
                review("/categoriesDetails", r.get("categoriesDetails"), ImportMessages.both("review.noField"));
            } else {
                n.put("field", fields.get(0));
            }
            level(n);
            agency(n);
            Boolean full = bool("isFullProcess");
            Boolean nonTerritorial = bool("isNonTerritorial");
            Boolean offlineOnly = bool("isOfflineOnly");
            putFlag(n, "isFullProcess", full);
            putFlag(n, "isNonTerritorial", nonTerritorial);
            putFlag(n, "isOfflineOnly", offlineOnly);
            methods(n);
            boolean online = false;
            for (JsonNode ch : n.get("channels")) {
                online |= ch.asString().equals("ONLINE");
            }
            // FULL exactly when isFullProcess; otherwise PARTIAL when the record lists an online channel, else NONE
            n.put("onlineLevel", full == null ? "UNKNOWN" : full ? "FULL" : online ? "PARTIAL" : "NONE");
            if (Boolean.TRUE.equals(offlineOnly) && online) {
                review("/isOfflineOnly", "true", ImportMessages.both("review.offlineOnlyOnline"));
            }
            ArrayNode results = n.putArray("results");
            names("resultsDetails").forEach(results::add);
            ArrayNode subjects = n.putArray("subjects");
            names("subjectTypesDetails").forEach(subjects::add);
            String cond = text(r.get("requirementsAndConditions"), "/requirementsAndConditions");
            if (cond != null && !cond.isEmpty()) {
                n.put("conditions", cond);
            }
            steps(n);
            components(n);
            cases(n);
            bases(n);
            ArrayNode rv = n.putArray("review");
            for (ReviewItem i : review) {
                ObjectNode o = rv.addObject();
                o.put("field", i.field());
                o.put("raw", i.raw());
                o.put("why", i.why());
            }
            return new Mapped(code, in.origin(), n, List.copyOf(review));
        }

        void putFlag(ObjectNode n, String name, Boolean v) {
            if (v == null) {
                n.putNull(name);
            } else {
                n.put(name, v);
            }
        }

        ObjectNode source() {
            ObjectNode s = F.objectNode();
            String id = text(r.get("id"), "/id");
            if (id == null || id.isEmpty()) {
                review("/id", "", ImportMessages.both("review.noId"));
            }
            s.put("recordId", id == null ? "" : id);
            s.put("code", code);
            JsonNode up = r.get("updatedAt");
            if (up != null && up.isNumber()) {
                s.put("updatedAt", Instant.ofEpochMilli(up.asLong()).toString());
            } else {
                review("/updatedAt", up, ImportMessages.both("review.updatedAt"));
                s.put("updatedAt", "");
            }
            JsonNode pp = r.get("procedureProposal");
            if (pp != null && pp.isObject()) {
                String no = text(pp.get("proposalNumber"), "/procedureProposal/proposalNumber");
                if (no != null && !no.isEmpty()) {
                    s.put("decision", no);
                }
                date(s, "decisionDate", pp.get("decisionDate"));
                date(s, "publicationDate", pp.get("publicationDate"));
                if (pp.get("issuingAgency") != null && pp.get("issuingAgency").isObject()) {
                    String ag = text(pp.get("issuingAgency").get("name"), "/procedureProposal/issuingAgency/name");
                    if (ag != null) {
                        s.put("issuingAgency", ag);
                    }
                }
            } else {
                review("/procedureProposal", pp, ImportMessages.both("review.noDecision"));
            }
            s.put("verified", false);
            s.put("note", ImportMessages.both("note.imported"));
            return s;
        }

        void date(ObjectNode s, String key, JsonNode v) {
            if (v != null && v.isNumber()) {
                s.put(key, LocalDate.ofInstant(Instant.ofEpochMilli(v.asLong()), VN).toString());
            }
        }

        void level(ObjectNode n) {
            Boolean ward = bool("isWard");
            Boolean prov = bool("isProvince");
            Boolean min = bool("isMinistry");
            ObjectNode l = n.putObject("levelFlags");
            putFlag(l, "isWard", ward);
            putFlag(l, "isProvince", prov);
            putFlag(l, "isMinistry", min);
            if (Boolean.TRUE.equals(prov)) {
                n.put("level", "PROVINCE");
                if (Boolean.TRUE.equals(ward)) {
                    review("/isWard", "true", ImportMessages.both("review.bothLevels"));
                }
            } else if (Boolean.TRUE.equals(ward)) {
                n.put("level", "COMMUNE");
            } else {
                n.put("level", "UNKNOWN");
                review("/isProvince", "", ImportMessages.both("review.noLevel"));
            }
        }

        void agency(ObjectNode n) {
            List<String> dep = names("departmentsExecuting");
            String from = "departmentsExecuting";
            if (dep.isEmpty()) {
                dep = names("unitGroupsExecuting");
                from = "unitGroupsExecuting";
            }
            if (dep.isEmpty()) {
                String t = text(r.get("executingAgencies"), "/executingAgencies");
                if (t != null && !t.isEmpty()) {
                    dep = List.of(t);
                    from = "executingAgencies";
                }
            }
            ObjectNode a = n.putObject("agency");
            if (dep.isEmpty()) {
                a.put("unknown", true);
                review("/departmentsExecuting", r.get("departmentsExecuting"),
                        ImportMessages.both("review.noAgency"));
            } else {
                a.put("name", String.join("; ", dep));
                a.put("from", from);
            }
        }

        void steps(ObjectNode n) {
            ArrayNode a = array("executionSteps");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                JsonNode s = obj(a.get(i), "/executionSteps/" + i);
                String nm = text(s.get("name"), "/executionSteps/" + i + "/name");
                String d = text(s.get("description"), "/executionSteps/" + i + "/description");
                for (String part : new String[] {nm, d}) {
                    if (part != null && !part.isEmpty()) {
                        if (sb.length() > 0) {
                            sb.append('\n');
                        }
                        sb.append(part);
                    }
                }
            }
            if (sb.length() > 0) {
                n.put("steps", sb.toString());
            }
        }

        void methods(ObjectNode n) {
            ArrayNode ms = array("executionMethods");
            Set<String> channels = new LinkedHashSet<>();
            ArrayNode deadlines = F.arrayNode();
            ArrayNode fees = F.arrayNode();
            for (int i = 0; i < ms.size(); i++) {
                String ptr = "/executionMethods/" + i;
                JsonNode m = obj(ms.get(i), ptr);
                String sm = text(m.get("submissionMethod"), ptr + "/submissionMethod");
                String ch = sm == null ? null : switch (sm) {
                    case "DIRECT" -> "DESK";
                    case "ONLINE" -> "ONLINE";
                    case "POSTAL" -> "POST";
                    default -> null;
                };
                if (ch == null) {
                    review(ptr + "/submissionMethod", m.get("submissionMethod"),
                            ImportMessages.both("review.unknownMethod"));
                    continue;
                }
                channels.add(ch);
                deadlines.add(deadline(ch, m, ptr));
                JsonNode fs = m.get("fees");
                if (fs != null && !fs.isNull() && !fs.isArray()) {
                    throw refuse(ImportProblem.Kind.WRONG_TYPE, ptr + "/fees", "refuse.notArray");
                }
                if (fs == null || fs.isNull() || fs.isEmpty()) {
                    ObjectNode f = fees.addObject();
                    f.put("channel", ch);
                    f.put("from", ptr + "/fees");
                    f.put("status", "UNKNOWN");
                    f.put("why", ImportMessages.both("review.noFeeNotFree"));
                    review(ptr + "/fees", fs, ImportMessages.both("review.noFee"));
                } else {
                    for (int j = 0; j < fs.size(); j++) {
                        fees.add(fee(ch, obj(fs.get(j), ptr + "/fees/" + j), ptr + "/fees/" + j, m));
                    }
                }
            }
            if (channels.isEmpty()) {
                review("/executionMethods", r.get("executionMethods"), ImportMessages.both("review.noChannel"));
            }
            ArrayNode c = n.putArray("channels");
            channels.forEach(c::add);
            n.set("deadlines", deadlines);
            n.set("fees", fees);
        }

        ObjectNode deadline(String ch, JsonNode m, String ptr) {
            ObjectNode d = F.objectNode();
            d.put("channel", ch);
            d.put("from", ptr);
            JsonNode t = m.get("processingTime");
            JsonNode u = m.get("processingTimeUnit");
            String desc = text(m.get("description"), ptr + "/description");
            ObjectNode raw = d.putObject("raw");
            raw.set("processingTime", t == null ? F.nullNode() : t);
            raw.set("processingTimeUnit", u == null ? F.nullNode() : u);
            if (desc != null && !desc.isEmpty()) {
                d.put("text", desc);
            }
            if (t != null && !t.isNull() && !t.isNumber()) {
                throw refuse(ImportProblem.Kind.WRONG_TYPE, ptr + "/processingTime", "refuse.timeNotNumber");
            }
            String unitRaw = u == null || u.isNull() ? null : text(u, ptr + "/processingTimeUnit");
            String unit = unitRaw == null ? null : switch (unitRaw) {
                case "WORKING_DAY" -> "WORKING_DAYS";
                case "DAY" -> "CALENDAR_DAYS";
                case "HOUR" -> "WORKING_HOURS";
                default -> null;
            };
            BigDecimal amount = t == null || t.isNull() ? null : t.decimalValue().stripTrailingZeros();
            String why = null;
            if (unitRaw == null) {
                why = ImportMessages.both("review.deadline.noUnit");
            } else if (unit == null) {
                why = "OTHER".equals(unitRaw) ? ImportMessages.both("review.deadline.otherUnit")
                        : ImportMessages.both("review.deadline.unknownUnit", "unit", unitRaw);
            } else if (amount == null) {
                why = ImportMessages.both("review.deadline.noAmount");
            } else if (amount.signum() == 0) {
                why = ImportMessages.both("review.deadline.zero", "unit", unitRaw);
            } else if (amount.signum() < 0) {
                // a time limit cannot run backwards: a typing slip in the national record, never a deadline
                why = ImportMessages.both("review.deadline.negative", "amount", amount.toPlainString(), "unit", unitRaw);
            }
            if (why != null) {
                d.put("unit", "UNKNOWN");
                d.put("why", why);
                review(ptr + "/processingTimeUnit", raw, why + "; " + ImportMessages.both("review.seeOfficialText"));
                return d;
            }
            d.put("amount", amount.toPlainString());
            d.put("unit", unit);
            if (unit.equals("WORKING_HOURS")) {
                review(ptr + "/processingTimeUnit", raw, ImportMessages.both("review.deadline.hours"));
            }
            if (amount.scale() > 0) {
                d.put("converted", converted(amount, unit));
                review(ptr + "/processingTime", raw, ImportMessages.both("review.deadline.fractional",
                        "converted", d.get("converted").asString()));
            }
            return d;
        }

        ObjectNode fee(String ch, JsonNode f, String ptr, JsonNode method) {
            ObjectNode o = F.objectNode();
            o.put("channel", ch);
            o.put("from", ptr);
            String type = text(f.get("type"), ptr + "/type");
            o.put("type", type == null ? "UNKNOWN" : type);
            JsonNode v = f.get("value");
            String desc = text(f.get("description"), ptr + "/description");
            String cur = text(f.get("currencyId"), ptr + "/currencyId");
            ObjectNode raw = o.putObject("raw");
            raw.set("value", v == null ? F.nullNode() : v);
            raw.put("currencyId", cur);
            raw.put("description", desc);
            String methodText = text(method.get("description"), "");
            String why = null;
            if (type == null || !(type.equals("FEE") || type.equals("SERVICE_FEE"))) {
                why = ImportMessages.both("review.fee.unknownType", "type", String.valueOf(type));
            } else if (v == null || v.isNull() || !v.isNumber()) {
                why = ImportMessages.both("review.fee.notNumber");
            } else if (v.decimalValue().signum() < 0 || v.decimalValue().stripTrailingZeros().scale() > 0) {
                why = ImportMessages.both("review.fee.negativeOrFraction");
            } else if (!(cur == null || cur.isEmpty() || cur.equals(VND_CURRENCY_ID))
                    || (methodText != null && methodText.matches("(?s).*\\b" + v.asLong() + "\\s*USD\\b.*"))) {
                why = ImportMessages.both("review.fee.currency", "currency", cur == null ? "" : cur);
            } else if (desc != null && !desc.isEmpty() && v.asLong() == 0) {
                why = ImportMessages.both("review.fee.zeroWithText");
            } else if (desc != null && PER_UNIT.matcher(desc).find()) {
                why = ImportMessages.both("review.fee.perUnit", "description", desc);
            } else if (desc != null && !desc.isEmpty()) {
                why = ImportMessages.both("review.fee.qualified");
            }
            if (v != null && v.isNumber()) {
                o.put("value", v.decimalValue().stripTrailingZeros().toPlainString());
            }
            if (why != null) {
                o.put("status", "UNKNOWN");
                o.put("why", why);
                review(ptr + "/value", raw, why + "; " + ImportMessages.both("review.unknownSeeOfficialText"));
            } else {
                o.put("status", "KNOWN");
                o.put("amount", v.asLong());
            }
            return o;
        }

        void components(ObjectNode n) {
            ArrayNode cases = array("executionCases");
            ArrayNode comps = n.putArray("components");
            ArrayNode variants = n.putArray("variants");
            int total = 0;
            for (int k = 0; k < cases.size(); k++) {
                String cptr = "/executionCases/" + k;
                JsonNode ec = obj(cases.get(k), cptr);
                ObjectNode var = variants.addObject();
                var.put("from", "executionCases");
                String vn = text(ec.get("name"), cptr + "/name");
                var.put("name", vn == null ? "" : vn);
                ArrayNode ids = var.putArray("components");
                JsonNode pcs = ec.get("profileComponents");
                if (pcs == null || pcs.isNull()) {
                    continue;
                }
                if (!pcs.isArray()) {
                    throw refuse(ImportProblem.Kind.WRONG_TYPE, cptr + "/profileComponents", "refuse.notArray");
                }
                for (int i = 0; i < pcs.size(); i++) {
                    String ptr = cptr + "/profileComponents/" + i;
                    JsonNode pc = obj(pcs.get(i), ptr);
                    String id = (k == 0 ? "" : "th" + (k + 1) + "-") + "tp-" + (i + 1);
                    ObjectNode c = comps.addObject();
                    c.put("id", id);
                    c.put("from", ptr);
                    c.put("variant", k + 1);
                    String nm = text(pc.get("name"), ptr + "/name");
                    if (nm == null || nm.isEmpty()) {
                        review(ptr + "/name", pc.get("name"), ImportMessages.both("review.componentNoName"));
                        nm = "(" + ImportMessages.both("note.componentNoName") + ")";
                    }
                    c.put("name", nm);
                    c.set("originals", qty(pc.get("originalQty"), ptr + "/originalQty"));
                    c.set("copies", qty(pc.get("copyQty"), ptr + "/copyQty"));
                    // required is false on all 89 components of the real set, so it cannot mean "optional": unknown
                    c.put("required", "UNKNOWN");
                    c.set("requiredRaw", pc.get("required") == null ? F.nullNode() : pc.get("required"));
                    JsonNode ef = pc.get("hasElectronicForm");
                    if (ef != null && ef.isBoolean()) {
                        c.put("electronicForm", ef.asBoolean());
                    }
                    String nc = text(pc.get("code"), ptr + "/code");
                    if (nc != null && !nc.isEmpty()) {
                        c.put("nationalCode", nc);
                    }
                    ArrayNode tpl = c.putArray("templates");
                    JsonNode at = pc.get("attachments");
                    if (at != null && at.isArray()) {
                        for (int j = 0; j < at.size(); j++) {
                            if (at.get(j).isObject()) {
                                String fn = text(at.get(j).get("fileName"), ptr + "/attachments/" + j + "/fileName");
                                if (fn != null && !fn.isEmpty()) {
                                    tpl.add(fn);
                                }
                            }
                        }
                    }
                    ids.add(id);
                    total++;
                }
            }
            if (total > 0) {
                review("/executionCases/0/profileComponents/0/required", ImportMessages.both("review.requiredUnknownRaw"),
                        ImportMessages.both("review.requiredUnknown"));
            } else {
                review("/executionCases", r.get("executionCases") == null ? "" : "[]",
                        ImportMessages.both("review.noComponent"));
            }
        }

        JsonNode qty(JsonNode q, String ptr) {
            if (q == null || q.isNull()) {
                return F.nullNode();
            }
            if (!q.isIntegralNumber() || q.asLong() < 0) {
                review(ptr, q, ImportMessages.both("review.quantity"));
                return F.nullNode();
            }
            return F.numberNode(q.asInt());
        }

        void cases(ObjectNode n) {
            ArrayNode cs = array("cases");
            ArrayNode out = n.putArray("cases");
            Set<String> seen = new HashSet<>();
            Set<String> channelDeadlines = new HashSet<>();
            for (JsonNode d : n.get("deadlines")) {
                if (d.get("amount") != null) {
                    channelDeadlines.add(d.get("amount").asString() + " " + d.get("unit").asString());
                }
            }
            for (int i = 0; i < cs.size(); i++) {
                String ptr = "/cases/" + i;
                JsonNode c = obj(cs.get(i), ptr);
                ObjectNode o = out.addObject();
                String cc = text(c.get("code"), ptr + "/code");
                o.put("code", cc == null ? "" : cc);
                String nm = text(c.get("name"), ptr + "/name");
                o.put("name", nm == null ? "" : nm);
                if (cc != null && !seen.add(cc)) {
                    review(ptr + "/code", cc, ImportMessages.both("review.repeatedCase"));
                }
                JsonNode pd = c.get("processingDay");
                if (pd != null && pd.isObject() && pd.get("qty") != null && pd.get("qty").isNumber()) {
                    String t = text(pd.get("type"), ptr + "/processingDay/type");
                    String unit = t == null ? "UNKNOWN" : switch (t) {
                        case "WORKING_DAY" -> "WORKING_DAYS";
                        case "DAY" -> "CALENDAR_DAYS";
                        case "HOUR" -> "WORKING_HOURS";
                        default -> "UNKNOWN";
                    };
                    String amount = pd.get("qty").decimalValue().stripTrailingZeros().toPlainString();
                    ObjectNode dl = o.putObject("deadline");
                    dl.put("amount", amount);
                    dl.put("unit", unit);
                    if (!channelDeadlines.isEmpty() && !channelDeadlines.contains(amount + " " + unit)) {
                        review(ptr + "/processingDay", pd,
                                ImportMessages.both("review.caseDeadline"));
                    }
                }
            }
        }

        void bases(ObjectNode n) {
            ArrayNode a = array("legalBasisesDetails");
            ArrayNode out = n.putArray("legalBases");
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            for (int i = 0; i < a.size(); i++) {
                String ptr = "/legalBasisesDetails/" + i;
                JsonNode b = obj(a.get(i), ptr);
                String docCode = text(b.get("code"), ptr + "/code");
                String nm = text(b.get("name"), ptr + "/name");
                String rid = text(b.get("id"), ptr + "/id");
                String id = basisId(docCode, rid);
                if (id == null) {
                    review(ptr, b, ImportMessages.both("review.basisSkipped"));
                    continue;
                }
                if (byId.containsKey(id)) {
                    continue;
                }
                ObjectNode o = F.objectNode();
                o.put("id", id);
                o.put("from", ptr);
                o.put("number", docCode == null ? "" : docCode);
                o.put("name", nm == null || nm.isEmpty() ? (docCode == null ? id : docCode) : nm);
                byId.put(id, o);
            }
            byId.values().forEach(out::add);
            if (out.isEmpty()) {
                review("/legalBasisesDetails", a, ImportMessages.both("review.noBasis"));
            }
        }
    }

    /** The pack id of a national legal document: {@code QG-} and its number in ASCII, e.g. QG-257-2016-TT-BTC. */
    static String basisId(String number, String recordId) {
        String src = number != null && !number.isBlank() ? number : recordId;
        if (src == null || src.isBlank()) {
            return null;
        }
        String ascii = Normalizer.normalize(src.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+|-+$", "");
        if (ascii.isEmpty()) {
            return null;
        }
        return "QG-" + (ascii.length() > 80 ? ascii.substring(0, 80) : ascii);
    }

    /**
     * The stated conversion of a fractional deadline: whole units plus the fraction of one working day in
     * office time (the pack's office hours; Gia Lai: 7 h 30 min, so 0.25 day = 1 h 52 min 30 s).
     */
    String converted(BigDecimal amount, String unit) {
        BigDecimal whole = amount.setScale(0, RoundingMode.DOWN);
        BigDecimal frac = amount.subtract(whole);
        if (unit.equals("WORKING_DAYS")) {
            if (workDay == null) {
                return ImportMessages.vi("note.converted.noHours", "whole", whole.toPlainString(), "fraction", frac.toPlainString())
                        + " (" + ImportMessages.both("note.converted.noOfficeHours") + ")";
            }
            BigDecimal secs = frac.multiply(BigDecimal.valueOf(workDay.toSeconds()));
            return ImportMessages.vi("note.converted.workingDays", "whole", whole.toPlainString(), "part", hms(secs),
                    "fraction", frac.toPlainString(), "day", hms(BigDecimal.valueOf(workDay.toSeconds())));
        }
        if (unit.equals("CALENDAR_DAYS")) {
            return ImportMessages.vi("note.converted.calendarDays", "whole", whole.toPlainString(),
                    "part", hms(frac.multiply(BigDecimal.valueOf(86_400))), "fraction", frac.toPlainString());
        }
        return ImportMessages.vi("note.converted.workingHours", "whole", whole.toPlainString(),
                "part", hms(frac.multiply(BigDecimal.valueOf(3600))));
    }

    /** Seconds as "1 giờ 52 phút 30 giây" (a fraction of a second is kept). */
    static String hms(BigDecimal seconds) {
        BigDecimal s = seconds.stripTrailingZeros();
        long whole = s.setScale(0, RoundingMode.DOWN).longValueExact();
        BigDecimal rest = s.subtract(BigDecimal.valueOf(whole));
        long h = whole / 3600;
        long m = whole % 3600 / 60;
        long sec = whole % 60;
        StringBuilder sb = new StringBuilder();
        if (h > 0) {
            sb.append(ImportMessages.vi("note.hours", "n", String.valueOf(h))).append(' ');
        }
        if (m > 0) {
            sb.append(ImportMessages.vi("note.minutes", "n", String.valueOf(m))).append(' ');
        }
        if (sec > 0 || rest.signum() > 0 || sb.length() == 0) {
            sb.append(ImportMessages.vi("note.seconds", "n",
                    rest.signum() > 0 ? BigDecimal.valueOf(sec).add(rest).toPlainString() : Long.toString(sec)));
        }
        return sb.toString().strip();
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
