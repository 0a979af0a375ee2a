package io.github.motcua.catalogue.imports;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports national procedure records (Cơ sở dữ liệu quốc gia về thủ tục hành chính, as the national
 * public-service portal serves them) into a pack folder — the front door of this module; the CLI's
 * {@code import} command calls it.
 *
 * <pre>{@code
 * ImportReport r = Importer.into(Path.of("examples/packs/gia-lai")).importRecords(List.of(Path.of("records/")));
 * System.out.print(r.text());           // or r.json()
 * }</pre>
 *
 * <p>Per procedure it writes {@code procedures/<code>/national.yaml} (the imported layer, rewritten by every
 * import) and, unless the folder holds a hand-written procedure.yaml, a generated {@code procedure.yaml}
 * (national layer + the pack's import.yaml + the folder's local.yaml overrides); the analysts' rules, cases,
 * fee tables and local.yaml are never touched. {@code legal-bases/national.yaml} registers every national
 * legal document under its own number. The pack is updated atomically: everything is written to a copy,
 * the copy is loaded by the engine, and only a copy that loads replaces the pack; a refused record (by
 * default) or a copy that does not load leaves the pack as it was.
 *
 * <p>Not thread-safe (one import at a time per pack).
 */
public final class Importer {
    private final Path pack;
    private boolean skipRefused;
    private boolean verify = true;

    private Importer(Path pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
    }

    /** An importer into this pack folder. */
    public static Importer into(Path pack) {
        return new Importer(pack);
    }

    /** Import the good records even when some are refused (default: a refused record stops the whole import). */
    public Importer skipRefused(boolean skip) {
        this.skipRefused = skip;
        return this;
    }

    /** Load the updated pack with the engine before replacing the old one (default true). */
    public Importer verify(boolean verify) {
        this.verify = verify;
        return this;
    }

    /** Imports the records of these files and folders, and reports. */
    public ImportReport importRecords(List<Path> inputs) {
        return run(inputs, false);
    }

    /** Changes nothing: reports what an import would change (diff) and how hand-written procedures drift. */
    public ImportReport check(List<Path> inputs) {
        return run(inputs, true);
    }

    /** A planned write of one procedure. */
    private record Plan(String code, ObjectNode national, ObjectNode procedure) {
    }

    private ImportReport run(List<Path> inputs, boolean checkOnly) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ReviewItem> review = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        if (!Files.isRegularFile(pack.resolve("pack.yaml"))) {
            problems.add(ImportMessages.problem(pack.toString(), null, ImportProblem.Kind.IO, "", "refuse.noPack"));
            return new ImportReport(0, List.of(), false, problems, review, changes);
        }
        List<RecordInput> records = Records.read(inputs, problems);
        Duration workDay;
        Layers.Province province;
        Map<String, String> packBases;
        try {
            workDay = workDay(pack);
            province = Layers.province(pack);
            packBases = Summaries.packBases(pack);
        } catch (IOException | RuntimeException e) {
            problems.add(ImportMessages.problem(pack.toString(), null, ImportProblem.Kind.IO, "", "refuse.packUnreadable",
                    "detail", io.github.motcua.kernel.Failures.detail(e)));
            return new ImportReport(records.size(), List.of(), false, problems, review, changes);
        }
        RecordMapper mapper = new RecordMapper(workDay);
        Map<String, RecordMapper.Mapped> byCode = new LinkedHashMap<>();
        Map<String, String> firstOrigin = new HashMap<>();
        Set<String> duplicated = new TreeSet<>();
        for (RecordInput in : records) {
            RecordMapper.Mapped m;
            try {
                m = mapper.map(in);
            } catch (RecordMapper.Refused e) {
                problems.add(e.problem);
                continue;
            }
            if (firstOrigin.putIfAbsent(m.code(), m.origin()) != null) {
                duplicated.add(m.code());
                problems.add(ImportMessages.problem(m.origin(), m.code(), ImportProblem.Kind.DUPLICATE_CODE, "/code",
                        "refuse.duplicateCode", "first", firstOrigin.get(m.code())));
                continue;
            }
            byCode.put(m.code(), m);
        }
        duplicated.forEach(byCode::remove);
        List<Plan> plans = new ArrayList<>();
        for (RecordMapper.Mapped m : byCode.values()) {
            Path folder = pack.resolve("procedures").resolve(m.code());
            try {
                plans.add(plan(m, folder, province, workDay, packBases, changes));
                review.addAll(m.review());
            } catch (RecordMapper.Refused e) {
                problems.add(e.problem);
            } catch (IOException | RuntimeException e) {
                problems.add(ImportMessages.problem(m.origin(), m.code(), ImportProblem.Kind.IO, "",
                        "refuse.procedureFolderUnreadable", "detail", io.github.motcua.kernel.Failures.detail(e)));
            }
        }
        notInImport(byCode.keySet(), changes);
        List<String> codes = plans.stream().map(Plan::code).toList();
        if (checkOnly || plans.isEmpty() || (!problems.isEmpty() && !skipRefused)) {
            return new ImportReport(records.size(), codes, false, problems, review, changes);
        }
        boolean written;
        try {
            written = write(plans, problems);
        } catch (IOException | UncheckedIOException e) {
            problems.add(ImportMessages.problem(pack.toString(), null, ImportProblem.Kind.IO, "", "refuse.packNotWritten",
                    "detail", io.github.motcua.kernel.Failures.detail(e)));
            return new ImportReport(records.size(), codes, false, problems, review, changes);
        }
        return new ImportReport(records.size(), codes, written, problems, review, changes);
    }

    private Plan plan(RecordMapper.Mapped m, Path folder, Layers.Province province, Duration workDay,
            Map<String, String> packBases, List<Change> changes) throws IOException {
        Path procYaml = folder.resolve("procedure.yaml");
        boolean exists = Files.isRegularFile(procYaml);
        boolean handWritten = exists && !Layers.readText(procYaml).startsWith(ProcedureYaml.MARKER);
        Path natYaml = folder.resolve("national.yaml");
        if (Files.isRegularFile(natYaml)) {
            Map<String, String> before = Summaries.national(Layers.readYaml(natYaml));
            Map<String, String> after = Summaries.national(m.national());
            for (Map.Entry<String, String> e : after.entrySet()) {
                String b = before.getOrDefault(e.getKey(), "");
                if (!b.equals(e.getValue())) {
                    changes.add(new Change(m.code(), Change.Kind.CHANGED, e.getKey(), b, e.getValue()));
                }
            }
            for (String k : before.keySet()) {
                if (!after.containsKey(k)) {
                    changes.add(new Change(m.code(), Change.Kind.CHANGED, k, before.get(k), ""));
                }
            }
        } else if (!exists) {
            changes.add(new Change(m.code(), Change.Kind.ADDED, "procedure", "", m.national().get("name").asString()));
        }
        if (handWritten) {
            changes.addAll(Summaries.drift(m.code(), folder, m.national(), packBases));
            return new Plan(m.code(), m.national(), null);
        }
        ObjectNode proc = ProcedureYaml.build(m.national(), province, workDay);
        List<Layers.Override> overrides = Layers.overrides(folder, m.origin(), m.code());
        for (Layers.Override o : overrides) {
            JsonNode official = proc.get(o.field());
            if (o.official() != null && !Objects.equals(o.official(), official)) {
                changes.add(new Change(m.code(), Change.Kind.OVERRIDE_CONFLICT, o.field(),
                        "override made against " + o.official() + " -> " + o.value(), "national now " + official));
            }
            if (!packBases.containsKey(o.basis())) {
                throw new RecordMapper.Refused(ImportMessages.problem(m.origin(), m.code(), ImportProblem.Kind.BAD_OVERRIDE,
                        "local.yaml/" + o.field(), "refuse.overrideUnknownBasis", "basis", String.valueOf(o.basis())));
            }
        }
        Layers.apply(proc, overrides);
        JsonNode reviewed = Layers.review(folder, m.origin(), m.code());
        Path csv = folder.resolve("fees.csv");
        boolean ownFees = Files.exists(folder.resolve("fees.xlsx"))
                || (Files.isRegularFile(csv) && !Layers.readText(csv).startsWith(ImportedFees.MARKER));
        Layers.applyReview(proc, reviewed, overrides, ownFees, m.origin(), m.code());
        return new Plan(m.code(), m.national(), proc);
    }

    private void notInImport(Set<String> imported, List<Change> changes) {
        Path procs = pack.resolve("procedures");
        if (!Files.isDirectory(procs)) {
            return;
        }
        try (Stream<Path> s = Files.list(procs)) {
            for (Path f : s.sorted().toList()) {
                String code = f.getFileName().toString();
                if (!imported.contains(code) && Files.isRegularFile(f.resolve("national.yaml"))) {
                    changes.add(new Change(code, Change.Kind.NOT_IN_IMPORT, "procedure", "", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the plans into a staged copy and swaps it in; false (the problems say why) when nothing was written. */
    private boolean write(List<Plan> plans, List<ImportProblem> problems) throws IOException {
        // the real folder: a pack named through a link is staged and swapped where it really is, and stays linked
        Path abs = pack.toRealPath();
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Path stage = parent.resolve("." + name + ".import-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            copyTree(abs, stage);
        } catch (CopyRefused e) {
            deleteTree(stage);
            problems.addAll(e.problems);
            return false;
        } catch (IOException | RuntimeException e) {
            deleteTree(stage);
            throw e;
        }
        try {
            Path stageReal = stage.toRealPath();
            for (Plan p : plans) {
                Path folder = stage.resolve("procedures").resolve(p.code());
                if (!folder.normalize().startsWith(stage.resolve("procedures"))) {
                    throw new IOException("procedure folder outside the pack: " + p.code());
                }
                Files.createDirectories(folder);
                if (!folder.toRealPath().startsWith(stageReal)) { // a folder linked elsewhere: never written through
                    throw new IOException("procedure folder outside the pack: " + p.code());
                }
                writeString(folder.resolve("national.yaml"), "# Imported layer: rewritten by every `motcua import`; "
                        + "do not edit (put overrides in local.yaml). Field mapping: docs/import.md\n"
                        + Layers.writeYaml(p.national()));
                if (p.procedure() != null) {
                    writeString(folder.resolve("procedure.yaml"), ProcedureYaml.MARKER + "\n" + Layers.writeYaml(p.procedure()));
                    writeFees(folder, p.national());
                }
            }
            Map<String, JsonNode> planned = new HashMap<>();
            plans.forEach(p -> planned.put(p.code(), p.national()));
            writeBases(stage, planned);
            if (verify) {
                List<PackProblem> loadProblems = load(stage);
                if (!loadProblems.isEmpty()) {
                    for (PackProblem lp : loadProblems.subList(0, Math.min(20, loadProblems.size()))) {
                        problems.add(new ImportProblem(lp.file(), null, ImportProblem.Kind.PACK_CHECK, lp.code(),
                                ImportMessages.vi("refuse.packCheck", "detail", lp.messageVi()),
                                ImportMessages.en("refuse.packCheck", "detail", lp.messageEn())));
                    }
                    deleteTree(stage);
                    return false;
                }
            }
            Path old = parent.resolve("." + name + ".before-import-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(stage, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            deleteTree(old);
            return true;
        } catch (IOException | RuntimeException e) {
            if (Files.exists(stage)) {
                deleteTree(stage);
            }
            throw e;
        }
    }

    /**
     * The generated fee table of an imported procedure (docs/import.md "Fees"): written when the record states
     * every fee exactly, removed when it no longer does; an analyst's fees.csv (without the marker) or
     * fees.xlsx is never touched.
     */
    static void writeFees(Path folder, JsonNode national) throws IOException {
        Path csv = folder.resolve("fees.csv");
        if (Files.exists(folder.resolve("fees.xlsx"))
                || (Files.isRegularFile(csv) && !Layers.readText(csv).startsWith(ImportedFees.MARKER))) {
            return;
        }
        ImportedFees.Result r = ImportedFees.build(national);
        if (r.csv() != null) {
            writeString(csv, r.csv());
        } else {
            Files.deleteIfExists(csv);
        }
    }

    /** Whether the folder's fees.csv is one the import generated. */
    static boolean generatedFees(Path folder) throws IOException {
        Path csv = folder.resolve("fees.csv");
        return Files.isRegularFile(csv) && Layers.readText(csv).startsWith(ImportedFees.MARKER);
    }

    private static List<PackProblem> load(Path dir) {
        try (Engine engine = Motcua.engine().lazyCompile(true).build()) {
            LoadResult r = engine.load(dir);
            return r.problems();
        }
    }

    /** Regenerates legal-bases/national.yaml from every national.yaml of the (staged) pack. */
    static void writeBases(Path root, Map<String, JsonNode> planned) throws IOException {
        Map<String, ObjectNode> bases = new TreeMap<>();
        Map<String, TreeSet<String>> usedBy = new HashMap<>();
        Path procs = root.resolve("procedures");
        if (Files.isDirectory(procs)) {
            try (Stream<Path> s = Files.list(procs)) {
                for (Path f : s.sorted().toList()) {
                    JsonNode nat = planned.get(f.getFileName().toString());
                    if (nat == null) {
                        Path n = f.resolve("national.yaml");
                        if (!Files.isRegularFile(n)) {
                            continue;
                        }
                        nat = Layers.readYaml(n);
                    }
                    String cb = ImportedFees.decisionBasisId(nat.get("source"));
                    if (cb != null && generatedFees(f)) {
                        // the decision that published the record: cited by the generated fee table's rows
                        JsonNode src = nat.get("source");
                        usedBy.computeIfAbsent(cb, k -> new TreeSet<>()).add(nat.get("code").asString());
                        bases.computeIfAbsent(cb, k -> {
                            ObjectNode o = JsonNodeFactory.instance.objectNode();
                            o.put("id", cb);
                            // the act's title, in Vietnamese as every act of legal-bases/*.yaml
                            o.put("act", ImportMessages.vi("note.publishingAct", "decision", src.get("decision").asString())
                                    + (src.get("issuingAgency") == null ? "" : " (" + src.get("issuingAgency").asString() + ")"));
                            o.put("verified", false);
                            return o;
                        });
                    }
                    for (JsonNode b : nat.get("legalBases")) {
                        String id = b.get("id").asString();
                        usedBy.computeIfAbsent(id, k -> new TreeSet<>()).add(nat.get("code").asString());
                        bases.computeIfAbsent(id, k -> {
                            ObjectNode o = JsonNodeFactory.instance.objectNode();
                            o.put("id", id);
                            String num = b.get("number").asString();
                            String nm = b.get("name").asString();
                            o.put("act", num.isEmpty() || nm.contains(num) ? nm : num + " — " + nm);
                            o.put("verified", false);
                            return o;
                        });
                    }
                }
            }
        }
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode o : bases.values()) {
            String users = String.join(", ", usedBy.get(o.get("id").asString()));
            o.put("note", o.get("id").asString().startsWith("QG-CB-")
                    ? "[IMPORTED] " + ImportMessages.both("note.basis.publishing", "users", users)
                    : "[IMPORTED] " + ImportMessages.both("note.basis.named", "users", users));
            arr.add(o);
        }
        Path f = root.resolve("legal-bases").resolve("national.yaml");
        Files.createDirectories(f.getParent());
        if (!f.getParent().toRealPath().startsWith(root.toRealPath())) { // legal-bases/ linked elsewhere: never written through
            throw new IOException("legal-bases folder outside the pack");
        }
        if (arr.isEmpty()) {
            Files.deleteIfExists(f);
            return;
        }
        writeString(f, "# Legal documents named by the imported national records, under their own numbers.\n"
                + "# Rewritten by every `motcua import`: do not edit.\n" + Layers.writeYaml(arr));
    }

    /** The pack's working day: the sum of its office hours (pack.yaml defaults.officeHours), or null. */
    static Duration workDay(Path pack) throws IOException {
        JsonNode p = Layers.readYaml(pack.resolve("pack.yaml"));
        JsonNode oh = p == null || p.get("defaults") == null ? null : p.get("defaults").get("officeHours");
        if (oh == null || !oh.isArray() || oh.isEmpty()) {
            return null;
        }
        Duration total = Duration.ZERO;
        for (JsonNode s : oh) {
            total = total.plus(Duration.between(LocalTime.parse(s.get("from").asString()), LocalTime.parse(s.get("to").asString())));
        }
        return total;
    }

    /**
     * Writes a file of the staged copy, never through a link: a link in its place (one the analyst made, inside the
     * pack, or dangling) is an error rather than a write to wherever it leads.
     */
    private static void writeString(Path f, String text) throws IOException {
        try (java.io.OutputStream out = Files.newOutputStream(f, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The pack cannot be copied as it is: each problem names a file of the pack (nothing was written to it). */
    static final class CopyRefused extends IOException {
        private static final long serialVersionUID = 1L;
        final transient List<ImportProblem> problems;

        CopyRefused(List<ImportProblem> problems) {
            super("the pack cannot be copied: " + problems.size() + " file(s)");
            this.problems = List.copyOf(problems);
        }
    }

    /**
     * The staged copy of the pack, holding exactly what the pack holds and nothing from outside it. A link whose
     * target lies outside the pack (which every load refuses as {@code LINK_OUTSIDE_PACK}) is refused the same way
     * here, never copied as its target's content (that turned a file outside the pack into a regular file of the
     * pack, read by every later load); a link to a file of the pack is copied as that file's content, a link to a
     * folder of the pack (which a load does not follow) and a dangling link as the link itself; a named pipe,
     * socket or device is refused, never opened (a pipe made the copy wait for a writer for ever).
     *
     * @throws CopyRefused naming every such file, after the walk (the staged copy is then to be deleted)
     */
    private static void copyTree(Path from, Path to) throws IOException {
        Path real = from.toRealPath();
        Path lexical = from.toAbsolutePath().normalize();
        List<ImportProblem> refused = new ArrayList<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = from.relativize(file).toString().replace('\\', '/');
                Path dest = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Path target;
                    try {
                        target = file.toRealPath();
                    } catch (java.nio.file.NoSuchFileException e) { // dangling: judged by where its text leads
                        target = null;
                    }
                    boolean inside = target != null ? target.startsWith(real)
                            : file.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(file)).normalize().startsWith(lexical);
                    if (!inside) {
                        refused.add(packProblem(io.github.motcua.kernel.Problem.of(rel, 0, 0,
                                io.github.motcua.kernel.ProblemCode.LINK_OUTSIDE_PACK, "file", rel)));
                        return FileVisitResult.CONTINUE;
                    }
                    if (target == null || Files.isDirectory(target)) {
                        Files.copy(file, dest, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        return FileVisitResult.CONTINUE;
                    }
                    if (!Files.isRegularFile(target)) {
                        refused.add(ImportMessages.problem(rel, null, ImportProblem.Kind.IO, "", "refuse.specialFile", "file", rel));
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attrs.isRegularFile()) {
                    refused.add(ImportMessages.problem(rel, null, ImportProblem.Kind.IO, "", "refuse.specialFile", "file", rel));
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        if (!refused.isEmpty()) {
            throw new CopyRefused(refused);
        }
    }

    /** A load problem as the import reports one (as a pack check's finding): the file, its code, both messages. */
    private static ImportProblem packProblem(io.github.motcua.kernel.Problem lp) {
        return new ImportProblem(lp.file(), null, ImportProblem.Kind.PACK_CHECK, lp.code().name(),
                ImportMessages.vi("refuse.packCheck", "detail", lp.messageVi()),
                ImportMessages.en("refuse.packCheck", "detail", lp.messageEn()));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
