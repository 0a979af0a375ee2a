package io.github.motcua.benchmarks;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.ReloadResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One-shot scale measurements of a synthetic catalogue (not JMH: each is a single wall-clock event):
 * load to first decision, time until every procedure is compiled, retained heap with all compiled,
 * and edit-to-serve after changing one procedure; then the same catalogue as a prebuilt pack, with the
 * line {@code prebuilt: N procedures ready in S s} (ready: the load returned, every procedure checked and
 * its classes verified, defined and linked; each KieBase is assembled from them at its first decision or by
 * the background warm-up, timed on the lines after it). Wall and process CPU time. Prints one line per measurement. Not thread-safe.
 *
 * <p>After the folder measurements, a lazy-parse engine ({@code lazyParse(true)}) loads the same folder in the same JVM
 * (so warmer than the folder line's): {@code folder (lazy parse): load -> first decision}, its process CPU time, and the
 * time until every folder is parsed and checked ({@code catalog()}) and until every procedure is compiled
 * ({@code compiled()}).
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CatalogueScale
 * [N=2000] [REFERENCE=examples/packs/gia-lai] [eager|folder-only|lazyparse-only]}: {@code folder-only} and
 * {@code lazyparse-only} time only the default folder load -> first decision, or only the lazy-parse one, in a fresh JVM
 * (after the same reference load), so the two compare back to back. With {@code -Dmotcua.catalogue.distinct=true} the
 * catalogue is {@link CatalogueGenerator}'s distinct variant (every form different) and the dossiers are renamed to it.
 */
public final class CatalogueScale {
    private CatalogueScale() {
    }

    /** One dossier per reference procedure, from its first analyst case. */
    static Map<String, Dossier> referenceDossiers(Path reference) {
        try (Engine ref = Motcua.engine().build()) {
            ref.load(reference).orThrow();
            Map<String, Dossier> out = new LinkedHashMap<>();
            for (PackCase c : ref.cases()) {
                out.putIfAbsent(c.dossier().procedure(), c.dossier());
            }
            return out;
        }
    }

    /**
     * The reference dossier of synthetic procedure i, re-addressed to it (form entries added); its form renamed as the
     * distinct variant renames it when the system property {@value CatalogueGenerator#DISTINCT_PROPERTY} is set.
     */
    static Dossier dossierFor(Map<String, Dossier> byTemplate, List<CatalogueGenerator.Template> templates, int i,
            Map<String, Object> extraForm) {
        return dossierFor(byTemplate, templates, i, extraForm, CatalogueGenerator.distinctByDefault());
    }

    /** {@link #dossierFor(Map, List, int, Map)} for a catalogue written in the given variant. */
    static Dossier dossierFor(Map<String, Dossier> byTemplate, List<CatalogueGenerator.Template> templates, int i,
            Map<String, Object> extraForm, boolean distinct) {
        CatalogueGenerator.Template t = CatalogueGenerator.templateOf(templates, i);
        Dossier d = byTemplate.get(t.code());
        if (d == null) {
            d = byTemplate.values().iterator().next();
        }
        Map<String, Object> form = new HashMap<>(d.form());
        form.putAll(extraForm);
        if (distinct) { // the reference pack is the template folder's grandparent (REFERENCE/procedures/CODE)
            form = CatalogueGenerator.distinctForm(t.folder().getParent().getParent(), i, form);
        }
        return Dossier.builder(CatalogueGenerator.code(i), d.channel(), d.receivedAt()).unit(d.unit()).asOf(d.asOf())
                .applicant(d.applicant()).form(form).heldData(d.heldData()).excludedPeriods(d.excludedPeriods()).build();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : CatalogueGenerator.DEFAULT_PROCEDURES;
        Path reference = Path.of(args.length > 1 ? args[1] : "examples/packs/gia-lai");
        boolean eager = args.length > 2 && args[2].equals("eager");
        boolean folderOnly = args.length > 2 && args[2].equals("folder-only");
        boolean lazyParseOnly = args.length > 2 && args[2].equals("lazyparse-only");
        Path dir = Scratch.directory("motcua-catalogue");
        CatalogueGenerator.write(reference, dir, n);
        System.out.println("catalogue: " + (CatalogueGenerator.distinctByDefault() ? "distinct forms" : "templates copied"));
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
        Map<String, Dossier> byTemplate = referenceDossiers(reference);
        int probe = n / 2;
        Dossier first = dossierFor(byTemplate, templates, probe, Map.of());

        if (lazyParseOnly) {
            lazyParse(dir, n, first);
            return;
        }
        long heapBefore = usedHeapAfterGc();
        try (Engine engine = Motcua.engine().lazyCompile(!eager).build()) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.load(dir).orThrow();
            long loaded = System.nanoTime();
            Decision d = engine.decide(first);
            long decided = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            report("load (parse, lint, check " + n + " procedures" + (eager ? ", compile all" : "") + ")", loaded - t0);
            report("load -> first decision", decided - t0);
            report("load -> first decision, process CPU time (background compiles included)", c1 - c0);
            if (folderOnly) {
                return;
            }
            List<PackProblem> compileProblems = engine.compiled().join();
            long allCompiled = System.nanoTime();
            report("load -> every procedure compiled (" + compileProblems.size() + " problems)", allCompiled - t0);
            if (d.provenance() == null) {
                throw new IllegalStateException("decision without provenance");
            }
            // one decision per procedure so every KieBase has run once before measuring the heap
            // (timed: each procedure's first decision, its form's validator built at its first use)
            long f0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.decide(dossierFor(byTemplate, templates, i, Map.of()));
            }
            report("first decision of every procedure (after compiled())", System.nanoTime() - w0);
            report("first decision of every procedure, process CPU time", os.getProcessCpuTime() - f0);
            long heapAfter = usedHeapAfterGc();
            System.out.println(String.format(Locale.ROOT, "retained heap, %d procedures compiled: %.0f MB (%.0f kB per procedure)",
                    n, (heapAfter - heapBefore) / 1048576.0, (heapAfter - heapBefore) / 1024.0 / n));

            // edit one procedure's rules, reload, and time until a decision shows the new text
            Dossier probeNote = dossierFor(byTemplate, templates, probe, Map.of("ghiChuTongHop0", "CO"));
            for (int rev = 1; rev <= 3; rev++) {
                String before = engine.pack().orElseThrow().sha256();
                CatalogueGenerator.edit(reference, dir, probe, rev);
                long e0 = System.nanoTime();
                ReloadResult rr = engine.reload(dir).join();
                if (!rr.swapped()) {
                    throw new IllegalStateException("reload failed: " + rr.problems());
                }
                Decision after = engine.decide(probeNote);
                long e1 = System.nanoTime();
                // the form schema may refuse the padding field, so check the version, not the note
                boolean newVersion = !after.provenance().packSha256().equals(before)
                        && after.provenance().packSha256().equals(rr.serving().orElseThrow().sha256());
                report("edit one procedure -> reload -> new decision (revision " + rev + ", decided on the new version: "
                        + newVersion + ")", e1 - e0);
            }
        }
        lazyParse(dir, n, first);
        prebuilt(dir, n, dossierFor(byTemplate, templates, probe, Map.of()));
    }

    /**
     * Issue 15: a lazy-parse engine's folder load -> first decision (each folder parsed and checked at its first use or
     * in the background), then until every folder is parsed and checked ({@code catalog()} waits for it) and until every
     * procedure is compiled ({@code compiled()}).
     */
    private static void lazyParse(Path dir, int n, Dossier first) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Engine engine = Motcua.engine().lazyParse(true).build()) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.load(dir).orThrow();
            long loaded = System.nanoTime();
            Decision d = engine.decide(first);
            long decided = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            if (d.provenance() == null) {
                throw new IllegalStateException("decision without provenance");
            }
            report("folder (lazy parse): load", loaded - t0);
            report("folder (lazy parse): load -> first decision", decided - t0);
            report("folder (lazy parse): load -> first decision, process CPU time (background included)", c1 - c0);
            int listed = engine.catalog().size();
            long parsed = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            report("folder (lazy parse): load -> every folder parsed and checked (" + listed + " procedures)", parsed - t0);
            report("folder (lazy parse): load -> every folder parsed and checked, process CPU time", c2 - c0);
            List<PackProblem> problems = engine.compiled().join();
            long compiled = System.nanoTime();
            report("folder (lazy parse): load -> every procedure checked and compiled (" + problems.size() + " problems)",
                    compiled - t0);
            report("folder (lazy parse): load -> every procedure checked and compiled, process CPU time",
                    os.getProcessCpuTime() - c0);
            if (listed != n || !problems.isEmpty()) {
                throw new IllegalStateException("lazy parse: " + listed + " of " + n + " procedures listed, problems " + problems);
            }
        }
    }

    /**
     * Issue 15 item 1: build the catalogue as a prebuilt pack, then time a fresh engine's load of it
     * until every procedure is ready (no rule compilation; classes verified again) and one decision.
     */
    private static void prebuilt(Path dir, int n, Dossier probe) throws Exception {
        Path artifact = dir.resolveSibling(dir.getFileName() + ".motcua");
        long b0 = System.nanoTime();
        try (PrebuiltPack p = PrebuiltPack.compile(dir)) {
            p.load().orThrow();
            p.write(artifact);
        }
        report("build the prebuilt pack (" + Files.size(artifact) / 1024 / 1024 + " MB)", System.nanoTime() - b0);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Engine engine = Motcua.engine().build()) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.load(artifact).orThrow();
            long ready = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            engine.decide(probe);
            long decided = System.nanoTime();
            List<PackProblem> problems = engine.compiled().join();
            long assembled = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("prebuilt pack problems: " + problems);
            }
            // ready: load returned, so every procedure is checked, its classes verified, defined and linked, and any
            // of them decides without compiling (its KieBase is assembled at its first decision, or earlier by the
            // background warm-up: the next lines time that; a procedure decided as data gets only its evaluator there,
            // its KieBase waiting for a dossier that needs its session: docs/performance.md "Session 14")
            System.out.println(String.format(Locale.ROOT, "prebuilt: %d procedures ready in %.2f s", n, (ready - t0) / 1e9));
            report("prebuilt ready, process CPU time", c1 - c0);
            report("prebuilt load -> first decision", decided - t0);
            report("prebuilt load -> every procedure ready, compiled() (warm-up)", assembled - t0);
            report("prebuilt load -> every procedure ready, process CPU time", c2 - c0);
        }
        Files.deleteIfExists(artifact);
    }

    private static void report(String what, long nanos) {
        System.out.println(String.format(Locale.ROOT, "%s: %.3f s", what, nanos / 1e9));
    }
}
