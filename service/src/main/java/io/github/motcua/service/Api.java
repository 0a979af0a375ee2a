package io.github.motcua.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.motcua.calendar.CalendarException;
import io.github.motcua.calendar.CutOff;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineRequest;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormsException;
import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.PrintableDocument;
import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.DecisionDocuments;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.NoPackLoadedException;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.UnableToLoadPackException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routing and handlers of the decision service. Every answer carries the hash of the pack that
 * produced it ({@value #PACK_HEADER}); every failure is an RFC 9457 problem in the language the
 * client asked for; nothing a handler throws reaches the client as a stack trace. Thread-safe: the
 * only state is the engine, itself thread-safe.
 */
final class Api implements HttpHandler {
    /** The response header naming the SHA-256 of the pack that produced the answer. */
    static final String PACK_HEADER = "Motcua-Pack-Sha256";
    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    static final String SCHEMA_JSON = "application/schema+json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    /** The e-form page: styles inline, no script at all. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action *; "
            + "frame-ancestors *; base-uri 'none'";
    static final Locale VI = Locale.forLanguageTag("vi");
    /** The document kinds of {@code POST /documents/{kind}}, as they appear in the path. */
    static final List<String> DOCUMENT_KINDS = List.of("receipt", "supplement-request", "refusal", "apology", "control-sheet");

    /** The logger of unexpected failures (the JDK's {@link System.Logger}: java.util.logging unless bridged). */
    static final String LOGGER = "io.github.motcua.service";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final Engine engine;
    private final Explainer explainer;
    private final byte[] tokenDigest;
    private final Supplier<DecisionService.Reload> reload;
    /** The load warnings of the pack with a hash, or null when the service did not load that pack. */
    private final Function<String, List<io.github.motcua.rules.PackProblem>> warnings;

    Api(Engine engine, Explainer explainer, byte[] tokenDigest, Supplier<DecisionService.Reload> reload,
            Function<String, List<io.github.motcua.rules.PackProblem>> warnings) {
        this.engine = engine;
        this.explainer = explainer;
        this.tokenDigest = tokenDigest;
        this.reload = reload;
        this.warnings = warnings;
    }

    /** What a handler answers: status, type, body and the pack hash that produced it. */
    record Answer(int status, String type, String body, String packSha256) {
    }

    @Override
    public void handle(HttpExchange ex) {
        Locale locale = language(ex.getRequestHeaders().getFirst("Accept-Language"));
        try (ex) {
            try {
                send(ex, route(ex, locale));
            } catch (ApiProblem p) {
                sendProblem(ex, p, locale);
            } catch (RuntimeException | StackOverflowError e) {
                // never a stack trace to the client: an incident id it can quote instead, and the same id in the log
                String incident = HttpLimits.randomId();
                logUnexpected(ex, incident, e);
                sendProblem(ex, ApiProblem.of(500, "INTERNAL", "instance", incident), locale);
            }
        } catch (IOException | RuntimeException ignored) {
            // the client has gone, or the answer had already started; nothing more can be told
        }
    }

    /**
     * Logs an unexpected failure once, at {@code ERROR} on the {@link System.Logger} {@value #LOGGER}, with the request's
     * method and path (no query, no header, no body: nothing of the dossier), the incident id the 500 answer carries,
     * and the exception's classes and frames without its messages ({@link HttpLimits#loggable}: a message may quote the
     * dossier). Never throws: a logger that fails must not cost the client its answer.
     */
    static void logUnexpected(HttpExchange ex, String incident, Throwable e) {
        try {
            String where = HttpLimits.requestLine(ex);
            LOG.log(System.Logger.Level.ERROR, () -> DecisionService.logLine("log.internal", "incident", incident) + ": " + where,
                    HttpLimits.loggable(e));
        } catch (RuntimeException | LinkageError ignored) {
            // the answer still names the incident
        }
    }

    /**
     * Vietnamese unless English ranks higher than Vietnamese in Accept-Language (RFC 9110 §12.5.4):
     * the first range, by weight, whose primary language is {@code en} or {@code vi} decides.
     */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return VI;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String primary = r.getRange().split("-")[0];
                if (r.getWeight() > 0 && (primary.equals("en") || primary.equals("vi"))) {
                    return primary.equals("en") ? Locale.ENGLISH : VI;
                }
            }
            return VI;
        } catch (IllegalArgumentException e) {
            return VI;
        }
    }

    private Answer route(HttpExchange ex, Locale locale) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        List<String> seg = new ArrayList<>();
        for (String s : (path == null ? "" : path).split("/")) {
            if (!s.isEmpty()) {
                seg.add(s);
            }
        }
        String p = path == null ? "/" : path;
        String first = seg.isEmpty() ? "" : seg.get(0);
        switch (first) {
            case "health":
                only(seg, 1, p);
                method(method, "GET", p);
                return json(200, Map.of("status", "UP"), engine.pack().map(PackInfo::sha256).orElse(null));
            case "ready":
                only(seg, 1, p);
                method(method, "GET", p);
                return ready(ex, locale);
            case "openapi.json":
                only(seg, 1, p);
                method(method, "GET", p);
                return new Answer(200, JSON, OpenApi.document(), engine.pack().map(PackInfo::sha256).orElse(null));
            case "decisions":
                if (seg.size() == 1) {
                    method(method, "POST", p);
                    return decide(ex, locale, false);
                }
                if (seg.size() == 2 && seg.get(1).equals("explain")) {
                    method(method, "POST", p);
                    return decide(ex, locale, true);
                }
                throw ApiProblem.notFound(p);
            case "procedures":
                method(method, "GET", p);
                return procedures(ex, seg, p, locale);
            case "documents":
                if (seg.size() != 2) {
                    throw ApiProblem.notFound(p);
                }
                method(method, "POST", p);
                return document(ex, seg.get(1), locale);
            case "calendar":
                if (seg.size() == 3 && seg.get(1).equals("days-off")) {
                    method(method, "GET", p);
                    return daysOff(seg.get(2));
                }
                throw ApiProblem.notFound(p);
            case "deadlines":
                only(seg, 1, p);
                method(method, "POST", p);
                return deadline(ex, locale);
            case "admin":
                if (seg.size() == 2 && seg.get(1).equals("reload")) {
                    method(method, "POST", p);
                    return reload(ex, locale);
                }
                throw ApiProblem.notFound(p);
            default:
                throw ApiProblem.notFound(p);
        }
    }

    private static void only(List<String> seg, int size, String path) {
        if (seg.size() != size) {
            throw ApiProblem.notFound(path);
        }
    }

    private static void method(String method, String allowed, String path) {
        if (!method.equals(allowed)) {
            throw ApiProblem.method(path, allowed);
        }
    }

    // ------------------------------------------------------------------ health

    /**
     * The serving pack and its warnings by file, line, column and code; their messages only for a request with the
     * admin token (a message may quote the pack's text, and {@code /ready} is open to every probe). A request that
     * sends an {@code Authorization} header is checked as the admin reload is: a wrong token is 401, none set 403.
     */
    private Answer ready(HttpExchange ex, Locale locale) {
        boolean admin = ex.getRequestHeaders().containsKey("Authorization");
        if (admin) {
            admin(ex);
        }
        PackInfo p = engine.pack().orElseThrow(() -> ApiProblem.of(503, "NOT_READY"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "READY");
        m.put("packId", p.id());
        m.put("packVersion", p.version());
        m.put("packSha256", p.sha256());
        // what does not keep the serving pack out (a cutOffs code it does not have): told, never silent
        List<io.github.motcua.rules.PackProblem> w = warnings.apply(p.sha256());
        if (w != null) {
            m.put("warnings", admin ? Views.problems(w, locale) : Views.places(w));
        }
        return json(200, m, p.sha256());
    }

    // ------------------------------------------------------------------ decisions

    private Answer decide(HttpExchange ex, Locale locale, boolean explain) throws IOException {
        String json = jsonBody(ex);
        JsonNode tree = JsonBodies.parse(json);
        Decision d = decide(json, tree, "");
        String sha = d.provenance() == null ? engine.pack().map(PackInfo::sha256).orElse(null) : d.provenance().packSha256();
        if (!explain) {
            // exactly what `decide` prints
            return new Answer(200, JSON, d.toJson() + "\n", sha);
        }
        Procedure procedure = engine.catalog().stream().filter(x -> x.code().equals(d.procedure())).findFirst().orElse(null);
        ObjectNode out = JsonBodies.JSON.createObjectNode();
        out.set("decision", JsonBodies.JSON.readTree(d.toJson()));
        out.put("language", Messages.english(locale) ? "en" : "vi");
        out.put("explanation", explainer.explain(d, procedure, locale));
        return new Answer(200, JSON, out.toString() + "\n", sha);
    }

    /** Decides dossier JSON that parsed; the library's refusals become problems with pointers under {@code prefix}. */
    private Decision decide(String json, JsonNode tree, String prefix) {
        try {
            return engine.decide(json);
        } catch (NoPackLoadedException e) {
            throw ApiProblem.of(503, "NOT_READY");
        } catch (NoSuchProcedureException e) {
            throw ApiProblem.of(404, "UNKNOWN_PROCEDURE", "code", e.code());
        } catch (InvalidDossierException e) {
            throw invalidDossier(e.toProblems(), prefix);
        } catch (UnableToLoadPackException e) {
            throw ApiProblem.of(503, "PROCEDURE_UNAVAILABLE", "code", tree.path("procedure").asString(""));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(422, "INVALID_DOSSIER", "count", "1").withItems(List.of(
                    ApiProblem.Item.of(prefix, "ITEM_INVALID_VALUE", "detail", io.github.motcua.kernel.Failures.detail(e))));
        }
    }

    /**
     * The library's problems with a dossier as problem items: each keeps its stable code, its JSON
     * pointer (under {@code prefix}) or line and column, and its Vietnamese and English messages.
     */
    static ApiProblem invalidDossier(List<Problem> problems, String prefix) {
        List<ApiProblem.Item> items = new ArrayList<>();
        for (Problem p : problems) {
            items.add(ApiProblem.Item.of(prefix, p));
        }
        return ApiProblem.of(422, "INVALID_DOSSIER", "count", Integer.toString(items.size())).withItems(items);
    }

    // ------------------------------------------------------------------ catalogue

    private Answer procedures(HttpExchange ex, List<String> seg, String path, Locale locale) {
        if (seg.size() == 1) {
            Map<String, List<String>> q = Query.parse(ex.getRequestURI().getRawQuery());
            Query.Filter f = Query.filter(q);
            return consistent(pack -> {
                FormRegistry forms = engine.forms().orElse(null);
                List<Map<String, Object>> list = new ArrayList<>();
                for (Procedure p : engine.catalog()) {
                    if (f.test(p)) {
                        list.add(Views.entry(p, forms != null && forms.hasForm(p.code())));
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("packId", pack.id());
                m.put("packVersion", pack.version());
                m.put("packSha256", pack.sha256());
                m.put("procedures", list);
                return new Answer(200, JSON, JsonBodies.text(m) + "\n", pack.sha256());
            });
        }
        String code = seg.get(1);
        if (seg.size() == 2) {
            return consistent(pack -> {
                Procedure p = procedure(code);
                FormRegistry forms = engine.forms().orElse(null);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("packSha256", pack.sha256());
                m.put("procedure", Views.entry(p, forms != null && forms.hasForm(p.code())));
                m.put("guide", Views.guide(p));
                return new Answer(200, JSON, JsonBodies.text(m) + "\n", pack.sha256());
            });
        }
        if (seg.size() == 3 && seg.get(2).equals("form")) {
            return consistent(pack -> new Answer(200, SCHEMA_JSON, forms(code).bundledSchema(code) + "\n", pack.sha256()));
        }
        if (seg.size() == 3 && seg.get(2).equals("form.html")) {
            Map<String, List<String>> q = Query.parse(ex.getRequestURI().getRawQuery());
            String action = Query.first(q, "action");
            String target = action == null || action.isBlank() ? "/procedures/" + code + "/form.html" : action;
            return consistent(pack -> {
                try {
                    String html = forms(code).renderer().renderForm(code, Map.of(), null, locale, target);
                    return new Answer(200, HTML, html, pack.sha256());
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.of(400, "INVALID_REQUEST", "count", "1").withItems(List.of(
                            ApiProblem.Item.of("?action", "ITEM_BAD_FORM_ACTION", "action", String.valueOf(action))));
                }
            });
        }
        throw ApiProblem.notFound(path);
    }

    private Procedure procedure(String code) {
        return engine.catalog().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiProblem.of(404, "UNKNOWN_PROCEDURE", "code", code));
    }

    private FormRegistry forms(String code) {
        procedure(code);
        FormRegistry forms = engine.forms().orElse(null);
        if (forms == null || !forms.hasForm(code)) {
            throw ApiProblem.of(404, "NO_FORM", "code", code);
        }
        return forms;
    }

    /**
     * Runs {@code view} on the serving pack and answers with that pack's hash; when a reload swapped
     * the pack meanwhile, runs again, so the hash named is the one that produced the answer.
     */
    private Answer consistent(Function<PackInfo, Answer> view) {
        for (int attempt = 0; ; attempt++) {
            PackInfo before = engine.pack().orElseThrow(() -> ApiProblem.of(503, "NOT_READY"));
            Answer a = view.apply(before);
            Optional<PackInfo> after = engine.pack();
            if ((after.isPresent() && after.get().sha256().equals(before.sha256())) || attempt == 5) {
                return a;
            }
        }
    }

    // ------------------------------------------------------------------ documents

    private Answer document(HttpExchange ex, String kind, Locale locale) throws IOException {
        if (!DOCUMENT_KINDS.contains(kind)) {
            throw ApiProblem.of(404, "UNKNOWN_DOCUMENT", "kind", kind, "kinds", String.join(", ", DOCUMENT_KINDS));
        }
        String json = jsonBody(ex);
        JsonNode body = JsonBodies.parse(json);
        Fields f = new Fields(body);
        JsonNode dossierNode = f.object("/dossier", true);
        JsonNode h = f.object("/header", true);
        String officer = f.text("/officer", false);
        if (dossierNode == null || h == null) {
            throw f.problem();
        }
        f.check(); // the request's own shape first: no decision is made for a request that cannot be printed
        Decision decision = decide(dossierNode.toString(), dossierNode, "/dossier");
        String sha = decision.provenance() == null ? engine.pack().map(PackInfo::sha256).orElse(null)
                : decision.provenance().packSha256();
        Procedure procedure = procedure(decision.procedure());
        Addressee applicant = applicant(f, h, dossierNode);
        LocalDate issuedOn = f.date("/header/issuedOn", true);
        String office = f.text("/header/office", true);
        String place = f.text("/header/place", true);
        String dossierCode = f.text("/header/dossierCode", true);
        f.check();
        DocumentHeader header = DocumentHeader.builder().superiorAgency(f.text("/header/superiorAgency", false)).office(office)
                .documentNumber(f.text("/header/documentNumber", false)).place(place).issuedOn(issuedOn)
                .dossierCode(dossierCode).procedureName(procedure.name().vi()).applicant(applicant).build();
        OffsetDateTime receivedAt = OffsetDateTime.parse(dossierNode.get("receivedAt").asString());
        Channel channel = Channel.valueOf(dossierNode.get("channel").asString());
        PrintableDocument doc;
        try {
            doc = switch (kind) {
                case "receipt" -> DecisionDocuments.receiptSlip(decision, procedure, new DecisionDocuments.ReceiptDetails(
                        header, receivedAt, channel, f.text("/returnPlace", false), officer, new LinkedHashSet<>(f.texts("/received"))));
                case "supplement-request" -> DecisionDocuments.supplementRequest(decision, header, f.texts("/missingComponents"), officer);
                case "refusal" -> DecisionDocuments.refusal(decision, header, officer);
                case "apology" -> apology(f, decision, header, officer);
                default -> DecisionDocuments.controlSheet(decision, header, receivedAt);
            };
        } catch (IllegalArgumentException | io.github.motcua.calendar.InvalidDeadlineException e) {
            throw ApiProblem.of(422, "DOCUMENT_NOT_APPLICABLE", "document", kind, "eligibility", decision.eligibility().name(),
                    "reason", io.github.motcua.kernel.Failures.detail(e));
        }
        FormRegistry forms = engine.forms().orElseThrow(() -> ApiProblem.of(404, "NO_FORM", "code", procedure.code()));
        try {
            return new Answer(200, HTML, forms.documents().render(doc, locale), sha);
        } catch (FormsException e) {
            throw ApiProblem.of(422, "DOCUMENT_NOT_APPLICABLE", "document", kind, "eligibility", decision.eligibility().name(),
                    "reason", io.github.motcua.kernel.Failures.detail(e));
        }
    }

    private static Addressee applicant(Fields f, JsonNode header, JsonNode dossier) {
        JsonNode a = header.get("applicant");
        if (a != null && a.isObject()) {
            String name = f.text("/header/applicant/fullName", true);
            if (name == null || name.isBlank()) {
                return null;
            }
            return new Addressee(name, f.text("/header/applicant/personalId", false), f.text("/header/applicant/address", false),
                    f.text("/header/applicant/phone", false), f.text("/header/applicant/email", false));
        }
        JsonNode name = dossier.path("applicant").path("fullName");
        if (name.isString() && !name.asString().isBlank()) {
            return new Addressee(name.asString(), dossier.path("applicant").path("personalId").asString(null), null, null, null);
        }
        f.add("/header/applicant/fullName", "ITEM_APPLICANT_NAME");
        return null;
    }

    private PrintableDocument apology(Fields f, Decision decision, DocumentHeader header, String officer) {
        Instant issuedAt = f.instant("/issuedAt", true);
        Instant newDue = f.instant("/newDue", true);
        String reason = f.text("/reason", true);
        f.check();
        DeadlineEngine deadlines = engine.deadlineEngine().orElseThrow(() -> ApiProblem.of(503, "NOT_READY"));
        return DecisionDocuments.apology(decision, deadlines, header, issuedAt, newDue, reason, null, officer).letter();
    }

    // ------------------------------------------------------------------ calendar and deadlines

    private Answer daysOff(String yearText) {
        int year;
        try {
            year = Integer.parseInt(yearText);
        } catch (NumberFormatException e) {
            throw ApiProblem.of(400, "YEAR_OUT_OF_RANGE", "year", yearText);
        }
        if (year < 1900 || year > 2199) {
            throw ApiProblem.of(400, "YEAR_OUT_OF_RANGE", "year", yearText);
        }
        return consistent(pack -> {
            DeadlineEngine d = engine.deadlineEngine().orElseThrow(() -> ApiProblem.of(503, "NOT_READY"));
            try {
                Map<String, Object> m = Views.daysOff(d.calendar(), year);
                m.put("packSha256", pack.sha256());
                return new Answer(200, JSON, JsonBodies.text(m) + "\n", pack.sha256());
            } catch (CalendarException e) {
                throw ApiProblem.of(400, "YEAR_OUT_OF_RANGE", "year", yearText);
            }
        });
    }

    private Answer deadline(HttpExchange ex, Locale locale) throws IOException {
        JsonNode body = JsonBodies.parse(jsonBody(ex));
        Fields f = new Fields(body);
        Instant receivedAt = f.instant("/receivedAt", true);
        String channelText = f.text("/channel", false);
        Channel channel = Channel.DESK;
        if (channelText != null) {
            try {
                channel = Channel.valueOf(channelText);
            } catch (IllegalArgumentException e) {
                f.add("/channel", "ITEM_BAD_CHANNEL", "value", channelText);
            }
        }
        JsonNode limitNode = f.object("/limit", true);
        long amount = limitNode == null ? 0 : f.integer("/limit/amount", true);
        String unitText = limitNode == null ? null : f.text("/limit/unit", true);
        DeadlineUnit unit = null;
        if (unitText != null) {
            try {
                unit = DeadlineUnit.valueOf(unitText);
            } catch (IllegalArgumentException e) {
                f.add("/limit/unit", "ITEM_BAD_UNIT", "value", unitText);
            }
        }
        String cutOffText = f.text("/cutOff", false);
        LocalTime cutOff = null;
        if (cutOffText != null && !cutOffText.equals("none")) {
            try {
                cutOff = LocalTime.parse(cutOffText);
            } catch (DateTimeParseException e) {
                f.add("/cutOff", "ITEM_BAD_CUT_OFF", "value", cutOffText);
            }
        }
        f.check();
        Channel ch = channel;
        DeadlineUnit u = unit;
        LocalTime c = cutOff;
        boolean none = "none".equals(cutOffText);
        return consistent(pack -> {
            DeadlineEngine d = engine.deadlineEngine().orElseThrow(() -> ApiProblem.of(503, "NOT_READY"));
            try {
                // an hour given cites the bases of the engine's default cut-off; "none": no cut-off at all
                CutOff cut = none ? CutOff.none() : c == null ? null : new CutOff(c, d.defaultCutOff().bases());
                Map<String, Object> m = Views.deadline(d.compute(DeadlineRequest.of(receivedAt, ch, new TimeLimit(amount, u))
                        .withCutOff(cut)));
                m.put("packSha256", pack.sha256());
                return new Answer(200, JSON, JsonBodies.text(m) + "\n", pack.sha256());
            } catch (CalendarException e) {
                // the calendar's own problem: its code and its message in both languages
                throw ApiProblem.of(422, "INVALID_REQUEST", "count", "1").withItems(List.of(ApiProblem.Item.of("", e.toProblem())));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.of(422, "INVALID_REQUEST", "count", "1").withItems(List.of(
                        ApiProblem.Item.of("", "ITEM_DEADLINE_FAILED", "detail", io.github.motcua.kernel.Failures.detail(e))));
            }
        });
    }

    // ------------------------------------------------------------------ administration

    private Answer reload(HttpExchange ex, Locale locale) throws IOException {
        HttpLimits.drain(ex.getRequestBody(), JsonBodies.MAX_BYTES);
        admin(ex);
        DecisionService.Reload r;
        try {
            r = reload.get();
        } catch (IllegalStateException e) {
            throw ApiProblem.of(503, "RELOAD_TIMEOUT", "seconds", Long.toString(DecisionService.RELOAD_WAIT.toSeconds()));
        }
        if (!r.swapped()) {
            // a load lists at most 10,000 problems, the last then PROBLEMS_MORE counting the rest: "10000+"
            List<io.github.motcua.rules.PackProblem> ps = r.problems();
            boolean capped = io.github.motcua.rules.PackProblem.capped(ps);
            throw ApiProblem.of(422, "PACK_PROBLEMS", "count", capped ? (ps.size() - 1) + "+" : Integer.toString(ps.size()),
                    "serving", String.valueOf(r.servingSha256())).withPackProblems(Views.problems(r.problems(), locale));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("swapped", true);
        m.put("packSha256", r.servingSha256());
        m.put("warnings", Views.problems(r.warnings(), locale));
        return json(200, m, r.servingSha256());
    }

    /** Refuses a request without the admin token: 403 when the service has none, else 401 unless it is the token. */
    private void admin(HttpExchange ex) {
        if (tokenDigest == null) {
            throw ApiProblem.of(403, "ADMIN_DISABLED");
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        byte[] given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? digest(auth.substring(7).strip()) : new byte[tokenDigest.length];
        // constant time: equal-length digests compared in full whatever the first difference
        if (!MessageDigest.isEqual(tokenDigest, given) || auth == null) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"motcua-admin\"");
            throw ApiProblem.of(401, "UNAUTHORIZED");
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** The body as JSON text: {@code application/json}, at most {@link JsonBodies#MAX_BYTES}, strict UTF-8. */
    private static String jsonBody(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (!isJson(type)) {
            throw ApiProblem.of(415, "UNSUPPORTED_MEDIA_TYPE", "expected", "application/json", "given", String.valueOf(type));
        }
        byte[] body;
        try {
            body = HttpLimits.readBody(ex.getRequestBody(), ex.getRequestHeaders().getFirst("Content-Length"), JsonBodies.MAX_BYTES);
        } catch (HttpLimits.BodyTooLargeException e) {
            ApiProblem p = ApiProblem.of(413, "BODY_TOO_LARGE", "max", Long.toString(e.max()));
            throw e.closeConnection() ? p.closingConnection() : p;
        } catch (HttpLimits.BadContentLengthException e) {
            throw ApiProblem.of(400, "MALFORMED_JSON", "line", "0", "column", "0").closingConnection();
        }
        return JsonBodies.utf8(body);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=") && !param.equals("charset=utf-8") && !param.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return true;
    }

    private static Answer json(int status, Object value, String sha) {
        return new Answer(status, JSON, JsonBodies.text(value) + "\n", sha);
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", a.type());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        if (a.type().startsWith("text/html")) {
            h.set("Content-Security-Policy", CSP);
            h.set("Referrer-Policy", "no-referrer");
        }
        if (a.packSha256() != null) {
            h.set(PACK_HEADER, a.packSha256());
        }
        ex.sendResponseHeaders(a.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendProblem(HttpExchange ex, ApiProblem p, Locale locale) throws IOException {
        String sha = engine.pack().map(PackInfo::sha256).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "urn:motcua:problem:" + p.code());
        m.put("title", p.title(locale));
        m.put("status", p.status);
        m.put("detail", p.detail(locale));
        m.put("instance", "urn:motcua:incident:" + p.problem.args().getOrDefault("instance", HttpLimits.randomId()));
        m.put("code", p.code());
        m.put("language", Messages.english(locale) ? "en" : "vi");
        if (sha != null) {
            m.put("packSha256", sha);
        }
        if (!p.items.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ApiProblem.Item i : p.items) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("pointer", i.pointer());
                x.put("detail", i.message(locale));
                x.put("code", i.code());
                if (i.problem().line() > 0) {
                    x.put("line", i.problem().line());
                    if (i.problem().column() > 0) {
                        x.put("column", i.problem().column());
                    }
                }
                errors.add(x);
            }
            m.put("errors", errors);
        }
        if (p.packProblems != null) {
            m.put("problems", p.packProblems);
        }
        if (p.allow != null) {
            ex.getResponseHeaders().set("Allow", p.allow);
        }
        if (p.closeConnection) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        ex.getResponseHeaders().set("Content-Language", Messages.english(locale) ? "en" : "vi");
        send(ex, new Answer(p.status, PROBLEM_JSON, JsonBodies.text(m) + "\n", sha));
    }

    /**
     * Reads the fields of a request body, collecting every wrong value before answering once with all
     * of them (422), as a form does.
     */
    static final class Fields {
        private final JsonNode root;
        private final List<ApiProblem.Item> items = new ArrayList<>();
        private final Set<String> reported = new LinkedHashSet<>();

        Fields(JsonNode root) {
            this.root = root;
            if (!root.isObject()) {
                add("", "ITEM_BODY_NOT_OBJECT");
                check();
            }
        }

        /** The service bundle's message {@code key} (an {@code ITEM_} key) at the pointer, once per pointer. */
        void add(String pointer, String key, String... nameValuePairs) {
            if (reported.add(pointer)) {
                items.add(ApiProblem.Item.of(pointer, key, nameValuePairs));
            }
        }

        ApiProblem problem() {
            return ApiProblem.of(422, "INVALID_REQUEST", "count", Integer.toString(items.size())).withItems(items);
        }

        void check() {
            if (!items.isEmpty()) {
                throw problem();
            }
        }

        private JsonNode at(String pointer, boolean required) {
            JsonNode n = root.at(pointer);
            if (n.isMissingNode() || n.isNull()) {
                if (required) {
                    add(pointer, "ITEM_REQUIRED");
                }
                return null;
            }
            return n;
        }

        JsonNode object(String pointer, boolean required) {
            JsonNode n = at(pointer, required);
            if (n != null && !n.isObject()) {
                add(pointer, "ITEM_NOT_OBJECT");
                return null;
            }
            return n;
        }

        String text(String pointer, boolean required) {
            JsonNode n = at(pointer, required);
            if (n == null) {
                return null;
            }
            if (!n.isString() || (required && n.asString().isBlank())) {
                add(pointer, "ITEM_NOT_TEXT");
                return null;
            }
            return n.asString();
        }

        List<String> texts(String pointer) {
            JsonNode n = at(pointer, false);
            if (n == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (n.isArray()) {
                for (JsonNode x : n) {
                    if (x.isString()) {
                        out.add(x.asString());
                    } else {
                        add(pointer, "ITEM_NOT_TEXTS");
                    }
                }
            } else {
                add(pointer, "ITEM_NOT_TEXTS");
            }
            check();
            return out;
        }

        long integer(String pointer, boolean required) {
            JsonNode n = at(pointer, required);
            if (n == null) {
                return 0;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                add(pointer, "ITEM_NOT_INTEGER");
                return 0;
            }
            return n.asLong();
        }

        LocalDate date(String pointer, boolean required) {
            String s = text(pointer, required);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                add(pointer, "ITEM_NOT_DATE", "value", s);
                return null;
            }
        }

        Instant instant(String pointer, boolean required) {
            String s = text(pointer, required);
            if (s == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                add(pointer, "ITEM_NOT_DATE_TIME", "value", s);
                return null;
            }
        }
    }
}
