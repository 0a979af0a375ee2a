package io.github.motcua.benchmarks;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;
import org.kie.internal.utils.KieHelper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one decision: (a) through the engine on a one-procedure pack versus a raw Drools
 * stateless execution of the same five rules with the same facts (both on the executable model), and (b) with 10 versus 500
 * procedures loaded (one KieBase each). Results in docs/performance.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {
    static final Map<String, Object> FORM = Map.of("giayTo", "B", "soTrang", 60L, "soBan", 2L);

    /** An engine with N synthetic procedures loaded. */
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"1", "10", "500"})
        public int procedures;

        Engine engine;
        Dossier dossier;
        Dossier[] mixed;
        int next;
        Path dir;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Scratch.directory("motcua-bench");
            SyntheticPack.write(dir, procedures);
            engine = Motcua.engine().build();
            engine.load(dir).orThrow();
            Dossier.Applicant a = Dossier.Applicant.builder().fullName("Nguyễn Văn A").birthDate(LocalDate.of(1990, 1, 1))
                    .sex("MALE").build();
            dossier = Dossier.builder(SyntheticPack.code(procedures / 2), Channel.DESK,
                    OffsetDateTime.parse("2026-03-02T09:00:00+07:00")).applicant(a).form(FORM).build();
            // a skewed mix: 80 % of dossiers go to the first 20 % of procedures, like a real desk
            java.util.Random random = new java.util.Random(42);
            mixed = new Dossier[4096];
            int hot = Math.max(1, procedures / 5);
            for (int i = 0; i < mixed.length; i++) {
                int p = random.nextInt(10) < 8 ? random.nextInt(hot) : random.nextInt(procedures);
                mixed[i] = Dossier.builder(SyntheticPack.code(p), Channel.DESK, dossier.receivedAt()).applicant(a).form(FORM)
                        .build();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /** The same five rules compiled straight with Drools, run with a stateless session. */
    @State(Scope.Benchmark)
    public static class Raw {
        StatelessKieSession session;
        LocalDate asOf = LocalDate.of(2026, 3, 2);

        @Setup(Level.Trial)
        public void setUp() {
            String header = "package raw; import io.github.motcua.rules.vocabulary.Dossier; "
                    + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Unit; "
                    + "import io.github.motcua.rules.vocabulary.Form; global io.github.motcua.rules.vocabulary.Actions decision;\n";
            // the executable model, as the engine compiles (no MVEL on the class path)
            KieBase kbase = new KieHelper().addContent(header + SyntheticPack.RULES, ResourceType.DRL)
                    .build(ExecutableModelProject.class);
            session = kbase.newStatelessKieSession();
        }
    }

    /** Minimal recording actions for the raw run (what the rules do must still happen). */
    static final class Recorder implements Actions {
        final List<Object> out = new ArrayList<>();

        public void ineligible(String r) { out.add(r); }
        public void ineligible(String r, String e) { out.add(r); }
        public void require(String id) { out.add(id); }
        public void requireOneOf(String g, String a, String b) { out.add(g); }
        public void requireOneOf(String g, String a, String b, String c) { out.add(g); }
        public void requireOneOf(String g, String a, String b, String c, String d) { out.add(g); }
        public void optional(String id) { out.add(id); }
        public void waive(String id, String s) { out.add(id); }
        public void extend(long n, String u, String r) { out.add(r); }
        public void pause(long n, String u, String r) { out.add(r); }
        public void replaceDeadline(long n, String u, String r) { out.add(r); }
        public void note(String m) { out.add(m); }
        public void note(String m, String e) { out.add(m); }
        public void addFee(String i, long q) { out.add(i); }
        public void exempt(String i, String r) { out.add(i); }
        public void reduce(String i, int p, String r) { out.add(i); }
    }

    @Benchmark
    public Decision engineDecide(Loaded s) {
        return s.engine.decide(s.dossier);
    }

    @Benchmark
    public Decision engineDecideSkewedMix(Loaded s) {
        Dossier d = s.mixed[s.next++ & (s.mixed.length - 1)];
        return s.engine.decide(d);
    }

    @Benchmark
    public Object rawDroolsStateless(Raw s) {
        Recorder rec = new Recorder();
        List<Command<?>> cmds = new ArrayList<>();
        cmds.add(CommandFactory.newSetGlobal("decision", rec));
        cmds.add(CommandFactory.newInsert(new io.github.motcua.rules.vocabulary.Dossier("SYN.0000", "DESK",
                LocalDateTime.of(2026, 3, 2, 9, 0), s.asOf, null, Set.of())));
        cmds.add(CommandFactory.newInsert(new Applicant(null, "Nguyễn Văn A", LocalDate.of(1990, 1, 1), "MALE", Set.of(),
                null, s.asOf)));
        cmds.add(CommandFactory.newInsert(new Form(FORM, s.asOf, code -> (Unit) null)));
        cmds.add(CommandFactory.newFireAllRules());
        s.session.execute(CommandFactory.newBatchExecution(cmds));
        return rec.out;
    }
}
