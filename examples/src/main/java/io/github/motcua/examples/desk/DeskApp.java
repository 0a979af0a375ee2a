package io.github.motcua.examples.desk;

import static io.github.motcua.examples.desk.Html.esc;
import static io.github.motcua.examples.desk.Http.cookie;
import static io.github.motcua.examples.desk.Http.first;
import static io.github.motcua.examples.desk.Http.parseForm;
import static io.github.motcua.examples.desk.Http.parseQuery;
import static io.github.motcua.examples.desk.Http.readBody;
import static io.github.motcua.examples.desk.Http.redirect;
import static io.github.motcua.examples.desk.Http.send;
import static io.github.motcua.examples.desk.Http.staticFile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.motcua.dossier.Channel;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.PostedForm;
import io.github.motcua.forms.PrefillResult;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.Tracking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routing and pages of the desk. Thread-safe: the only shared state is the {@link Filings} store.
 */
final class DeskApp implements HttpHandler {
    static final String CSRF_COOKIE = "motcua_csrf";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter INPUT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    /** A time as messages show it to the officer: {@code 09:00 ngày 09/03/2027}. */
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern(DeskMessages.vi("DESK_APP_TIME_PATTERN"), Locale.ROOT);

    /**
     * Applicant categories (đối tượng) an officer ticks, with their Vietnamese names: the shared list
     * ({@link io.github.motcua.dossier.ApplicantCategory}) less those the engine derives from the birth date.
     */
    static final Map<String, String> CATEGORIES = java.util.Collections.unmodifiableMap(
            java.util.Arrays.stream(io.github.motcua.dossier.ApplicantCategory.values()).filter(c -> !c.byAge())
                    .collect(java.util.stream.Collectors.toMap(Enum::name,
                            io.github.motcua.dossier.ApplicantCategory::labelVi, (a, b) -> a, java.util.LinkedHashMap::new)));

    /** The logger of unexpected failures (the JDK's {@link System.Logger}: java.util.logging unless bridged). */
    static final String LOGGER = "io.github.motcua.examples.desk";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final Engine engine;
    private final FormRegistry forms;
    private final DemoPopulationRegister register;
    private final Clock clock;
    private final Filings filings;
    private final FieldLabels labels;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> heldSources;

    DeskApp(Engine engine, FormRegistry forms, DemoPopulationRegister register, Clock clock, Filings filings) {
        this.engine = engine;
        this.filings = filings;
        this.labels = new FieldLabels(forms);
        this.forms = forms;
        this.register = register;
        this.clock = clock;
        Map<String, String> held = new TreeMap<>();
        held.put(DemoPopulationRegister.SOURCE_ID, t("DESK_APP_POPULATION_DB"));
        for (Procedure p : engine.catalog()) {
            p.components().forEach(c -> {
                if (c.waivableBy() != null) {
                    held.putIfAbsent(c.waivableBy().source(),
                            c.waivableBy().name() == null ? c.waivableBy().source() : c.waivableBy().name().vi());
                }
            });
        }
        // results an earlier procedure issued, held in the citizen's data store (digitisation.yaml)
        engine.section(io.github.motcua.rules.Digitisation.NAME, io.github.motcua.rules.Digitisation.Declared.class)
                .ifPresent(dg -> dg.reusableResults().forEach(r -> held.putIfAbsent(r.key(), t("DESK_APP_DIGITISED_RESULT",
                        "result", r.nameVi(), "procedure", r.key().substring(0, r.key().indexOf('/'))))));
        // in the order of their codes on every run (Map.copyOf's order changes from one JVM to the next)
        this.heldSources = java.util.Collections.unmodifiableMap(held);
    }

    /** The dossiers and form tokens this desk keeps. */
    Filings filings() {
        return filings;
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    public void handle(HttpExchange ex) {
        try (ex) {
            try {
                route(ex);
            } catch (HttpProblem p) {
                send(ex, p.status, Html.page(p.title, "<h1>" + esc(p.title) + "</h1><p>" + esc(p.detail)
                        + "</p><p><a href=\"/\">" + esc(t("DESK_APP_HOME")) + "</a></p>"), p.allow);
            } catch (RuntimeException | StackOverflowError e) {
                // never a stack trace to the browser; the officer sees a plain Vietnamese page with an incident id to
                // quote, and the operator finds the same id in the log with the exception
                String incident = io.github.motcua.service.HttpLimits.randomId();
                logUnexpected(ex, incident, e);
                send(ex, 500, Html.page(t("DESK_APP_ERROR"), "<h1>" + esc(t("DESK_APP_ERROR")) + "</h1><p>"
                        + esc(t("DESK_APP_ERROR_DETAIL", "incident", incident)) + "</p>"), null);
            }
        } catch (IOException | RuntimeException ignored) {
            // the client has gone, or the response was already started; nothing more to tell it
        }
    }

    /**
     * Logs an unexpected failure once, at {@code ERROR} on the {@link System.Logger} {@value #LOGGER}: the request's
     * method and path (no query, no form field, no cookie: nothing of the citizen), the incident id the 500 page shows,
     * and the exception's classes and frames without its messages ({@code HttpLimits.loggable}: a message may quote a
     * form field or a header). Never throws: a failing logger must not cost the officer the page.
     */
    static void logUnexpected(HttpExchange ex, String incident, Throwable e) {
        try {
            String where = io.github.motcua.service.HttpLimits.requestLine(ex);
            LOG.log(System.Logger.Level.ERROR, () -> DeskMessages.both("DESK_APP_LOG_INTERNAL", "incident", incident) + ": " + where,
                    io.github.motcua.service.HttpLimits.loggable(e));
        } catch (RuntimeException | LinkageError ignored) {
            // the page still shows the incident id
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        int port = ex.getLocalAddress().getPort();
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            // a page of another site that resolves its own name to 127.0.0.1 (DNS rebinding) is refused
            throw new HttpProblem(421, t("DESK_APP_BAD_HOST"), t("DESK_APP_BAD_HOST_DETAIL", "port", port), null);
        }
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        if (path == null) {
            throw HttpProblem.notFound();
        }
        List<String> seg = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                seg.add(s);
            }
        }
        if (seg.isEmpty()) {
            requireGet(method);
            send(ex, 200, indexPage(false), null);
        } else if (seg.size() == 1 && seg.get(0).equals("cong-dich-vu")) {
            requireGet(method);
            send(ex, 200, indexPage(true), null);
        } else if (seg.size() == 2 && (seg.get(0).equals("thu-tuc") || seg.get(0).equals("cong-dich-vu"))) {
            boolean portal = seg.get(0).equals("cong-dich-vu");
            Procedure p = procedure(seg.get(1), portal);
            if (method.equals("GET") || method.equals("HEAD")) {
                showForm(ex, p, portal);
            } else if (method.equals("POST")) {
                submit(ex, p, portal);
            } else {
                throw HttpProblem.method("GET, HEAD, POST");
            }
        } else if (seg.size() == 3 && seg.get(0).equals("ho-so") && seg.get(2).equals("tien-do") && method.equals("POST")) {
            String session = cookie(ex, CSRF_COOKIE);
            Filing f = filings.get(seg.get(1)).filter(x -> x.filedBy(session)).orElseThrow(() -> new HttpProblem(404,
                    t("DESK_APP_NO_DOSSIER"), t("DESK_APP_NO_DOSSIER_DETAIL", "id", seg.get(1)), null));
            recordEvent(ex, f, session);
        } else if (seg.size() >= 2 && seg.size() <= 3 && seg.get(0).equals("ho-so")) {
            if (seg.size() == 3 && seg.get(2).equals("tien-do")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    throw HttpProblem.method("GET, HEAD, POST");
                }
            } else {
                requireGet(method);
            }
            String session = cookie(ex, CSRF_COOKIE);
            // another session's dossier answers exactly like one that does not exist
            Filing f = filings.get(seg.get(1)).filter(x -> x.filedBy(session)).orElseThrow(() -> new HttpProblem(404,
                    t("DESK_APP_NO_DOSSIER"), t("DESK_APP_NO_DOSSIER_DETAIL", "id", seg.get(1)), null));
            if (seg.size() == 2) {
                send(ex, 200, DecisionPage.render(f, labels), null);
            } else if (seg.get(2).equals("tien-do")) {
                send(ex, 200, TimelinePage.render(f, engine.deadlineEngine().orElse(null), f.events().list(), clock.instant(),
                        session, null), null);
            } else if (seg.get(2).equals("giay-tiep-nhan")) {
                Map<String, List<String>> query = parseQuery(ex.getRequestURI().getRawQuery());
                send(ex, 200, DecisionPage.receipt(f, forms.documents(), Set.copyOf(query.getOrDefault("daNhan", List.of()))), null);
            } else {
                throw HttpProblem.notFound();
            }
        } else if (seg.size() == 2 && seg.get(0).equals("huong-dan")) {
            // the citizen's guide of a procedure (issue 18 item 2): its process as a picture, fees, reliefs
            requireGet(method);
            Procedure p = procedure(seg.get(1), false);
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(VN));
            send(ex, 200, io.github.motcua.examples.catalog.Catalogues.guideHtml(io.github.motcua.examples.catalog.Catalogues
                    .guide(engine, engine::feeTable, p.code(), today), VI), null);
        } else if (seg.size() == 2 && seg.get(0).equals("ho-so-mau")) {
            // a starting dossier (JSON) for integrators and for decide, as `example-dossier PACK CODE` prints it
            requireGet(method);
            Procedure p = procedure(seg.get(1), false);
            byte[] json = io.github.motcua.examples.catalog.Json.write(
                    io.github.motcua.examples.cli.ExampleDossierCommand.dossier(engine, p)).getBytes(StandardCharsets.UTF_8);
            Http.headers(ex, "application/json; charset=utf-8");
            ex.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + p.code().replaceAll("[^A-Za-z0-9._-]", "_")
                    + ".json\"");
            Http.body(ex, 200, json);
        } else if (seg.size() == 2 && seg.get(0).equals("static")) {
            requireGet(method);
            staticFile(ex, seg.get(1));
        } else {
            throw HttpProblem.notFound();
        }
    }

    /** Only GET, and HEAD which is answered as GET without the body (RFC 9110 §9.3.2; it was 405 until session 20). */
    private static void requireGet(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw HttpProblem.method("GET, HEAD");
        }
    }

    private Procedure procedure(String code, boolean portal) {
        Procedure p = engine.catalog().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new HttpProblem(404, t("DESK_APP_NO_PROCEDURE"), t("DESK_APP_NO_PROCEDURE_DETAIL", "code", code), null));
        if (portal && !p.channels().contains(Channel.ONLINE)) {
            throw new HttpProblem(404, t("DESK_APP_NOT_ONLINE"), t("DESK_APP_NOT_ONLINE_DETAIL", "code", code), null);
        }
        return p;
    }

    // ------------------------------------------------------------------ pages

    private String indexPage(boolean portal) {
        Map<String, List<Procedure>> byField = new TreeMap<>(Comparator.comparing((String s) -> s, java.text.Collator.getInstance(VI)));
        for (Procedure p : engine.catalog()) {
            if (portal && !p.channels().contains(Channel.ONLINE)) {
                continue;
            }
            byField.computeIfAbsent(p.field() == null ? t("DESK_APP_OTHER_FIELD") : p.field().vi(), k -> new ArrayList<>()).add(p);
        }
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(t(portal ? "DESK_APP_HOME_PORTAL" : "DESK_APP_HOME_DESK"))).append("</h1>");
        b.append("<p>").append(esc(t("DESK_APP_PACK", "name", engine.pack().orElseThrow().name().vi(), "version",
                engine.pack().orElseThrow().version()))).append("</p>");
        for (Map.Entry<String, List<Procedure>> e : byField.entrySet()) {
            b.append("<section class=\"field\"><h2>").append(esc(t("DESK_APP_FIELD", "field", e.getKey()))).append("</h2><ul class=\"procedures\">");
            for (Procedure p : e.getValue()) {
                b.append("<li><a href=\"/").append(portal ? "cong-dich-vu" : "thu-tuc").append('/').append(esc(p.code()))
                        .append("\">").append(esc(p.name().vi())).append("</a> <span class=\"code\">(")
                        .append(esc(p.code())).append(")</span> <a class=\"guide\" href=\"/huong-dan/").append(esc(p.code()))
                        .append("\">").append(esc(t("DESK_APP_GUIDE"))).append("</a> <a class=\"example\" href=\"/ho-so-mau/").append(esc(p.code()))
                        .append("\" title=\"").append(esc(t("DESK_APP_EXAMPLE_TITLE"))).append("\">").append(esc(t("DESK_APP_EXAMPLE")))
                        .append("</a></li>");
            }
            b.append("</ul></section>");
        }
        return Html.page(t(portal ? "DESK_PORTAL" : "DESK_APP_CHOOSE"), b.toString());
    }

    private void showForm(HttpExchange ex, Procedure p, boolean portal) throws IOException {
        Map<String, List<String>> query = parseQuery(ex.getRequestURI().getRawQuery());
        FormState st = new FormState();
        st.circ.receivedAt = LocalDateTime.now(clock.withZone(VN)).truncatedTo(ChronoUnit.MINUTES).format(INPUT_TIME);
        st.circ.channel = portal ? Channel.ONLINE.name() : Channel.DESK.name();
        String personalId = first(query, "soDinhDanh");
        Map<String, Object> data = new LinkedHashMap<>();
        String digits = personalId == null ? "" : personalId.replaceAll("[\\s.-]", "");
        if (personalId != null && !personalId.isBlank() && !portal && !digits.matches("[0-9]{12}")) {
            // not a personal number (12 digits): said so, and never echoed whole — a query of a megabyte came back twice
            st.circ.personalId = shortened(personalId.strip());
            st.notice = t("DESK_APP_BAD_PERSONAL_ID", "id", st.circ.personalId);
        } else if (personalId != null && !personalId.isBlank() && !portal) {
            st.circ.personalId = digits; // typed in groups (052 090 004 321) as the decision reads it
            if (register.find(st.circ.personalId).isPresent()) {
                if (forms.hasForm(p.code())) {
                    PrefillResult r = forms.prefill(p.code(), Map.of(), st.circ.personalId, List.of(register));
                    data = new LinkedHashMap<>(r.data());
                    st.notice = t("DESK_APP_PREFILLED", "count", r.filled().size());
                } else {
                    st.notice = t("DESK_APP_FOUND_NO_FORM");
                }
                st.circ.heldData.add(DemoPopulationRegister.SOURCE_ID);
                register.find(st.circ.personalId).ifPresent(c -> st.circ.residenceUnit = c.unitCode());
            } else {
                st.notice = t("DESK_APP_NOT_IN_REGISTER", "id", st.circ.personalId);
            }
        }
        st.token = filings.issueToken(random);
        sendForm(ex, 200, p, portal, data, null, st);
    }

    /** At most 20 characters of what was typed, then "…": enough to recognise it, too little to echo a flood. */
    private static String shortened(String typed) {
        return typed.length() <= 20 ? typed : typed.substring(0, 20) + "…";
    }

    private void submit(HttpExchange ex, Procedure p, boolean portal) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new HttpProblem(415, t("DESK_APP_MEDIA_TYPE"), t("DESK_APP_MEDIA_TYPE_DETAIL"), null);
        }
        byte[] body = readBody(ex);
        Map<String, List<String>> params = parseForm(body);
        boolean hasForm = forms.hasForm(p.code());
        // a procedure without an e-form (biểu mẫu điện tử) is filed with the circumstances alone
        PostedForm posted = hasForm ? forms.renderer().readPost(p.code(), params) : new PostedForm(Map.of(), null);
        FormState st = FormState.fromParams(params, portal);
        if (portal) {
            // a citizen cannot choose the channel, nor claim that a database holds their papers
            st.circ.channel = Channel.ONLINE.name();
            st.circ.heldData.clear();
        }
        String cookie = cookie(ex, CSRF_COOKIE);
        String csrf = first(params, "_csrf");
        if (cookie == null || csrf == null || !java.security.MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), csrf.getBytes(StandardCharsets.UTF_8))) {
            st.token = filings.issueToken(random);
            st.problem = t("DESK_APP_CSRF");
            sendForm(ex, 403, p, portal, posted.data(), null, st);
            return;
        }
        Filings.Ticket ticket = st.token == null ? null : filings.ticket(st.token);
        if (ticket == null) {
            st.token = filings.issueToken(random);
            st.problem = t("DESK_APP_TOKEN");
            sendForm(ex, 409, p, portal, posted.data(), null, st);
            return;
        }
        synchronized (ticket) {
            if (ticket.filingId != null) {
                // a second press of "Gửi": show the first result, never a second dossier
                redirect(ex, "/ho-so/" + ticket.filingId);
                return;
            }
            if (!posted.submitted()) {
                sendForm(ex, 200, p, portal, posted.data(), null, st);
                return;
            }
            FormReport report = hasForm ? forms.validate(p.code(), posted.data(), VI)
                    : new FormReport(p.code(), List.of(), Map.of(), VI);
            LocalDateTime receivedAt = st.circ.validate(p, portal, engine.units(), heldSources.keySet(), clock);
            if (!report.valid() || !st.circ.errors.isEmpty()) {
                if (!st.circ.errors.isEmpty()) {
                    // the form's own summary lists its violations; this one lists the circumstances'
                    st.problem = t("DESK_APP_CIRCUMSTANCES");
                }
                sendForm(ex, 422, p, portal, posted.data(), report, st);
                return;
            }
            Dossier dossier = Dossier.builder(p.code(), Channel.valueOf(st.circ.channel),
                    receivedAt.atOffset(ZoneOffset.ofHours(7))).unit(st.circ.unit).applicant(applicant(report.data(), st.circ))
                    // the form as typed: the engine reads it in canonical form and keeps each rewrite in the decision
                    .form(hasForm ? posted.data() : null).heldData(st.circ.heldData).build();
            Decision decision;
            try {
                decision = engine.decide(dossier);
            } catch (InvalidDossierException e) {
                st.problem = t("DESK_APP_INVALID", "messages", String.join("; ", e.messages(java.util.Locale.forLanguageTag("vi"))));
                sendForm(ex, 422, p, portal, posted.data(), report, st);
                return;
            } catch (NoSuchProcedureException e) {
                throw HttpProblem.notFound();
            }
            // unguessable (128 random bits) and bound to the filer's session: a number one could count up
            // would let one citizen read another's dossier
            String id = "GL-" + receivedAt.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + io.github.motcua.service.HttpLimits.randomId();
            ReceivingUnit unit = engine.units().stream().filter(u -> u.code().equals(st.circ.unit)).findFirst().orElseThrow();
            Filing f = new Filing(id, p, portal, dossier, decision, unit, st.circ.officer, report.data(), cookie, new Filing.Events());
            filings.put(f);
            ticket.filingId = id;
            redirect(ex, "/ho-so/" + id);
        }
    }

    /**
     * Records one step event (sự kiện xử lý) for the dossier from the timeline page's form, then shows
     * the timeline again. The event is checked like the {@code track} command's events: a known step,
     * a known event, a local time in Vietnam; a bad one gets the timeline back with a 422 and the reason.
     */
    private void recordEvent(HttpExchange ex, Filing f, String session) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new HttpProblem(415, t("DESK_APP_MEDIA_TYPE"), t("DESK_APP_MEDIA_TYPE_DETAIL"), null);
        }
        Map<String, List<String>> params = parseForm(readBody(ex));
        String csrf = first(params, "_csrf");
        if (session == null || csrf == null || !java.security.MessageDigest.isEqual(
                session.getBytes(StandardCharsets.US_ASCII), csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(403, t("DESK_APP_BAD_SESSION"), t("DESK_APP_BAD_SESSION_DETAIL"), null);
        }
        io.github.motcua.calendar.DeadlineEngine deadlines = engine.deadlineEngine().orElse(null);
        String error = null;
        Tracking.StepEvent event = null;
        String step = first(params, "buoc");
        String what = first(params, "suKien");
        String at = first(params, "luc");
        String by = first(params, "nguoi");
        Set<String> steps = new java.util.LinkedHashSet<>();
        if (f.decision().deadline() != null) {
            f.decision().deadline().steps().forEach(s -> steps.add(s.step().id()));
        }
        Tracking.Event kind = null;
        try {
            kind = what == null ? null : Tracking.Event.valueOf(what);
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        LocalDateTime when = null;
        try {
            when = at == null ? null : LocalDateTime.parse(at.strip(), INPUT_TIME);
        } catch (DateTimeParseException e) {
            when = null;
        }
        if (step == null || !steps.contains(step)) {
            error = t("DESK_APP_EV_STEP", "step", step == null ? "" : step, "steps", steps);
        } else if (kind == null) {
            error = t("DESK_APP_EV_EVENT", "event", what == null ? "" : what);
        } else if (when == null) {
            error = t("DESK_APP_EV_AT", "at", at == null ? "" : at, "example",
                    LocalDateTime.now(clock.withZone(VN)).truncatedTo(ChronoUnit.MINUTES).format(INPUT_TIME));
        } else if (when.atZone(VN).toInstant().isAfter(clock.instant().plus(java.time.Duration.ofMinutes(5)))) {
            error = t("DESK_APP_EV_FUTURE", "at", when.format(INPUT_TIME));
        } else if (when.atZone(VN).toInstant().isBefore(f.dossier().receivedAt().toInstant())) {
            error = t("DESK_APP_EV_BEFORE", "at", when.format(INPUT_TIME));
        } else if (by != null && by.length() > 200) {
            error = t("DESK_APP_EV_BY_TOO_LONG");
        } else {
            event = new Tracking.StepEvent(step, kind, when.atZone(VN).toOffsetDateTime(),
                    by == null || by.isBlank() ? null : by.strip());
            Boolean added = filings.addEvent(f, event);
            if (added == null) { // dropped from the desk's memory meanwhile
                throw new HttpProblem(404, t("DESK_APP_NO_DOSSIER"), t("DESK_APP_NO_DOSSIER_DETAIL", "id", f.id()), null);
            }
            if (!added) {
                error = t("DESK_APP_EV_TOO_MANY", "max", Filing.Events.MAX);
            }
        }
        if (error != null) {
            send(ex, 422, TimelinePage.render(f, deadlines, f.events().list(), clock.instant(), session, error), null);
            return;
        }
        redirect(ex, "/ho-so/" + f.id() + "/tien-do");
    }

    private static Dossier.Applicant applicant(Map<String, Object> data, Circumstances circ) {
        for (String prefix : DemoPopulationRegister.APPLICANT_PREFIXES) {
            if (data.get(prefix) instanceof Map<?, ?> m) {
                LocalDate birth = null;
                if (m.get("ngaySinh") instanceof String s) {
                    try {
                        birth = LocalDate.parse(s);
                    } catch (DateTimeParseException ignored) {
                        // validated by the form; an unparseable date simply stays unknown
                    }
                }
                Object sex = m.get("gioiTinh");
                return Dossier.Applicant.builder().personalId(text(m.get("soDinhDanh"))).fullName(text(m.get("hoTen")))
                        .birthDate(birth).sex("MALE".equals(sex) || "FEMALE".equals(sex) ? (String) sex : null)
                        .categories(circ.categories).residenceUnit(circ.residenceUnit).build();
            }
        }
        return Dossier.Applicant.builder().categories(circ.categories).residenceUnit(circ.residenceUnit).build();
    }

    private static String text(Object o) {
        return o instanceof String s && !s.isBlank() ? s : null;
    }

    private void sendForm(HttpExchange ex, int status, Procedure p, boolean portal, Map<String, ?> data,
            FormReport report, FormState st) throws IOException {
        String csrf = cookie(ex, CSRF_COOKIE);
        if (csrf == null || !csrf.matches("[A-Za-z0-9_-]{20,64}")) {
            csrf = newSecret();
            ex.getResponseHeaders().add("Set-Cookie", CSRF_COOKIE + "=" + csrf + "; Path=/; HttpOnly; SameSite=Strict");
        }
        String action = (portal ? "/cong-dich-vu/" : "/thu-tuc/") + p.code();
        String formHtml = forms.hasForm(p.code()) ? forms.renderer().renderForm(p.code(), data, report, VI, action)
                // no e-form: the circumstances below are the whole page, and the dossier is decided on them
                : "<form class=\"motcua-form\" method=\"post\" action=\"" + esc(action) + "\" lang=\"vi\" novalidate>"
                        + "<p class=\"help\" id=\"no-form\">" + esc(t("DESK_APP_NO_FORM")) + "</p>"
                        + "<p><button type=\"submit\">" + esc(t("DESK_APP_SUBMIT")) + "</button></p></form>";
        String circHtml = FormPage.circumstances(st, p, portal, engine.units(), heldSources, csrf);
        int at = formHtml.lastIndexOf("<p><button type=\"submit\">");
        if (at < 0) {
            at = formHtml.lastIndexOf("</form>");
        }
        String merged = formHtml.substring(0, at) + circHtml + formHtml.substring(at);
        send(ex, status, FormPage.render(p, portal, st, merged), null);
    }

    private String newSecret() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ------------------------------------------------------------------ state

    /** What the officer typed besides the e-form: the dossier's circumstances. */
    static final class Circumstances {
        String channel;
        String unit;
        String receivedAt;
        String residenceUnit;
        String officer = t("DESK_FORM_OFFICER");
        String personalId;
        Set<String> categories = new TreeSet<>();
        Set<String> heldData = new TreeSet<>();
        final Map<String, String> errors = new LinkedHashMap<>();

        /** Checks the circumstances, filling {@link #errors}; returns the received-at time when valid. */
        LocalDateTime validate(Procedure p, boolean portal, List<ReceivingUnit> units, Set<String> held, Clock clock) {
            LocalDateTime at = null;
            if (portal) {
                at = LocalDateTime.now(clock.withZone(VN)).truncatedTo(ChronoUnit.MINUTES);
            } else if (receivedAt == null || receivedAt.isBlank()) {
                errors.put("receivedAt", t("DESK_APP_NEED_RECEIVED_AT"));
            } else {
                try {
                    at = LocalDateTime.parse(receivedAt.strip(), INPUT_TIME);
                } catch (DateTimeParseException e) {
                    errors.put("receivedAt", t("DESK_APP_BAD_RECEIVED_AT", "value", receivedAt));
                }
                at = at == null ? null : checkReceivedAt(at, clock);
            }
            Channel ch = null;
            try {
                ch = channel == null ? null : Channel.valueOf(channel);
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (ch == null) {
                errors.put("channel", t("DESK_APP_NEED_CHANNEL"));
            }
            if (unit == null || units.stream().noneMatch(u -> u.code().equals(unit))) {
                errors.put("unit", unit == null || unit.isBlank() ? t("DESK_APP_NEED_UNIT") : t("DESK_APP_BAD_UNIT", "unit", unit));
            }
            if (residenceUnit != null && !residenceUnit.isBlank() && units.stream().noneMatch(u -> u.code().equals(residenceUnit))) {
                errors.put("residenceUnit", t("DESK_APP_BAD_RESIDENCE", "unit", residenceUnit));
            }
            if (!CATEGORIES.keySet().containsAll(categories)) {
                errors.put("categories", t("DESK_APP_BAD_CATEGORY"));
            }
            if (!held.containsAll(heldData)) {
                errors.put("heldData", t("DESK_APP_BAD_HELD"));
            }
            if (officer == null || officer.isBlank()) {
                errors.put("officer", t("DESK_APP_NEED_OFFICER"));
            } else if (officer.length() > 100) {
                errors.put("officer", t("DESK_APP_OFFICER_TOO_LONG"));
            }
            return errors.isEmpty() ? at : null;
        }

        /**
         * A received-at time the desk's clock makes plausible: not in the future (five minutes' grace for a clock behind
         * the officer's watch, as for step events) and not more than a year back — a dossier typed in later is entered
         * within days, and a year such as 0001 or 1990 (a slip of the keyboard) was filed as an undecidable dossier with
         * the calendar's range as its only reason. Otherwise the error is put beside the field and null returned.
         */
        private LocalDateTime checkReceivedAt(LocalDateTime at, Clock clock) {
            LocalDateTime now = LocalDateTime.now(clock.withZone(VN)).truncatedTo(ChronoUnit.MINUTES);
            if (at.isAfter(now.plusMinutes(5))) {
                errors.put("receivedAt", t("DESK_APP_RECEIVED_AT_FUTURE", "at", SHOWN_TIME.format(at), "now", SHOWN_TIME.format(now)));
                return null;
            }
            if (at.isBefore(now.minusYears(1))) {
                errors.put("receivedAt", t("DESK_APP_RECEIVED_AT_OLD", "at", SHOWN_TIME.format(at),
                        "earliest", SHOWN_TIME.format(now.minusYears(1))));
                return null;
            }
            return at;
        }
    }

    /** A form page's state besides the e-form data. */
    static final class FormState {
        final Circumstances circ = new Circumstances();
        String token;
        String notice;
        String problem;

        static FormState fromParams(Map<String, List<String>> params, boolean portal) {
            FormState st = new FormState();
            st.token = first(params, "_token");
            Circumstances c = st.circ;
            c.channel = first(params, "_channel");
            c.unit = first(params, "_unit");
            c.receivedAt = first(params, "_receivedAt");
            c.residenceUnit = blankToNull(first(params, "_residenceUnit"));
            String officer = first(params, "_officer");
            c.officer = officer == null ? (portal ? t("DESK_PORTAL") : null) : java.text.Normalizer.normalize(officer.strip(), java.text.Normalizer.Form.NFC);
            c.categories = new TreeSet<>(params.getOrDefault("_category", List.of()));
            c.heldData = new TreeSet<>(params.getOrDefault("_heldData", List.of()));
            return st;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** A clear page with a status instead of the normal response. */
    static final class HttpProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String title;
        final String detail;
        final String allow;

        HttpProblem(int status, String title, String detail, String allow) {
            super(title, null, false, false);
            this.status = status;
            this.title = title;
            this.detail = detail;
            this.allow = allow;
        }

        static HttpProblem notFound() {
            return new HttpProblem(404, t("DESK_APP_NO_PAGE"), t("DESK_APP_NO_PAGE_DETAIL"), null);
        }

        static HttpProblem method(String allow) {
            return new HttpProblem(405, t("DESK_APP_METHOD"), t("DESK_APP_METHOD_DETAIL", "allow", allow), allow);
        }
    }

    private static String t(String key, Object... pairs) {
        return DeskMessages.vi(key, pairs);
    }
}
