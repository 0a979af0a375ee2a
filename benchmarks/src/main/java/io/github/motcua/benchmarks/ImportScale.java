package io.github.motcua.benchmarks;

import io.github.motcua.catalogue.imports.ImportReport;
import io.github.motcua.catalogue.imports.Importer;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;

/**
 * One-shot measurement of an import at scale (not JMH: one wall-clock event): generates N records shaped
 * like the real ones, imports them into a copy of a pack with no procedures (the reference pack's pack.yaml,
 * calendar, legal bases and import.yaml), then loads the imported pack and decides one dossier. Prints one
 * line per measurement. Not thread-safe.
 *
 * <p>Usage: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.ImportScale
 * [N=2000] [RECORDS=examples/imports/dvc-records] [REFERENCE=examples/packs/gia-lai]}.
 */
public final class ImportScale {
    private ImportScale() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path records = Path.of(args.length > 1 ? args[1] : "examples/imports/dvc-records");
        Path reference = Path.of(args.length > 2 ? args[2] : "examples/packs/gia-lai");
        Path work = Scratch.directory("motcua-import-scale");
        Path in = work.resolve("records");
        RecordGenerator.generate(in, n, records);
        Path pack = work.resolve("pack");
        Files.createDirectories(pack);
        Files.copy(reference.resolve("pack.yaml"), pack.resolve("pack.yaml"));
        if (Files.isRegularFile(reference.resolve("import.yaml"))) {
            Files.copy(reference.resolve("import.yaml"), pack.resolve("import.yaml"));
        }
        copyTree(reference.resolve("calendar"), pack.resolve("calendar"));
        copyTree(reference.resolve("legal-bases"), pack.resolve("legal-bases"));
        Files.deleteIfExists(pack.resolve("legal-bases/national.yaml"));

        System.out.printf(Locale.ROOT, "load average before: %.1f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        long c0 = cpu();
        long t0 = System.nanoTime();
        ImportReport r = Importer.into(pack).importRecords(List.of(in));
        long t1 = System.nanoTime();
        long c1 = cpu();
        System.out.printf(Locale.ROOT, "import of %d records (map, write, stage, load-check, swap): %.2f s wall, %.2f s CPU, %d written, %d refused, %d review items%n",
                n, (t1 - t0) / 1e9, (c1 - c0) / 1e9, r.imported().size(), r.refused().size(), r.review().size());
        if (!r.ok()) {
            System.out.print(r.text());
            System.exit(1);
        }
        // the same import without the load check, into a fresh copy: how the time splits
        Path pack2 = work.resolve("pack2");
        copyTree(pack, pack2);
        try (var s = Files.list(pack2.resolve("procedures"))) {
            for (Path f : s.toList()) {
                Scratch.delete(f);
            }
        }
        long c2 = cpu();
        long t2 = System.nanoTime();
        Importer.into(pack2).verify(false).importRecords(List.of(in));
        long t3 = System.nanoTime();
        long c3 = cpu();
        System.out.printf(Locale.ROOT, "same import without the load check (--no-verify): %.2f s wall, %.2f s CPU%n",
                (t3 - t2) / 1e9, (c3 - c2) / 1e9);
        try (Engine engine = Motcua.engine().lazyCompile(true).build()) {
            long l0 = System.nanoTime();
            engine.load(pack).orThrow();
            Decision d = engine.decide("{\"procedure\": \"" + RecordGenerator.code(0)
                    + "\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
            long l1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "load %d imported procedures -> first decision: %.2f s (%s, %d components, due %s)%n",
                    engine.catalog().size(), (l1 - l0) / 1e9, d.eligibility(), d.components().size(),
                    d.deadline() == null ? "unknown" : d.deadline().due());
            long d0 = System.nanoTime();
            int decided = 0;
            for (int i = 0; i < engine.catalog().size(); i++) {
                engine.decide("{\"procedure\": \"" + RecordGenerator.code(i)
                        + "\", \"channel\": \"DESK\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
                decided++;
            }
            long d1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "one decision for each of the %d procedures: %.2f s%n", decided, (d1 - d0) / 1e9);
            for (int i = 0; i < 4; i++) {
                System.gc();
            }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "heap in use after GC, all decided: %d MB%n", used / (1024 * 1024));
        }
    }

    /** CPU time of the whole process (all threads), in nanoseconds. */
    static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
