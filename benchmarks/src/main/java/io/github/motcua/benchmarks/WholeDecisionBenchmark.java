package io.github.motcua.benchmarks;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineRequest;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.fees.FeeRequest;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FormValues;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole decision (form validation, rules, deadline, fees) through the engine versus the same work
 * done by calling the libraries directly with no engine around them (issue 15: the whole decision at
 * most 1.2× this raw baseline, so the ratio measures only what the engine adds).
 *
 * <p>One synthetic procedure ({@link #write}): a plain JSON Schema 2020-12 form of 15 fields (no
 * motcua keywords, so raw networknt validates exactly what forms-core validates), the five
 * {@link SyntheticPack#RULES}, a 3-working-day limit the rules extend by 2, and a fee table whose item
 * the rules charge per copy. The dossier is eligible: every stage runs.
 *
 * <p>{@code rawWholeDecision} per call: the form map to a Jackson tree and networknt validation; a new
 * Drools {@link KieSession} on the same rules compiled straight with Drools' executable model, the
 * three facts inserted, every rule fired with a recording {@link Actions}; the calendar's
 * {@link DeadlineEngine#compute} with the rules' extension; the fee table's {@link FeeTable#assess}
 * with the rules' fee directive. The deadline engine and fee table are the very objects the engine
 * loaded ({@link Engine#deadlineEngine()}, {@link Engine#feeTable(String)}), taken once in set-up, so
 * both sides use the same calendar and tariff. What the raw run does not do is what the engine adds:
 * checking the Java dossier, routing, the rules' validity filter, time budget, firing limit and trace,
 * components with their legal bases, NFC normalisation, provenance and the {@link Decision} record.
 *
 * <p>{@code *Threads1} and {@code *Threads2} measure throughput (decisions per millisecond, all threads
 * together) with one and two threads sharing one engine (the raw side: one KieBase, calendar and fee
 * table); docs/performance.md, "Threads", says what the threads share and how it should scale.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar WholeDecisionBenchmark -f 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WholeDecisionBenchmark {
    static final String CODE = "WHOLE.0001";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");
    static final LocalDate BIRTH = LocalDate.of(1990, 1, 1);
    static final ObjectMapper JSON = new ObjectMapper();

    /** 15 fields the way a desk form has them: names, dates, choices, numbers, a phone number, an address. */
    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:motcua:forms:procedure:WHOLE.0001",
              "title": "Tờ khai tổng hợp",
              "type": "object",
              "properties": {
                "hoTen": { "type": "string", "title": "Họ, chữ đệm và tên", "minLength": 1, "maxLength": 100 },
                "ngaySinh": { "type": "string", "title": "Ngày sinh", "format": "date" },
                "gioiTinh": { "type": "string", "title": "Giới tính", "enum": ["NAM", "NU"] },
                "soDienThoai": { "type": "string", "title": "Số điện thoại", "pattern": "^0[0-9]{9}$" },
                "email": { "type": "string", "title": "Thư điện tử", "maxLength": 254 },
                "giayTo": { "type": "string", "title": "Giấy tờ kèm theo", "enum": ["A", "B", "C"] },
                "soTrang": { "type": "integer", "title": "Số trang", "minimum": 1, "maximum": 10000 },
                "soBan": { "type": "integer", "title": "Số bản", "minimum": 1, "maximum": 100 },
                "lyDo": { "type": "string", "title": "Lý do", "maxLength": 500 },
                "ngayNop": { "type": "string", "title": "Ngày nộp", "format": "date" },
                "diaChi": {
                  "type": "object",
                  "title": "Địa chỉ",
                  "properties": {
                    "soNha": { "type": "string", "title": "Số nhà", "maxLength": 100 },
                    "xa": { "type": "string", "title": "Xã, phường", "minLength": 1, "maxLength": 100 },
                    "tinh": { "type": "string", "title": "Tỉnh", "enum": ["GIA_LAI", "KHAC"] }
                  },
                  "required": ["xa", "tinh"],
                  "additionalProperties": false
                },
                "camKet": { "type": "boolean", "title": "Cam kết" }
              },
              "required": ["hoTen", "ngaySinh", "giayTo", "soTrang", "soBan", "diaChi", "camKet"],
              "additionalProperties": false
            }
            """;

    static final String FEES = """
            type,item,kind,nameVi,nameEn,tariff,rate,charge,basis,verified,note
            RATE,ban-sao,LE_PHI,Lệ phí cấp bản sao,Copy fee,FLAT,8000,ON_RULE,B-1,false,synthetic
            """;

    static Map<String, Object> form() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("soNha", "12");
        address.put("xa", "Phường Pleiku");
        address.put("tinh", "GIA_LAI");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hoTen", "Nguyễn Văn An");
        f.put("ngaySinh", "1990-01-01");
        f.put("gioiTinh", "NAM");
        f.put("soDienThoai", "0912345678");
        f.put("email", "an@example.vn");
        f.put("giayTo", "B");
        f.put("soTrang", 60L);
        f.put("soBan", 2L);
        f.put("lyDo", "Cấp bản sao để nộp hồ sơ");
        f.put("ngayNop", "2026-03-02");
        f.put("diaChi", address);
        f.put("camKet", Boolean.TRUE);
        return Map.copyOf(f);
    }

    /** Writes the one-procedure pack into {@code dir}. */
    static Path write(Path dir) {
        try {
            Path p = dir.resolve("procedures").resolve(CODE);
            Files.createDirectories(p);
            Files.createDirectories(dir.resolve("legal-bases"));
            Files.writeString(dir.resolve("pack.yaml"), """
                    id: whole
                    version: "1"
                    name: { vi: "Bộ quy tắc đo một quyết định trọn vẹn" }
                    jurisdiction: { province: "Gia Lai" }
                    """, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("legal-bases/procedures.yaml"), """
                    - id: B-1
                      act: "Văn bản tổng hợp cho đo hiệu năng"
                      verified: false
                      note: "synthetic"
                    """, StandardCharsets.UTF_8);
            Files.writeString(p.resolve("procedure.yaml"), """
                    code: "WHOLE.0001"
                    name: { vi: "Thủ tục tổng hợp" }
                    level: COMMUNE
                    channels: [DESK, ONLINE]
                    legalBases: [B-1]
                    deadline: { amount: 3, unit: WORKING_DAYS, basis: B-1 }
                    components:
                      - { id: to-khai, name: { vi: "Tờ khai" }, form: ORIGINAL }
                      - { id: giay-a, name: { vi: "Giấy A" }, form: ORIGINAL, presence: CONDITIONAL }
                      - { id: giay-b, name: { vi: "Giấy B" }, form: ORIGINAL, presence: CONDITIONAL }
                      - { id: giay-c, name: { vi: "Giấy C" }, form: ORIGINAL, presence: CONDITIONAL }
                    """, StandardCharsets.UTF_8);
            Files.writeString(p.resolve("rules.drl"), SyntheticPack.RULES, StandardCharsets.UTF_8);
            Files.writeString(p.resolve("form.schema.json"), SCHEMA, StandardCharsets.UTF_8);
            Files.writeString(p.resolve("fees.csv"), FEES, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine with the pack loaded, and the same work's raw ingredients. */
    @State(Scope.Benchmark)
    public static class Whole {
        Engine engine;
        Dossier dossier;
        Map<String, Object> form;
        Schema schema;
        KieBase kieBase;
        DeadlineEngine deadlines;
        FeeTable fees;
        LegalBasis basis;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path dir = write(Scratch.directory("motcua-whole"));
            engine = Motcua.engine().build();
            engine.load(dir).orThrow();
            form = form();
            Dossier.Applicant a = Dossier.Applicant.builder().fullName("Nguyễn Văn An").birthDate(BIRTH).sex("MALE").build();
            dossier = Dossier.builder(CODE, Channel.DESK, RECEIVED).applicant(a).form(form).build();

            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config))
                    .getSchema(SCHEMA, InputFormat.JSON);
            schema.initializeValidators();
            String header = "package raw; import io.github.motcua.rules.vocabulary.Dossier; "
                    + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Unit; "
                    + "import io.github.motcua.rules.vocabulary.Form; global io.github.motcua.rules.vocabulary.Actions decision;\n";
            kieBase = new KieHelper().addContent(header + SyntheticPack.RULES, ResourceType.DRL)
                    .build(ExecutableModelProject.class);
            deadlines = engine.deadlineEngine().orElseThrow();
            fees = engine.feeTable(CODE).orElseThrow();
            basis = engine.catalog().get(0).legalBases().get(0); // what a direct caller keeps beside its rules

            // both sides must do the same work and agree on what matters: eligible, same due date, same fee
            Decision d = engine.decide(dossier);
            Raw r = raw(this);
            if (d.eligibility() != Eligibility.ELIGIBLE || d.deadline() == null || d.fees() == null
                    || !r.reasons().isEmpty() || r.deadline() == null || r.fees() == null
                    || !d.deadline().due().equals(r.deadline().due()) || !d.fees().total().equals(r.fees().total())
                    || d.fees().total().dong() == 0 || d.form().violations().size() != 0 || !r.formErrors().isEmpty()) {
                throw new IllegalStateException("the engine and the raw run disagree: " + d + " / " + r);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /** What the raw run produced. */
    record Raw(List<Error> formErrors, List<String> reasons, List<String> components, DeadlineResult deadline,
            FeeAssessment fees) {
    }

    /** Records the rules' actions as the libraries' own types (what the deadline and fee steps need). */
    static final class Recorder implements Actions {
        final List<String> reasons = new ArrayList<>(2);
        final List<String> components = new ArrayList<>(4);
        final List<DeadlineAdjustment> deadline = new ArrayList<>(2);
        final List<FeeDirective> fees = new ArrayList<>(2);
        final LegalBasis basis;

        Recorder(LegalBasis basis) {
            this.basis = basis;
        }

        public void ineligible(String r) { reasons.add(r); }
        public void ineligible(String r, String e) { reasons.add(r); }
        public void require(String id) { components.add(id); }
        public void requireOneOf(String g, String a, String b) { components.add(a); components.add(b); }
        public void requireOneOf(String g, String a, String b, String c) { requireOneOf(g, a, b); components.add(c); }
        public void requireOneOf(String g, String a, String b, String c, String d) { requireOneOf(g, a, b, c); components.add(d); }
        public void optional(String id) { components.add(id); }
        public void waive(String id, String s) { components.remove(id); }
        public void extend(long n, String u, String r) { deadline.add(DeadlineAdjustment.extend(new TimeLimit(n, DeadlineUnit.valueOf(u)), r, basis, null)); }
        public void pause(long n, String u, String r) { deadline.add(DeadlineAdjustment.pause(new TimeLimit(n, DeadlineUnit.valueOf(u)), r, basis, null)); }
        public void replaceDeadline(long n, String u, String r) { deadline.add(DeadlineAdjustment.replace(new TimeLimit(n, DeadlineUnit.valueOf(u)), r, basis, null)); }
        public void note(String m) { }
        public void note(String m, String e) { }
        public void addFee(String i, long q) { fees.add(FeeDirective.add(i, q, basis, null)); }
        public void exempt(String i, String r) { fees.add(FeeDirective.exempt(i, r, basis, null)); }
        public void reduce(String i, int p, String r) { fees.add(FeeDirective.reduce(i, p, r, basis, null)); }
    }

    /** The whole decision by hand: networknt, Drools, the calendar, the fee table. */
    static Raw raw(Whole s) {
        Map<String, Object> form = s.form;
        JsonNode node = JSON.valueToTree(form);
        List<Error> errors = s.schema.validate(node);
        if (!errors.isEmpty()) {
            return new Raw(errors, List.of(), List.of(), null, null);
        }
        LocalDateTime received = RECEIVED.atZoneSameInstant(ZONE).toLocalDateTime();
        LocalDate asOf = received.toLocalDate();
        Recorder rec = new Recorder(s.basis);
        KieSession session = s.kieBase.newKieSession();
        try {
            session.setGlobal("decision", rec);
            session.insert(new io.github.motcua.rules.vocabulary.Dossier(CODE, "DESK", received, asOf, null, Set.of()));
            session.insert(new Applicant(null, "Nguyễn Văn An", BIRTH, "MALE", Set.of(), null, asOf));
            session.insert(new Form(form, asOf, code -> (Unit) null));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        if (!rec.reasons.isEmpty()) {
            return new Raw(errors, rec.reasons, rec.components, null, null);
        }
        DeadlineResult due = s.deadlines.compute(DeadlineRequest.of(RECEIVED.toInstant(), Channel.DESK,
                TimeLimit.workingDays(3)).withAdjustments(rec.deadline));
        FeeAssessment charged = s.fees.assess(new FeeRequest(CODE, asOf, Channel.DESK, Set.of(), Set.of(),
                FormValues.of(form), rec.fees));
        return new Raw(errors, rec.reasons, rec.components, due, charged);
    }

    @Benchmark
    public Decision engineWholeDecision(Whole s) {
        return s.engine.decide(s.dossier);
    }

    @Benchmark
    public Raw rawWholeDecision(Whole s) {
        return raw(s);
    }

    /** Decisions per millisecond, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    public Decision engineThreads1(Whole s) {
        return s.engine.decide(s.dossier);
    }

    /** Decisions per millisecond, two threads sharing the engine (the sum of both). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(2)
    public Decision engineThreads2(Whole s) {
        return s.engine.decide(s.dossier);
    }

    /** Raw decisions per millisecond, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    public Raw rawThreads1(Whole s) {
        return raw(s);
    }

    /** Raw decisions per millisecond, two threads sharing one KieBase, calendar and fee table. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(2)
    public Raw rawThreads2(Whole s) {
        return raw(s);
    }
}
