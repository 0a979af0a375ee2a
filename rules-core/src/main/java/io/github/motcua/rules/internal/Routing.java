package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.spi.DecisionContext;
import io.github.motcua.rules.spi.DecisionSection;
import io.github.motcua.rules.spi.PartJson;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Receipt and routing (tiếp nhận, luân chuyển hồ sơ), the decision section of the {@code ROUTING}
 * stage: the {@value #NAME} section reads pack.yaml's {@code routing} (the province's boundary-free
 * rule and default transfer), and {@link #route} finds, for one dossier, the receiving
 * and the competent unit, whether the receipt is accepted, the transfer between them and, when
 * refused, where to file. Stateless apart from the section's immutable value, so thread-safe.
 *
 * <p>The rules: the competent unit follows from the procedure's {@code competence} (the applicant's
 * residence, a unit code in the form, a fixed unit, or the receiving unit). The province's rule, when
 * the pack sets one, takes precedence over the procedure's own {@code boundaryFree}. A boundary-free
 * procedure is accepted at any unit of the pack and transferred to the competent unit. Otherwise the
 * receipt is accepted only at the competent unit itself, or — for a provincial department — at a
 * site of the provincial public-administration centre; elsewhere the decision is
 * {@link io.github.motcua.rules.Eligibility#WRONG_UNIT} and names where to file.
 */
final class Routing {
    /** The section's name. */
    static final String NAME = "routing";

    private Routing() {
    }

    /**
     * The province's rules from pack.yaml {@code routing}.
     *
     * @param boundaryFree the province's boundary-free rule, or {@code null} when not set
     * @param basis        its basis, or {@code null}
     * @param transfer     the default transfer time between units, or {@code null}
     * @param line         the line of {@code routing:} in pack.yaml, or 0
     * @param competence   the line of {@code competence:} in each procedure's procedure.yaml, by folder
     *                     name (the procedure's code), where it has one: what a routing step cites
     */
    record Rules(Boolean boundaryFree, LegalBasis basis, Decision.Transfer transfer, int line,
            Map<String, Integer> competence) {
        static final Rules NONE = new Rules(null, null, null, 0, Map.of());

        Rules {
            competence = Map.copyOf(competence);
        }

        /** The line of {@code competence:} in the procedure.yaml of {@code code}, or 0. */
        int competenceLine(String code) {
            return competence.getOrDefault(code, 0);
        }
    }

    /**
     * 1-based line of the first line of {@code text} that starts with {@code key:} (a top-level key; {@code key} is
     * ASCII), or 0, also when the text is not UTF-8 (the engine reports the file). Read on the bytes, as the decoded
     * text would give it, without making that text (the procedure.yaml of every procedure again, for one line number):
     * a UTF-8 line feed is the byte 0x0A and nothing else, an ASCII key's bytes are its characters, the decoder drops a
     * leading byte-order mark, and NFC changes no line feed and makes no ASCII letter or colon from other characters
     * nor turns one into another ({@code RoutingTest} compares it with the decoded text's answer).
     */
    static int topLevelLine(byte[] text, String key) {
        if (text == null) {
            return 0;
        }
        int line = lineOf(text, key);
        // 0 for a text that is not UTF-8 either way: checked only when the key is there (the load reads every
        // procedure.yaml here, most of them without the key)
        return line > 0 && utf8(text) ? line : 0;
    }

    /** {@link #topLevelLine} on bytes whether or not they are UTF-8. */
    private static int lineOf(byte[] text, String key) {
        int n = text.length;
        int start = n >= 3 && (text[0] & 0xFF) == 0xEF && (text[1] & 0xFF) == 0xBB && (text[2] & 0xFF) == 0xBF ? 3 : 0;
        int line = 1;
        while (start < n) {
            if (startsWith(text, start, key)) {
                return line;
            }
            int nl = start;
            while (nl < n && text[nl] != '\n') {
                nl++;
            }
            if (nl == n) {
                return 0;
            }
            start = nl + 1;
            line++;
        }
        return 0;
    }

    /** Whether {@code key} followed by a colon is written at {@code at} (an ASCII key: its bytes are its characters). */
    private static boolean startsWith(byte[] text, int at, String key) {
        int k = key.length();
        if (at + k >= text.length || text[at + k] != ':') {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (text[at + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code bytes} are UTF-8 as the kernel's decoder judges them: its own check, without making the text (the
     * JDK's reporting decoder, run cold in chunks over every procedure.yaml, was ≈ 2 % of a 2,000-procedure load's CPU).
     */
    static boolean utf8(byte[] bytes) {
        try {
            io.github.motcua.kernel.PackReader.requireUtf8("", bytes);
            return true;
        } catch (io.github.motcua.kernel.PackReadException e) {
            return false;
        }
    }

    /** The line of {@code competence:} in every procedures/CODE/procedure.yaml that has one, by CODE. */
    static Map<String, Integer> competenceLines(Map<String, byte[]> files) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String path = e.getKey();
            if (path.startsWith("procedures/") && path.endsWith("/procedure.yaml")
                    && path.indexOf('/', "procedures/".length()) == path.length() - "/procedure.yaml".length()) {
                int line = topLevelLine(e.getValue(), "competence");
                if (line > 0) {
                    out.put(path.substring("procedures/".length(), path.length() - "/procedure.yaml".length()), line);
                }
            }
        }
        return out;
    }

    /** The writer of the routing part for decisions made outside an engine (its load is never called). */
    static final Section PART = new Section();

    /**
     * The routing decision section: reads pack.yaml's {@code routing} (claims no file of its own) and,
     * first in every decision, routes the dossier. A dossier this unit does not receive ends there as
     * {@link Eligibility#WRONG_UNIT}: its form is not checked and its rules do not run.
     */
    static final class Section implements DecisionSection<Decision.Routing>, WithoutPackIdentity {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Decision.Key<Decision.Routing> key() {
            return Decision.Key.ROUTING;
        }

        @Override
        public Stage stage() {
            return Stage.ROUTING;
        }

        @Override
        public Decision.Routing contribute(DecisionContext ctx) {
            Rules rules = ctx.loaded() instanceof Rules r ? r : Rules.NONE;
            Procedure p = ctx.procedure();
            // the competence's parts from the compiled procedure (read already) when this is the engine's pipeline
            CompiledProcedure cp = DecisionPipeline.compiled(ctx);
            Decision.Routing routing = cp == null ? route(rules, ctx.units(), p, ctx.dossier(), ctx.formData())
                    : route(rules, ctx.units(), p, cp.competenceBy(), cp.competenceField(), cp.competenceUnit(),
                            cp.competenceBasis(), cp.competenceTransfer(), ctx.dossier(), ctx.formData());
            if (!routing.accepted()) {
                ctx.trace(new Decision.TraceStep(routing.messageVi(), "procedures/" + p.code() + "/procedure.yaml",
                        rules.competenceLine(p.code()), routing.basis(), Decision.TraceStep.Kind.ROUTING));
                ctx.note(new Decision.Note(routing.messageVi(), routing.messageEn(), routing.basis(),
                        "procedure.yaml: competence"));
                ctx.refuse(Eligibility.WRONG_UNIT);
            } else if (routing.transfer() != null || routing.receivingUnit() != null && routing.competentUnit() != null
                    && !routing.receivingUnit().code().equals(routing.competentUnit().code())) {
                boolean province = routing.provinceBoundaryFree() != null;
                ctx.trace(new Decision.TraceStep(routing.messageVi(), province ? "pack.yaml"
                        : "procedures/" + p.code() + "/procedure.yaml", province ? rules.line() : rules.competenceLine(p.code()),
                        routing.basis(), Decision.TraceStep.Kind.ROUTING));
            }
            return routing;
        }

        @Override
        public Object toJson(Decision.Routing r) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("receivingUnit", unit(r.receivingUnit()));
            x.put("competentUnit", unit(r.competentUnit()));
            x.put("competenceBy", r.competenceBy());
            x.put("accepted", r.accepted());
            Map<String, Object> bf = new LinkedHashMap<>();
            bf.put("procedure", r.procedureBoundaryFree());
            bf.put("province", r.provinceBoundaryFree());
            bf.put("applied", r.boundaryFree());
            x.put("boundaryFree", bf);
            if (r.transfer() == null) {
                x.put("transfer", null);
            } else {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("amount", r.transfer().limit().amount());
                t.put("unit", r.transfer().limit().unit().name());
                t.put("labelVi", r.transfer().limit().labelVi());
                t.put("counted", r.transfer().counted());
                t.put("basis", PartJson.basis(r.transfer().basis()));
                x.put("transfer", t);
            }
            x.put("basis", PartJson.basis(r.basis()));
            x.put("fileAt", unit(r.fileAt()));
            x.put("messageVi", r.messageVi());
            x.put("messageEn", r.messageEn());
            return x;
        }

        private static Map<String, Object> unit(Decision.RoutedUnit u) {
            if (u == null) {
                return null;
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", u.code());
            x.put("nameVi", u.nameVi());
            x.put("nameEn", u.nameEn());
            x.put("kind", u.kind());
            x.put("address", u.address());
            x.put("verified", u.verified());
            return x;
        }

        @Override
        public void text(Decision.Routing r, Locale locale, StringBuilder sb) {
            boolean vi = "vi".equals(locale.getLanguage());
            String received = r.receivingUnit() == null ? t(vi, "text.routing.notGiven")
                    : vi ? r.receivingUnit().nameVi() : name(r.receivingUnit());
            String competent = r.competentUnit() == null ? t(vi, "text.routing.notFound")
                    : vi ? r.competentUnit().nameVi() : name(r.competentUnit());
            sb.append(t(vi, "text.routing", "received", received, "competent", competent)).append('\n');
            sb.append("  - ").append(vi ? r.messageVi() : r.messageEn()).append(PartJson.cite(r.basis(), locale)).append('\n');
            sb.append("  - ").append(t(vi, "text.routing.boundaryFree", "procedure", yesNo(vi, r.procedureBoundaryFree())))
                    .append(r.provinceBoundaryFree() == null ? ""
                            : t(vi, "text.routing.boundaryFreeProvince", "province", yesNo(vi, r.provinceBoundaryFree())))
                    .append('\n');
        }

        private static String yesNo(boolean vi, boolean yes) {
            return t(vi, yes ? "text.yes" : "text.no");
        }

        private static String t(boolean vi, String key, String... pairs) {
            return vi ? Msg.vi(key, pairs) : Msg.en(key, pairs);
        }

        private static String name(Decision.RoutedUnit u) {
            return u.nameEn() != null ? u.nameEn() : u.nameVi();
        }

        /** Cases do not check the routing (yet): no {@code expect:} key. */
        @Override
        public String expectKey() {
            return null;
        }

        @Override
        public boolean claims(String path) {
            return false;
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return new Result(Rules.NONE, List.of());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            byte[] pack = context.files().get("pack.yaml");
            Map<String, Integer> competence = competenceLines(context.files());
            Rules none = new Rules(null, null, null, 0, competence);
            if (pack == null) {
                return new Result(none, List.of());
            }
            List<PackProblem> problems = new ArrayList<>();
            // pack.yaml's own problems (syntax, schema) are the engine's: here only the routing keys
            String text = PackFiles.textOrNull("pack.yaml", pack);
            YamlDoc doc = text == null ? null : YamlDoc.parse("pack.yaml", text, new ArrayList<>());
            JsonNode r = doc == null ? null : doc.root().get("routing");
            if (r == null || !r.isObject()) {
                return new Result(none, List.of());
            }
            LegalBasis basis = basis(doc, "/routing/basis", r.get("basis"), context, problems, "routing.basis");
            Decision.Transfer transfer = null;
            JsonNode t = r.get("transfer");
            if (t != null && t.isObject() && t.get("amount") != null && t.get("unit") != null) {
                try {
                    transfer = new Decision.Transfer(new TimeLimit(t.get("amount").asLong(),
                            DeadlineUnit.valueOf(t.get("unit").asString())),
                            t.get("counted") == null || t.get("counted").asBoolean(),
                            basis(doc, "/routing/transfer/basis", t.get("basis"), context, problems,
                                    "routing.transfer.basis"));
                } catch (RuntimeException e) {
                    int[] at = doc.position("/routing/transfer");
                    problems.add(new PackProblem("pack.yaml", at[0], at[1], "BAD_VALUE",
                            Msg.vi("ROUTING_BAD_TRANSFER", "detail", Msg.detailVi(e)),
                            Msg.en("ROUTING_BAD_TRANSFER", "detail", Msg.detailEn(e))));
                }
            }
            Boolean free = r.get("boundaryFree") == null ? null : r.get("boundaryFree").asBoolean();
            return new Result(problems.isEmpty() ? new Rules(free, basis, transfer, doc.topLevelKeyLine("routing"), competence)
                    : null, problems);
        }

        /** The legal basis {@code id} names, or null with an {@code UNKNOWN_BASIS} problem at its line and column. */
        private static LegalBasis basis(YamlDoc doc, String ptr, JsonNode id, Context context, List<PackProblem> problems,
                String where) {
            if (id == null) {
                return null;
            }
            LegalBasis b = context.bases().get(id.asString());
            if (b == null) {
                int[] at = doc.position(ptr);
                problems.add(new PackProblem("pack.yaml", at[0], at[1], "UNKNOWN_BASIS",
                        Msg.vi("ROUTING_UNKNOWN_BASIS", "id", id.asString(), "where", where),
                        Msg.en("ROUTING_UNKNOWN_BASIS", "id", id.asString(), "where", where)));
            }
            return b;
        }
    }

    /**
     * Routes one dossier.
     *
     * @param rules    the province's rules from pack.yaml
     * @param units    the pack's units by code
     * @param formData the form data as received, for a competent unit named in the form
     */
    static Decision.Routing route(Rules rules, Map<String, ReceivingUnit> units, Procedure p, Dossier d,
            Map<String, Object> formData) {
        Procedure.Competence c = p.competence();
        return c == null ? route(rules, units, p, null, null, null, null, null, d, formData)
                : route(rules, units, p, c.by(), c.field(), c.unit(), c.basis(), c.transfer(), d, formData);
    }

    /**
     * {@link #route(Rules, Map, Procedure, Dossier, Map)} with the parts of the procedure's competence given one by one
     * ({@code competenceBy} null when it has none), as {@link CompiledProcedure} holds them: the procedure's
     * {@link Procedure.Competence} record is not read (Session 22).
     */
    static Decision.Routing route(Rules rules, Map<String, ReceivingUnit> units, Procedure p,
            Procedure.Competence.By competenceBy, String competenceField, String competenceUnit, LegalBasis competenceBasis,
            Procedure.Competence.Transfer competenceTransfer, Dossier d, Map<String, Object> formData) {
        ReceivingUnit receiving = d.unit() == null ? null : units.get(d.unit());
        String competentCode = null;
        if (competenceBy != null) {
            competentCode = switch (competenceBy) {
                case RESIDENCE -> d.applicant() == null ? null : d.applicant().residenceUnit();
                case FORM_UNIT -> formText(formData, competenceField);
                case FIXED_UNIT -> competenceUnit;
                case RECEIVING_UNIT -> d.unit();
            };
        }
        ReceivingUnit competent = competentCode == null ? null : units.get(competentCode);
        boolean free = rules.boundaryFree() != null ? rules.boundaryFree() : p.boundaryFree();
        LegalBasis basis = rules.boundaryFree() != null && rules.basis() != null ? rules.basis()
                : competenceBy != null && competenceBasis != null ? competenceBasis : null;
        String by = competenceBy == null ? null : competenceBy.name();
        if (receiving == null || competent == null) {
            String key = receiving == null ? "ROUTING_NO_RECEIVING_UNIT" : "ROUTING_NO_COMPETENT_UNIT";
            return new Decision.Routing(unit(receiving), unit(competent), by, true, p.boundaryFree(),
                    rules.boundaryFree(), free, null, basis, null, Msg.vi(key), Msg.en(key));
        }
        if (receivesFor(receiving, competent, p)) {
            boolean same = receiving.code().equals(competent.code());
            Decision.Transfer transfer = same ? null : transfer(competenceTransfer, rules);
            String key = same ? "ROUTING_RECEIVED_BY_COMPETENT" : "ROUTING_CENTRE_TRANSFERS";
            return new Decision.Routing(unit(receiving), unit(competent), by, true, p.boundaryFree(),
                    rules.boundaryFree(), free, transfer, basis, null,
                    Msg.vi(key, "competent", competent.name().vi()), Msg.en(key, "competent", en(competent)));
        }
        if (free) {
            Decision.Transfer transfer = transfer(competenceTransfer, rules);
            String how = transfer == null ? "" : Msg.vi(transfer.counted() ? "ROUTING_TRANSFER_COUNTED" : "ROUTING_TRANSFER_ADDED",
                    "limit", transfer.limit().labelVi());
            // the English message names no transfer length: a time limit has no English label
            return new Decision.Routing(unit(receiving), unit(competent), by, true, p.boundaryFree(),
                    rules.boundaryFree(), true, transfer, basis, null,
                    Msg.vi("ROUTING_BOUNDARY_FREE", "receiving", receiving.name().vi(), "competent", competent.name().vi(),
                            "transfer", how),
                    Msg.en("ROUTING_BOUNDARY_FREE", "receiving", en(receiving), "competent", en(competent), "transfer", ""));
        }
        ReceivingUnit fileAt = fileAt(competent, units);
        return new Decision.Routing(unit(receiving), unit(competent), by, false, p.boundaryFree(), rules.boundaryFree(),
                false, null, basis, unit(fileAt),
                Msg.vi("ROUTING_WRONG_UNIT", "receiving", receiving.name().vi(), "fileAt", fileAt.name().vi(), "address",
                        fileAt.address() == null ? "" : Msg.vi("ROUTING_ADDRESS", "address", fileAt.address())),
                Msg.en("ROUTING_WRONG_UNIT", "receiving", en(receiving), "fileAt", en(fileAt), "address",
                        fileAt.address() == null ? "" : Msg.en("ROUTING_ADDRESS", "address", fileAt.address())));
    }

    /**
     * The receiving unit is the competent one, or a site of the provincial centre for a department or a
     * provincial-level procedure (the centre's one-stop desk receives for the province's agencies).
     */
    private static boolean receivesFor(ReceivingUnit receiving, ReceivingUnit competent, Procedure p) {
        return receiving.code().equals(competent.code()) || "PROVINCIAL_CENTRE".equals(receiving.kind())
                && ("PROVINCIAL_DEPARTMENT".equals(competent.kind()) || p.level() == Procedure.Level.PROVINCE);
    }

    /** Where to file: the competent unit, or for a department the first provincial-centre site. */
    private static ReceivingUnit fileAt(ReceivingUnit competent, Map<String, ReceivingUnit> units) {
        if ("PROVINCIAL_DEPARTMENT".equals(competent.kind())) {
            for (ReceivingUnit u : units.values()) {
                if ("PROVINCIAL_CENTRE".equals(u.kind())) {
                    return u;
                }
            }
        }
        return competent;
    }

    /** The procedure's own transfer ({@code competence.transfer}, null when it has none or no competence), else the pack's. */
    private static Decision.Transfer transfer(Procedure.Competence.Transfer own, Rules rules) {
        if (own != null) {
            return new Decision.Transfer(own.limit(), own.counted(), own.basis());
        }
        return rules.transfer();
    }

    private static Decision.RoutedUnit unit(ReceivingUnit u) {
        return u == null ? null : new Decision.RoutedUnit(u.code(), u.name().vi(), u.name().en(), u.kind(), u.address(),
                u.verified());
    }

    private static String en(ReceivingUnit u) {
        return u.name().en() != null ? u.name().en() : u.name().vi();
    }

    @SuppressWarnings("unchecked")
    private static String formText(Map<String, Object> form, String path) {
        Object cur = form;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<String, Object>) cur).get(part);
        }
        return cur instanceof String s ? s : null;
    }
}
