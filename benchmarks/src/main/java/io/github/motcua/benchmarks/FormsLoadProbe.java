package io.github.motcua.benchmarks;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.Forms;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the forms section's build alone over a generated catalogue: every {@code forms/*.schema.json},
 * every {@code procedures/*}/form.schema.json and {@code units.yaml} read into memory once, then
 * {@code Forms.builder().packFiles(...).lazyCompile(true).build()} (what a folder load's forms section runs:
 * parse, {@code $id}s, reference checks, sharing, the cycle check; no schema compiled) timed with the calling
 * thread's CPU time ({@code ThreadMXBean}). The first build is the one a load pays in a fresh JVM (cold, the
 * JIT barely started); the later ones show the steady cost of the algorithm. Not JMH: on a loaded machine the
 * thread CPU time of one fresh JVM per side, sides alternating, is the figure to compare.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.FormsLoadProbe [N] [REFERENCE_DIR] [WARM_BUILDS]
 * </pre>
 *
 * <p>It writes the N-procedure catalogue ({@link CatalogueGenerator}) to a temporary folder first, and prints
 * the first build's CPU time, the median and minimum of the warm builds, the number of forms loaded and the heap
 * the first registry retains (used heap after {@code System.gc()}, before and after: the effect of sharing equal
 * sub-trees, {@code SharedNodes}).
 */
public final class FormsLoadProbe {
    private FormsLoadProbe() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : CatalogueGenerator.DEFAULT_PROCEDURES;
        Path reference = Path.of(args.length > 1 ? args[1] : "examples/packs/gia-lai");
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path dir = Scratch.directory("forms-load-probe");
        CatalogueGenerator.write(reference, dir, n);
        Map<String, String> files = formsFiles(dir);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = usedHeapAfterGc();

        long t0 = threads.getCurrentThreadCpuTime();
        FormRegistry first = Forms.builder().packFiles(files).lazyCompile(true).build();
        long cold = threads.getCurrentThreadCpuTime() - t0;
        int forms = first.formIds().size();
        // what the registry keeps (its schema trees, shared or not; nothing compiled yet)
        long retained = usedHeapAfterGc() - heapBefore;

        long[] runs = new long[warm];
        for (int i = 0; i < warm; i++) {
            long s = threads.getCurrentThreadCpuTime();
            FormRegistry r = Forms.builder().packFiles(files).lazyCompile(true).build();
            runs[i] = threads.getCurrentThreadCpuTime() - s;
            if (r.formIds().size() != forms) {
                throw new IllegalStateException("a build loaded another number of forms");
            }
        }
        Arrays.sort(runs);
        System.out.println(String.format(Locale.ROOT,
                "forms build over %d files (%d forms): first %.1f ms CPU; warm (%d builds) median %.1f ms, min %.1f ms CPU;"
                        + " the registry retains %.0f kB (%.2f kB a form)",
                files.size(), forms, cold / 1e6, warm, warm == 0 ? 0 : runs[warm / 2] / 1e6, warm == 0 ? 0 : runs[0] / 1e6,
                retained / 1024.0, retained / 1024.0 / forms));
        if (first.formIds().isEmpty()) {
            throw new IllegalStateException("no form kept"); // keeps the first registry reachable until here
        }
        Scratch.delete(dir);
    }

    private static long usedHeapAfterGc() {
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The files the forms section reads: shared schemas, procedure forms, units.yaml (templates left out: not timed). */
    static Map<String, String> formsFiles(Path pack) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = pack.relativize(p).toString().replace('\\', '/');
                boolean shared = rel.startsWith("forms/") && rel.endsWith(".schema.json");
                boolean procedure = rel.startsWith("procedures/") && rel.endsWith("/form.schema.json");
                if (Files.isRegularFile(p) && (shared || procedure || rel.equals("units.yaml"))) {
                    out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
