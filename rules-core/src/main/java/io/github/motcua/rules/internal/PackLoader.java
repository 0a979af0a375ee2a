package io.github.motcua.rules.internal;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.law.DefaultParameters;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.law.Parameter;
import io.github.motcua.rules.LocalizedText;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.spi.PackSection;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Parses and validates a pack snapshot into a {@link LoadedPack}; every problem goes to the list
 * with file, line and column. Files owned by other modules (calendar, fee tables, exemptions, form
 * schemas, templates) are handed to a registered {@link PackSection}, or tolerated when none is.
 * Pack-wide files (pack.yaml, legal bases, units) are read here; each procedure folder by a
 * {@link ProcedureReader}.
 */
final class PackLoader {
    private static final Pattern PROC_FILE = Pattern.compile("^procedures/([^/]+)/(.+)$");
    /** Files the engine reads itself: no section may claim them. */
    /** The files the engine reads itself: a section claiming one is a conflict ({@link #engineFile}). */
    static final Pattern ENGINE_FILE = Pattern.compile(
            "pack\\.yaml|units\\.yaml|parameters\\.yaml|legal-bases\\.yaml|legal-bases/.*|procedures/[^/]+/(procedure\\.yaml|national\\.yaml|local\\.yaml|cases/.*|[^/]*\\.rules\\.(csv|xlsx))"
            + "|procedures/[^/]+/(?!fees\\.drl$)[^/]*\\.drl");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PackFiles files;
    private final List<PackSection> sections;
    private final List<PackProblem> problems;
    /** What does not keep the pack out ({@code LoadResult.warnings()}). */
    private final List<PackProblem> warnings = new ArrayList<>();
    private final Memo previous;
    private final java.util.concurrent.Executor executor;
    private Memo memo;
    private Map<String, String> checkKeys = Map.of();
    /** pack.yaml as read by {@link #packInfo()} (null when missing or invalid). */
    private YamlDoc packDoc;
    /** pack.yaml {@code rules.decisionBudgetMs}, else {@link Evaluator#DEFAULT_BUDGET}. */
    private java.time.Duration decisionBudget = Evaluator.DEFAULT_BUDGET;
    /**
     * {@link PackFiles#sha256()}: queued first, before the folders, and worked out by a load thread while the calling
     * thread loads the forms; or by the first thread that needs it when none has started it (a closed executor).
     */
    private Once<String> packSha256;

    private final ProcedureReader.RuleChecks ruleChecks;

    private PackLoader(PackFiles files, List<PackSection> sections, List<PackProblem> problems, Memo previous,
            java.util.concurrent.Executor executor, ProcedureReader.RuleChecks ruleChecks) {
        this.ruleChecks = ruleChecks;
        this.files = files;
        this.sections = sections;
        this.problems = problems;
        this.previous = previous;
        this.executor = executor;
    }

    /**
     * Loads {@code files} reusing, from {@code previous} (the memo of the serving pack, loaded with
     * the same sections; may be null), every procedure whose folder is byte-identical and, when every
     * pack-wide file (everything outside {@code procedures/}) is byte-identical, the built-in sections'
     * values whose inputs are unchanged. A changed pack-wide file means a full load.
     */
    static Loaded load(PackFiles files, List<PackSection> sections, List<PackProblem> problems, Memo previous) {
        return load(files, sections, problems, previous, Runnable::run);
    }

    /**
     * As {@link #load(PackFiles, List, List, Memo)}, parsing and checking the procedure folders as
     * tasks on {@code executor} while the pack-wide sections load on the calling thread. Problems and
     * cases come out in the same order as a sequential load. The executor's tasks never wait for queued work: a task
     * that queues pieces of its own (the fee section's tables, {@link WithLoadForms}) runs itself every piece no load
     * thread has started, and waits only for pieces already running.
     */
    static Loaded load(PackFiles files, List<PackSection> sections, List<PackProblem> problems, Memo previous,
            java.util.concurrent.Executor executor) {
        return load(files, sections, problems, previous, executor, ProcedureReader.RuleChecks.AT_LOAD);
    }

    /**
     * As {@link #load(PackFiles, List, List, Memo, java.util.concurrent.Executor)}, running the checks of
     * rule texts that only report analysts' mistakes when {@code ruleChecks} says (see
     * {@link ProcedureReader.RuleChecks}).
     */
    static Loaded load(PackFiles files, List<PackSection> sections, List<PackProblem> problems, Memo previous,
            java.util.concurrent.Executor executor, ProcedureReader.RuleChecks ruleChecks) {
        return load(files, sections, problems, previous, executor, ruleChecks, false);
    }

    /**
     * As {@link #load(PackFiles, List, List, Memo, java.util.concurrent.Executor, ProcedureReader.RuleChecks)}; with
     * {@code deferFolders} (a lazy-parse load, which reuses nothing from {@code previous}) every procedure folder whose
     * name is a procedure code and which has a procedure.yaml is left unparsed: the pack's procedures and cases are
     * empty and {@link Loaded#deferred()} parses each folder exactly as this load would have. Every other check runs:
     * file limits, the content hash, the pack-wide files, every section's files, and the folders that cannot be
     * procedures (read now, so their problems refuse the load as they would in a full load). The cross-folder checks
     * (aliases) and the warnings about procedure codes named by pack-wide files are left to the deferred folders.
     */
    static Loaded load(PackFiles files, List<PackSection> sections, List<PackProblem> problems, Memo previous,
            java.util.concurrent.Executor executor, ProcedureReader.RuleChecks ruleChecks, boolean deferFolders) {
        return load(files, sections, problems, previous, executor, ruleChecks, deferFolders, null);
    }

    /**
     * As {@link #load(PackFiles, List, List, Memo, java.util.concurrent.Executor, ProcedureReader.RuleChecks, boolean)};
     * {@code afterFolder} (may be null) is given each procedure folder read without a problem, with the pack's legal
     * bases, on the thread that read it, right after it: a prebuilt load works out each procedure's rule key and reads
     * its rule headers there, on the load threads while the calling thread loads the forms section (issue 15, session
     * 24), instead of after the whole load. It must not throw; what it does changes nothing this load reports.
     */
    static Loaded load(PackFiles files, List<PackSection> sections, List<PackProblem> problems, Memo previous,
            java.util.concurrent.Executor executor, ProcedureReader.RuleChecks ruleChecks, boolean deferFolders,
            java.util.function.BiConsumer<LoadedPack.ProcedureSource, Map<String, LegalBasis>> afterFolder) {
        PackLoader l = new PackLoader(files, sections, problems, deferFolders ? null : previous, executor, ruleChecks);
        l.deferFolders = deferFolders;
        l.afterFolder = afterFolder;
        LoadedPack pack = l.load();
        return new Loaded(pack, l.memo, l.checkKeys, l.deferred);
    }

    /** A lazy-parse load ({@link #load(PackFiles, List, List, Memo, java.util.concurrent.Executor, ProcedureReader.RuleChecks, boolean)}). */
    private boolean deferFolders;
    /** Given each procedure folder read without a problem, or null ({@link #load(PackFiles, List, List, Memo, java.util.concurrent.Executor, ProcedureReader.RuleChecks, boolean, java.util.function.BiConsumer)}). */
    private java.util.function.BiConsumer<LoadedPack.ProcedureSource, Map<String, LegalBasis>> afterFolder;
    /** The folders a lazy-parse load left, or null. */
    private DeferredFolders deferred;

    /** What a procedure folder's code must look like (procedure.schema.json's {@code code}): others are read at load. */
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    /**
     * The procedure folders a lazy-parse load left unparsed (code order) and what parsing one needs, captured from that
     * load: {@link #read} gives exactly the folder's result in a full load (problems, source, cases). Thread-safe; a
     * folder may be read from any thread (each read has its own reader).
     */
    static final class DeferredFolders {
        private final Map<String, List<String>> paths;
        private final PackFiles files;
        private final FormFields.Library forms;
        private final CutOffRules cutOffs;
        private final ProcedureReader.RuleChecks ruleChecks;
        private final Set<String> claimed;
        private final Map<String, LegalBasis> bases;
        private final Set<String> expectKeys;
        /** The codes of units.yaml the cases name, or null when not checked. */
        private final Set<String> units;
        /** What the memo needs besides the folders' results (null when the load had problems). */
        private final Memo partial;
        /** The rules of the folders read so far, the ones the load read included ({@link ProcedureCompiler#MAX_PACK_RULES}). */
        private final java.util.concurrent.atomic.AtomicLong rules;

        private DeferredFolders(Map<String, List<String>> paths, PackFiles files, FormFields.Library forms, CutOffRules cutOffs,
                ProcedureReader.RuleChecks ruleChecks, Set<String> claimed, Map<String, LegalBasis> bases, Set<String> expectKeys,
                Set<String> units, Memo partial, long rulesAtLoad) {
            this.units = units;
            this.rules = new java.util.concurrent.atomic.AtomicLong(rulesAtLoad);
            this.paths = paths;
            this.files = files;
            this.forms = forms;
            this.cutOffs = cutOffs;
            this.ruleChecks = ruleChecks;
            this.claimed = claimed;
            this.bases = bases;
            this.expectKeys = expectKeys;
            this.partial = partial;
        }

        /** The deferred folders' codes, in code order. */
        java.util.Collection<String> codes() {
            return paths.keySet();
        }

        /**
         * Parses and checks folder {@code code} as the full load would have; a folder whose rules take the pack past
         * {@link ProcedureCompiler#MAX_PACK_RULES} is refused ({@code DRL_TOO_MANY_RULES}, quarantined like any folder
         * with a problem) and not counted. Each folder is read once ({@link DeferredProcedures}).
         */
        ProcedureReader.Folder read(String code) {
            ProcedureReader.Folder f = readFolder(files, forms, cutOffs, ruleChecks, code, paths.get(code), claimed, bases, expectKeys,
                    units);
            if (f.proc() == null) {
                return f;
            }
            int n = ProcedureCompiler.ruleCount(f.proc().source());
            long total = rules.addAndGet(n);
            if (total > ProcedureCompiler.MAX_PACK_RULES) {
                rules.addAndGet(-n);
                ProblemSink<PackProblem> mine = ProblemCap.sink();
                mine.addAll(f.problems());
                mine.add(ProcedureCompiler.tooManyRulesInPack("procedures/" + code, total));
                return new ProcedureReader.Folder(code, null, mine, false);
            }
            return f;
        }

        /**
         * The memo of the pack once every folder is read: {@code procs} the folders' results (each without a problem),
         * or null when some had one (a full load with a problem leaves nothing to reuse either).
         */
        Memo memo(Map<String, Proc> procs) {
            return partial == null || procs.size() != paths.size() ? null
                    : new Memo(partial.wide(), partial.folderKeys(), Map.copyOf(procs), partial.sectionKeys(), partial.sectionValues());
        }
    }

    /** One procedure folder parsed and checked; a reader that throws gives the folder's {@code LOAD_FAILED} problem. */
    /** @param units the codes of units.yaml the cases' units are checked against, or null (units.yaml unreadable) */
    private static ProcedureReader.Folder readFolder(PackFiles files, FormFields.Library forms, CutOffRules cutOffs,
            ProcedureReader.RuleChecks ruleChecks, String code, List<String> paths, Set<String> claimed,
            Map<String, LegalBasis> bases, Set<String> expectKeys, Set<String> units) {
        // bounded while read: at most ProblemCap.MAX of the folder's problems kept, the rest counted, folded into the load's
        ProblemSink<PackProblem> mine = ProblemCap.sink();
        try {
            return new ProcedureReader(files, mine, forms, cutOffs, ruleChecks).folder(code, paths, claimed, bases, expectKeys,
                    units);
        } catch (RuntimeException | StackOverflowError x) {
            mine.add(Msg.problem("procedures/" + code + "/procedure.yaml", 0, 0, "LOAD_FAILED", "load.procedure.failed",
                    "detail", io.github.motcua.kernel.Failures.describe(x)));
            return new ProcedureReader.Folder(code, null, mine, false);
        }
    }

    /**
     * A loaded pack, what a later reload may reuse from it (null when the load had problems), and
     * each procedure's check key by code: SHA-256 over the legal-bases files and the procedure
     * folder's files (paths, lengths and each file's SHA-256), what lint and rule metadata depend on, so equal
     * keys let the engine reuse them.
     */
    record Loaded(LoadedPack pack, Memo memo, Map<String, String> checkKeys, DeferredFolders deferred) {
        Loaded(LoadedPack pack, Memo memo, Map<String, String> checkKeys) {
            this(pack, memo, checkKeys, null);
        }
    }

    /**
     * What a reload may reuse: content keys (SHA-256) of the pack-wide files and of each procedure
     * folder, each clean procedure's parsed source and cases, and built-in section values with the key
     * of their inputs. Immutable once its keys are worked out, so thread-safe. A first load's memo works its keys
     * out after the load ({@link LaterKeys}): they only serve a later reload, and a fresh JVM digests them several
     * times faster once the load's own hashing has had the JIT compile SHA-256.
     */
    static final class Memo {
        private final String wide;
        private final Map<String, String> folderKeys;
        private final Map<String, String> sectionKeys;
        private final LaterKeys later;
        private final Map<String, Proc> procs;
        private final Map<String, Object> sectionValues;

        Memo(String wide, Map<String, String> folderKeys, Map<String, Proc> procs, Map<String, String> sectionKeys,
                Map<String, Object> sectionValues) {
            this(wide, folderKeys, sectionKeys, null, procs, sectionValues);
        }

        private Memo(String wide, Map<String, String> folderKeys, Map<String, String> sectionKeys, LaterKeys later,
                Map<String, Proc> procs, Map<String, Object> sectionValues) {
            this.wide = wide;
            this.folderKeys = folderKeys;
            this.sectionKeys = sectionKeys;
            this.later = later;
            this.procs = procs;
            this.sectionValues = sectionValues;
        }

        /** The pack-wide files' key. */
        String wide() {
            return later == null ? wide : later.get().wide();
        }

        /** Each procedure folder's key by code. */
        Map<String, String> folderKeys() {
            return later == null ? folderKeys : later.get().folderKeys();
        }

        /** Each reusable section's key (its files and the pack-wide files) by name. */
        Map<String, String> sectionKeys() {
            return later == null ? sectionKeys : later.get().sectionKeys();
        }

        Map<String, Proc> procs() {
            return procs;
        }

        Map<String, Object> sectionValues() {
            return sectionValues;
        }

        /** Whether the keys are worked out (always, but for a first load's memo until {@link #settle} or a read). */
        boolean keysWorkedOut() {
            return later == null || later.done.isDone();
        }

        /** Starts working out the keys on {@code executor} when they are still to do (a first load's memo). */
        void settle(java.util.concurrent.Executor executor) {
            if (later != null) {
                later.start(executor);
            }
        }
    }

    /**
     * A first load's keys — each file's SHA-256, each folder's key, each reusable section's key and each procedure's
     * check key — worked out once, after the load: on a load thread ({@link #start}, called when the pack serves), or by
     * the first caller that needs one (a reload), whichever comes first. Nothing of the load waits for them: they are
     * only ever compared with a later load's. Holds the files until then. Thread-safe.
     */
    static final class LaterKeys {
        private PackFiles files;
        private List<String> sectionNames;
        private List<Map<String, byte[]>> sectionFiles;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.CompletableFuture<Done> done = new java.util.concurrent.CompletableFuture<>();

        record Done(String wide, Map<String, String> folderKeys, Map<String, String> sectionKeys, Map<String, String> checkKeys) {
        }

        private LaterKeys(PackFiles files, List<String> sectionNames, List<Map<String, byte[]>> sectionFiles) {
            this.files = files;
            this.sectionNames = sectionNames;
            this.sectionFiles = sectionFiles;
        }

        /** Queues the work on {@code executor} (a closed one leaves it to the first caller). */
        void start(java.util.concurrent.Executor executor) {
            if (claimed.get()) {
                return;
            }
            try {
                executor.execute(this::work);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed: the first caller works them out
            }
        }

        /** The keys: worked out on this thread when no thread has started on them, else waited for. */
        Done get() {
            work();
            return join(done);
        }

        private void work() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                Keys k = join(groupKeys(files, Runnable::run));
                String wide = k.groups().get("");
                Map<String, String> sections = new java.util.HashMap<>();
                for (int i = 0; i < sectionNames.size(); i++) {
                    sections.put(sectionNames.get(i), wide + "/" + key(sectionFiles.get(i), k.files()));
                }
                Map<String, String> folders = new java.util.HashMap<>(k.groups());
                folders.remove("");
                done.complete(new Done(wide, Map.copyOf(folders), Map.copyOf(sections), Map.copyOf(checkKeys(files, k))));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            } finally {
                files = null; // the pack's bytes are not kept for longer than this
                sectionNames = null;
                sectionFiles = null;
            }
        }

        /** Each procedure's check key by code, a view that works the keys out at its first read. */
        Map<String, String> checkKeyView() {
            return new java.util.AbstractMap<>() {
                @Override
                public String get(Object code) {
                    return LaterKeys.this.get().checkKeys().get(code);
                }

                @Override
                public Set<Map.Entry<String, String>> entrySet() {
                    return LaterKeys.this.get().checkKeys().entrySet();
                }
            };
        }
    }

    /** One procedure folder parsed without a problem: its source (rules included) and its cases. */
    record Proc(LoadedPack.ProcedureSource source, List<PackCase> cases, List<PackProblem> warnings) {
        Proc {
            warnings = List.copyOf(warnings); // kept with the folder: a reload that reuses it reports them again
        }

        Proc(LoadedPack.ProcedureSource source, List<PackCase> cases) {
            this(source, cases, List.of());
        }
    }

    /**
     * Each file's SHA-256 (of its bytes) by path, and each folder's key over its files' paths, lengths and those
     * digests (and the digests of their stored trees, from a prebuilt pack) (per procedure folder code, and over every other file under key ""): digested in batches of folders
     * as tasks on {@code executor}. The sections' keys and the legal bases' key are then digests of digests
     * ({@link #key(Map, Map)}), so no file is read twice for them.
     */
    private static java.util.concurrent.CompletableFuture<Keys> groupKeys(PackFiles files,
            java.util.concurrent.Executor executor) {
        Map<String, List<Map.Entry<String, byte[]>>> groups = new LinkedHashMap<>();
        files.files().entrySet().forEach(e -> {
            Matcher m = PROC_FILE.matcher(e.getKey());
            String group = m.matches() ? m.group(1) : "";
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(e);
        });
        List<Map.Entry<String, List<Map.Entry<String, byte[]>>>> all = new ArrayList<>(groups.entrySet());
        List<java.util.concurrent.CompletableFuture<Keys>> batches = new ArrayList<>();
        int batch = 64;
        for (int from = 0; from < all.size(); from += batch) {
            List<Map.Entry<String, List<Map.Entry<String, byte[]>>>> mine = all.subList(from, Math.min(all.size(), from + batch));
            batches.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                Keys out = new Keys(new java.util.HashMap<>(), new java.util.HashMap<>());
                java.security.MessageDigest file = sha256();
                for (Map.Entry<String, List<Map.Entry<String, byte[]>>> g : mine) {
                    java.security.MessageDigest md = sha256();
                    for (Map.Entry<String, byte[]> f : g.getValue()) {
                        byte[] d = files.digest(f.getKey()); // a prebuilt pack's reader digested it while it read
                        d = d != null ? d : file.digest(f.getValue());
                        out.files().put(f.getKey(), d);
                        digest(md, f.getKey(), f.getValue().length, d);
                        byte[] tree = files.tree(f.getKey());
                        if (tree != null) {
                            // a prebuilt pack's stored tree is what the readers read: a folder is reused only with it
                            byte[] t = files.treeDigest(f.getKey());
                            md.update((byte) 'T');
                            md.update(t != null ? t : file.digest(tree));
                        }
                    }
                    out.groups().put(g.getKey(), java.util.HexFormat.of().formatHex(md.digest()));
                }
                return out;
            }, executor));
        }
        return java.util.concurrent.CompletableFuture.allOf(batches.toArray(java.util.concurrent.CompletableFuture[]::new))
                .thenApply(v -> {
                    Keys out = new Keys(new java.util.HashMap<>(), new java.util.HashMap<>(files.files().size() * 2));
                    batches.forEach(b -> {
                        Keys k = b.join();
                        out.groups().putAll(k.groups());
                        out.files().putAll(k.files());
                    });
                    out.groups().putIfAbsent("", "");
                    return out;
                });
    }

    /** Each folder's key by code ("" for the pack-wide files), and each file's SHA-256 by path. */
    private record Keys(Map<String, String> groups, Map<String, byte[]> files) {
    }

    /** Per procedure folder: SHA-256 over the legal-bases files' key and the folder's key. */
    private static Map<String, String> checkKeys(PackFiles files, Keys keys) {
        Map<String, byte[]> bases = new TreeMap<>();
        files.files().forEach((path, bytes) -> {
            if (path.startsWith("legal-bases/") || path.equals("legal-bases.yaml")) {
                bases.put(path, bytes);
            }
        });
        String basesKey = key(bases, keys.files());
        Map<String, String> out = new java.util.HashMap<>();
        keys.groups().forEach((group, k) -> {
            if (!group.isEmpty()) {
                java.security.MessageDigest md = sha256();
                md.update((basesKey + "/" + k).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.put(group, java.util.HexFormat.of().formatHex(md.digest()));
            }
        });
        return out;
    }

    /**
     * SHA-256 over each file's path, length and SHA-256 ({@code digests}, the file hashed here when it has none), in
     * path order: equal exactly when the files are (as a digest of the bytes themselves would be).
     */
    private static String key(Map<String, byte[]> files, Map<String, byte[]> digests) {
        java.security.MessageDigest md = sha256();
        java.security.MessageDigest file = null;
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            byte[] d = digests.get(f.getKey());
            if (d == null) {
                file = file == null ? sha256() : file;
                d = file.digest(f.getValue());
            }
            digest(md, f.getKey(), f.getValue().length, d);
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static void digest(java.security.MessageDigest md, String path, int length, byte[] fileDigest) {
        md.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Integer.toString(length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(fileDigest);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Two sections with one name or one part key, and a file claimed by two sections or by a section
     * and the engine, are problems: a section never silently takes another's files or place.
     */
    private Map<String, String> claims() {
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, String> partKeys = new java.util.HashMap<>();
        Map<String, String> expectKeys = new java.util.HashMap<>();
        for (PackSection s : sections) {
            String had = names.putIfAbsent(s.name(), s.getClass().getName());
            if (had != null) {
                problems.add(Msg.problem("pack.yaml", 0, 0, "DUPLICATE_SECTION", "load.section.sameName", "name", s.name(),
                        "first", String.valueOf(had), "second", s.getClass().getName()));
            }
            if (s instanceof io.github.motcua.rules.spi.DecisionSection<?> d) {
                String k = d.key().name();
                had = partKeys.putIfAbsent(k, s.name());
                if (had != null) {
                    problems.add(Msg.problem("pack.yaml", 0, 0, "DUPLICATE_SECTION", "load.section.samePart", "first", String.valueOf(had),
                            "second", s.name(), "part", String.valueOf(k)));
                }
                String e = d.expectKey();
                if (e != null && (had = expectKeys.putIfAbsent(e, s.name())) != null) {
                    problems.add(Msg.problem("pack.yaml", 0, 0, "DUPLICATE_SECTION", "load.section.sameExpectation", "first", String.valueOf(had),
                            "second", s.name(), "key", e));
                }
            }
        }
        return expectKeys;
    }

    /** The files each section claims (in section order), every file claimed, and the claim conflicts in the order met. */
    private record Claimed(List<Map<String, byte[]>> sectionFiles, Set<String> claimed, List<PackProblem> problems) {
    }

    /**
     * Which files each section claims: a file claimed by the engine or by an earlier section is a conflict (a section
     * never silently takes another's files). Reads only the files and the sections, so it may run on a load thread.
     */
    private Claimed claimed() {
        // each file asked of every section in turn (one pass over the files, not one a section): a file's first
        // claimer takes it; a later claimer, or any claimer of a file the engine reads, is a conflict; the conflicts
        // are reported section by section, each section's in file order, as a pass a section gave them
        int n = sections.size();
        PackSection[] order = sections.toArray(new PackSection[0]);
        List<Map<String, byte[]>> sectionFiles = new ArrayList<>(n);
        List<List<PackProblem>> conflicts = new ArrayList<>(n);
        for (int si = 0; si < n; si++) {
            sectionFiles.add(new TreeMap<>());
            conflicts.add(new ArrayList<>(0));
        }
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            String p = f.getKey();
            String first = null; // the name of the first section that claims it
            int engine = -1; // whether the engine reads it: worked out at its first claim
            for (int si = 0; si < n; si++) {
                PackSection s = order[si];
                if (!s.claims(p)) {
                    continue;
                }
                String name = s.name();
                if (engine < 0) {
                    engine = engineFile(p) ? 1 : 0;
                }
                if (engine == 1) {
                    conflicts.get(si).add(claimConflict(p, "engine", name));
                } else if (first != null) {
                    conflicts.get(si).add(claimConflict(p, first, name));
                } else {
                    sectionFiles.get(si).put(p, f.getValue());
                }
                first = first == null ? name : first;
            }
        }
        List<PackProblem> found = new ArrayList<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (int si = 0; si < n; si++) {
            found.addAll(conflicts.get(si));
            claimed.addAll(sectionFiles.get(si).keySet());
        }
        return new Claimed(sectionFiles, claimed, found);
    }

    /**
     * Whether the engine reads the file at {@code path} itself: {@link #ENGINE_FILE} matches it. Every alternative of the
     * pattern names a path ending {@code .yaml}, {@code .drl}, {@code .rules.csv} or {@code .rules.xlsx}, starting
     * {@code legal-bases/} or holding {@code /cases/}; a path that is none of these is not matched, and is answered
     * without running the pattern (issue 15, session 22: the claim pass asked the pattern of every claimed file — each
     * form, fee table and template, ≈ 10,000 a 2,000-procedure catalogue — much of it in code the JIT had not compiled
     * yet). Every other path is the pattern's to answer.
     */
    static boolean engineFile(String path) {
        return (path.endsWith(".yaml") || path.endsWith(".drl") || path.endsWith(".rules.csv") || path.endsWith(".rules.xlsx")
                || path.startsWith("legal-bases/") || path.contains("/cases/")) && ENGINE_FILE.matcher(path).matches();
    }

    private static PackProblem claimConflict(String path, String first, String second) {
        return Msg.problem(path, 0, 0, "SECTION_CLAIM_CONFLICT", "load.section.claimConflict", "first", first, "second", second);
    }

    /** The value of a load thread's task; what it threw, as the calling thread would have thrown it. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    private LoadedPack load() {
        // on the load threads while this thread parses the pack-wide files: which files each section claims (sections
        // are thread-safe; the claim problems keep their place below), each folder's files and each folder's key; the
        // pack's hash (one pass over every byte) is queued behind the folders, below
        java.util.concurrent.CompletableFuture<Claimed> claimedF = java.util.concurrent.CompletableFuture.supplyAsync(this::claimed, executor);
        java.util.concurrent.CompletableFuture<Map<String, List<String>>> byProcedureF = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Map<String, List<String>> out = new TreeMap<>(); // each procedure folder's files
            for (String path : files.files().keySet()) {
                Matcher m = PROC_FILE.matcher(path);
                if (m.matches()) {
                    out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(path);
                }
            }
            return out;
        }, executor);
        packSha256 = new Once<>(files::sha256);
        try {
            // the load's longest task after the forms section, one pass over every byte and cold (the JIT has not yet
            // compiled SHA-256's intrinsic): started first, by a load thread, while this thread parses the pack-wide
            // files and then loads the forms, and the other load thread reads folders; the many small folder reads
            // then even out the threads' ends (issue 15, session 24: last, it ended a load thread's work after the rest)
            executor.execute(packSha256);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: worked out below, by the first thread that needs it
        }
        // a first load (nothing to reuse) needs the keys only for a later reload: worked out after it (LaterKeys)
        boolean keysLater = previous == null && !deferFolders;
        java.util.concurrent.CompletableFuture<Keys> keysF = keysLater ? null : groupKeys(files, executor);
        Map<String, Proc> procMemo = new java.util.HashMap<>();
        Map<String, String> sectionKeys = new java.util.HashMap<>();
        long problemsAtStart = ProblemSink.found(problems); // a sink's size stops at its cap: every problem found
        java.util.function.Function<String, PackInfo> infoWithHash = packInfo();
        Map<String, LegalBasis> bases = legalBases();
        Map<String, ReceivingUnit> units = units();
        // the codes a case's unit must name; none read from a units.yaml that is there (its problem is reported): not checked
        Set<String> unitCodes = units.isEmpty() && files.get("units.yaml") != null ? null : Set.copyOf(units.keySet());
        Map<String, Parameter<?>> parameters = parameters(bases);
        CutOffRules cutOffs = CutOffRules.read(packDoc, bases, problems);
        Map<String, Object> sectionValues = new LinkedHashMap<>();
        Set<String> expectKeys = claims().keySet();
        Claimed c = join(claimedF);
        problems.addAll(c.problems());
        Set<String> claimed = c.claimed();
        List<Map<String, byte[]>> sectionFiles = c.sectionFiles();
        // a first load reuses nothing: the folders' keys are needed only by the sections' keys and the memo, later
        Map<String, String> keys = previous == null ? null : join(keysF).groups();
        String wide = keys == null ? null : keys.get("");
        boolean reuse = previous != null && previous.wide().equals(wide);
        Map<String, List<String>> byProcedure = join(byProcedureF);
        FormFields.Library forms = FormFields.Library.of(files);
        // a first load's fee section (the section handed the load's forms) checks the quantity cells of the fee tables
        // against their forms at the end of the load: each folder read builds its own form's fields for it meanwhile, on
        // the threads reading folders in parallel, and the section finds them built (a reload's section reuses the
        // unchanged folders' tables and checks only the others: left to it)
        boolean feeForms = previous == null && sections.stream().anyMatch(s -> s instanceof WithLoadForms);
        // procedure folders are independent of each other and of the sections: check them meanwhile
        List<java.util.concurrent.CompletableFuture<ProcedureReader.Folder>> folders = new ArrayList<>();
        List<Once<ProcedureReader.Folder>> folderLoads = new ArrayList<>(); // what this thread may take over, below
        Map<String, List<String>> deferredPaths = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byProcedure.entrySet()) {
            if (deferFolders && CODE.matcher(e.getKey()).matches() && files.get("procedures/" + e.getKey() + "/procedure.yaml") != null) {
                deferredPaths.put(e.getKey(), e.getValue()); // a procedure's folder: read at its first use or in the background
                continue;
            }
            Proc known = reuse && keys.get(e.getKey()).equals(previous.folderKeys().get(e.getKey())) ? previous.procs().get(e.getKey()) : null;
            if (known != null) { // byte-identical folder, same pack-wide files and sections: same result
                folders.add(java.util.concurrent.CompletableFuture.completedFuture(new ProcedureReader.Folder(e.getKey(), known, List.of(), true)));
                continue;
            }
            Once<ProcedureReader.Folder> folder = new Once<>(() -> {
                ProcedureReader.Folder read = readFolder(files, forms, cutOffs, ruleChecks, e.getKey(), e.getValue(), claimed,
                        bases, expectKeys, unitCodes);
                if (feeForms) {
                    FeeFormChecks.prebuild(files.files(), e.getKey(), forms);
                }
                if (afterFolder != null && read.proc() != null && read.problems().isEmpty()) {
                    afterFolder.accept(read.proc().source(), bases);
                }
                return read;
            });
            folderLoads.add(folder);
            folders.add(folder.done);
            try {
                executor.execute(folder);
            } catch (java.util.concurrent.RejectedExecutionException x) {
                // closed meanwhile: this thread reads it below
            }
        }
        // this thread loads the sections now, the forms first (the longest): no built-in section reads the pack's
        // identity, so none waits for the hash, which a load thread works out meanwhile (issue 15, session 24: hashed
        // here first, the hash — cold, before the JIT has compiled SHA-256's intrinsic — held the forms section back by
        // ≈ 0.3 s on 2,000 procedures, the end of the load); a section that may read the identity (a plug-in) waits for
        // the hash, or works it out itself when no thread has started it
        PackSection.Context withoutIdentity = new PackSection.Context(null, bases, units, files.files());
        java.util.function.Supplier<PackSection.Context> withIdentity = new java.util.function.Supplier<>() {
            private PackSection.Context context;

            @Override
            public synchronized PackSection.Context get() {
                if (context == null) {
                    context = new PackSection.Context(infoWithHash == null ? null : infoWithHash.apply(packSha256.get()),
                            bases, units, files.files());
                }
                return context;
            }
        };
        Keys fileKeys = keysLater ? null : join(keysF);
        keys = keysLater ? null : fileKeys.groups();
        wide = keysLater ? null : keys.get("");
        List<String> reusableNames = new ArrayList<>();
        List<Map<String, byte[]>> reusableFiles = new ArrayList<>();
        for (int si = 0; si < sections.size(); si++) {
            if (sections.get(si).reusable()) {
                reusableNames.add(sections.get(si).name());
                reusableFiles.add(sectionFiles.get(si));
            }
        }
        LaterKeys later = keysLater ? new LaterKeys(files, List.copyOf(reusableNames), List.copyOf(reusableFiles)) : null;
        checkKeys = keysLater ? later.checkKeyView() : checkKeys(files, fileKeys);
        // the sections are independent of each other (each its own files and the context): this thread loads them in
        // order, and a load thread done with the folders takes one not started yet; their results are taken in order
        List<Once<SectionOutcome>> loads = new ArrayList<>(); // each section run once, by the loader or a load thread
        Map<String, String> folderKeysNow = keys;
        String wideNow = wide;
        for (int si = 0; si < sections.size(); si++) {
            PackSection s = sections.get(si);
            Map<String, byte[]> mine = sectionFiles.get(si);
            Once<SectionOutcome> sl = new Once<>(() -> loadSection(s, mine,
                    s instanceof WithoutPackIdentity ? withoutIdentity : withIdentity.get(), reuse, wideNow, fileKeys, folderKeysNow, forms));
            loads.add(sl);
            try {
                executor.execute(sl);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile: this thread loads it below
            }
        }
        loads.forEach(Once::run);
        // done with the sections it could take: this thread reads the folders no load thread has started, from the last
        // (the load threads take them from the first), so no thread idles while another still has a queue of folders
        for (int i = folderLoads.size() - 1; i >= 0; i--) {
            folderLoads.get(i).run();
        }
        for (int si = 0; si < sections.size(); si++) {
            PackSection s = sections.get(si);
            Map<String, byte[]> mine = sectionFiles.get(si);
            SectionOutcome o = loads.get(si).get();
            if (o.key() != null) {
                sectionKeys.put(s.name(), o.key());
            }
            if (o.failure() != null) {
                RuntimeException e = o.failure();
                problems.add(new PackProblem(mine.isEmpty() ? "pack.yaml" : mine.keySet().iterator().next(), 0, 0,
                        "SECTION_FAILED", Msg.vi("load.section.failed", "name", s.name(), "detail", io.github.motcua.kernel.Failures.detail(e)),
                        Msg.en("load.section.failed", "name", s.name(), "detail", io.github.motcua.kernel.Failures.detail(e))));
                continue;
            }
            if (o.result() != null) {
                problems.addAll(o.result().problems());
                if (o.problems() != null) {
                    problems.addAll(o.problems()); // its count folded
                }
                warnings.addAll(o.result().warnings());
            }
            if (o.value() != null) {
                sectionValues.put(s.name(), o.value());
            }
        }
        if (deferFolders && (ProblemSink.found(problems) != problemsAtStart || folders.stream().anyMatch(f -> !f.join().problems().isEmpty()))) {
            // refused anyway: every folder read now, so the report is the one a full load gives
            for (Map.Entry<String, List<String>> e : deferredPaths.entrySet()) {
                folders.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> readFolder(files, forms, cutOffs, ruleChecks, e.getKey(), e.getValue(), claimed, bases, expectKeys, unitCodes), executor));
            }
            deferredPaths.clear();
            deferFolders = false;
        }
        PackInfo info = infoWithHash == null ? null : infoWithHash.apply(packSha256.get());
        Map<String, LoadedPack.ProcedureSource> procedures = new TreeMap<>();
        List<PackCase> cases = new ArrayList<>();
        for (java.util.concurrent.CompletableFuture<ProcedureReader.Folder> f : folders) {
            ProcedureReader.Folder r = f.join();
            problems.addAll(r.problems());
            if (r.proc() != null) {
                procedures.put(r.proc().source().procedure().code(), r.proc().source());
                cases.addAll(r.proc().cases());
                warnings.addAll(r.proc().warnings());
                if (r.clean()) {
                    procMemo.put(r.code(), r.proc());
                }
            }
        }
        forms.loaded(); // the folders read now are read: the copies' patterns are not kept with the deferred checks
        long packRules = 0;
        for (LoadedPack.ProcedureSource src : procedures.values()) {
            packRules += ProcedureCompiler.ruleCountAtMost(src); // a bound above the count, without parsing the texts
        }
        if (packRules > ProcedureCompiler.MAX_PACK_RULES) {
            packRules = 0; // past the limit: the exact count decides, and is the one reported
            for (LoadedPack.ProcedureSource src : procedures.values()) {
                packRules += ProcedureCompiler.ruleCount(src);
            }
        }
        if (packRules > ProcedureCompiler.MAX_PACK_RULES) {
            // before any rule is parsed, translated or compiled: the engine builds nothing of a pack with problems
            problems.add(ProcedureCompiler.tooManyRulesInPack("procedures", packRules));
        }
        if (deferFolders) {
            // the cross-folder checks (aliases) and the warnings naming procedures need every folder: left to the folders
            if (info == null) {
                return null;
            }
            Map<String, String> folderKeys = new java.util.HashMap<>(keys);
            folderKeys.remove("");
            Memo partial = ProblemSink.found(problems) == problemsAtStart
                    ? new Memo(wide, Map.copyOf(folderKeys), Map.of(), Map.copyOf(sectionKeys), Map.copyOf(sectionValues)) : null;
            deferred = new DeferredFolders(java.util.Collections.unmodifiableMap(deferredPaths), files, forms, cutOffs, ruleChecks,
                    claimed, java.util.Collections.unmodifiableMap(bases), expectKeys, unitCodes, partial, packRules);
            return new LoadedPack(info, java.util.Collections.unmodifiableMap(bases), java.util.Collections.unmodifiableMap(units), java.util.Collections.unmodifiableMap(procedures), List.copyOf(cases),
                    Map.copyOf(sectionValues), decisionBudget, java.util.Collections.unmodifiableMap(parameters), List.copyOf(warnings));
        }
        aliasConflicts(procedures, problems);
        List<io.github.motcua.rules.Procedure> loadedProcedures = procedures.values().stream()
                .map(LoadedPack.ProcedureSource::procedure).toList();
        CutOffRules.unknownProcedures(packDoc, loadedProcedures, warnings);
        for (Object v : sectionValues.values()) { // a section naming procedures: warned with the loaded ones
            if (v instanceof ProcedureReferences refs) {
                warnings.addAll(refs.unknownProcedures(loadedProcedures));
            }
        }
        if (info == null) {
            return null;
        }
        if (ProblemSink.found(problems) == problemsAtStart && later != null) {
            memo = new Memo(null, null, null, later, Map.copyOf(procMemo), Map.copyOf(sectionValues));
        } else if (ProblemSink.found(problems) == problemsAtStart) {
            Map<String, String> folderKeys = new java.util.HashMap<>(keys);
            folderKeys.remove("");
            memo = new Memo(wide, Map.copyOf(folderKeys), Map.copyOf(procMemo), Map.copyOf(sectionKeys),
                    Map.copyOf(sectionValues));
        }
        return new LoadedPack(info, java.util.Collections.unmodifiableMap(bases), java.util.Collections.unmodifiableMap(units), java.util.Collections.unmodifiableMap(procedures), List.copyOf(cases),
                Map.copyOf(sectionValues), decisionBudget, java.util.Collections.unmodifiableMap(parameters), List.copyOf(warnings));
    }

    /**
     * What loading one section gave: its reuse key (reusable sections), its result (null when the previous value is
     * reused) and its value, or the exception its load threw.
     */
    private record SectionOutcome(String key, PackSection.Result result, Object value, RuntimeException failure,
            ProblemSink<PackProblem> problems) {
        SectionOutcome(String key, PackSection.Result result, Object value, RuntimeException failure) {
            this(key, result, value, failure, null);
        }
    }

    /**
     * Work run once by whichever thread comes first: a load thread that finds it queued, or a thread that needs it (the
     * folders, the sections, the fee section's pieces: {@link FeeTableSpread}).
     */
    static final class Once<T> implements Runnable {
        private final java.util.function.Supplier<T> job;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();

        Once(java.util.function.Supplier<T> job) {
            this.job = job;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                done.complete(job.get());
            } catch (Throwable t) { // rethrown on the thread that needs the value, as when it ran there
                done.completeExceptionally(t);
            }
        }

        /** The value: worked out here unless another thread has started it, then waited for. */
        T get() {
            run();
            return join(done);
        }
    }

    /**
     * Loads (or reloads, or reuses) section {@code s}; touches nothing of the loader's but what it reads. A section that
     * reads procedures' form fields ({@link WithLoadForms}) is handed {@code forms}, the load's, which the folder reads
     * share (thread-safe), and the load's threads, on which it may spread its own work (the fee tables' parse).
     */
    private SectionOutcome loadSection(PackSection s, Map<String, byte[]> mine, PackSection.Context context, boolean reuse,
            String wide, Keys fileKeys, Map<String, String> keys, FormFields.Library forms) {
        WithLoadForms withForms = s instanceof WithLoadForms w ? w : null;
        // a built-in section's problems, bounded as made and folded into the load's below (never rendered in between)
        WithProblemSink withSink = s instanceof WithProblemSink w ? w : null;
        ProblemSink<PackProblem> sink = withForms != null || withSink != null ? ProblemCap.sink() : null;
        String sk = null;
        try {
            PackSection.Result r;
            Object before = reuse ? previous.sectionValues().get(s.name()) : null;
            if (s.reusable()) {
                // its inputs: its files plus the pack-wide files (a first load's: worked out later, LaterKeys)
                sk = fileKeys == null ? null : wide + "/" + key(mine, fileKeys.files());
                if (before != null && sk.equals(previous.sectionKeys().get(s.name()))) {
                    return new SectionOutcome(sk, null, before, null);
                }
                r = withForms != null ? withForms.load(mine, context, forms, sink, executor)
                        : withSink != null ? withSink.load(mine, context, sink) : s.load(mine, context);
            } else if (before != null) {
                Set<String> unchanged = new java.util.HashSet<>();
                keys.forEach((code, k) -> {
                    if (!code.isEmpty() && k.equals(previous.folderKeys().get(code))) {
                        unchanged.add(code);
                    }
                });
                r = withForms != null ? withForms.reload(mine, context, before, unchanged, forms, sink, executor)
                        : withSink != null ? withSink.load(mine, context, sink) : s.reload(mine, context, before, unchanged);
            } else {
                r = withForms != null ? withForms.load(mine, context, forms, sink, executor)
                        : withSink != null ? withSink.load(mine, context, sink) : s.load(mine, context);
            }
            return new SectionOutcome(sk, r, r.value(), null, sink);
        } catch (RuntimeException e) {
            return new SectionOutcome(sk, null, null, e);
        }
    }

    private YamlDoc yaml(String path, String kind, boolean required) {
        return yaml(files, problems, path, kind, required);
    }

    /**
     * Parses {@code path} (or, from a prebuilt pack, reads its stored tree: validated the same way) and validates it
     * against the schema {@code kind}; null (with problems added) when it is missing and required, malformed or
     * invalid, or null when missing and optional.
     */
    static YamlDoc yaml(PackFiles files, List<PackProblem> problems, String path, String kind, boolean required) {
        if (files.get(path) == null) {
            if (required) {
                problems.add(Msg.problem(path, 0, 0, "MISSING_FILE", "load.file.missing", "file", path));
            }
            return null;
        }
        byte[] stored = files.tree(path);
        YamlDoc doc;
        if (stored != null) {
            doc = files.storedIsText(path, problems) ? YamlDoc.stored(path, stored, problems) : null;
        } else {
            String text = files.text(path, problems);
            doc = text == null ? null : YamlDoc.parse(path, text, problems);
        }
        if (doc == null) {
            return null;
        }
        List<PackProblem> found = Schemas.validate(kind, doc);
        problems.addAll(found);
        return found.isEmpty() ? doc : null;
    }

    /** An alias (mã cũ) must name one procedure only, and never another procedure's own code. */
    static void aliasConflicts(Map<String, LoadedPack.ProcedureSource> procedures, List<PackProblem> problems) {
        Map<String, String> owner = new TreeMap<>();
        for (LoadedPack.ProcedureSource ps : procedures.values()) {
            for (io.github.motcua.rules.Procedure.Alias a : ps.procedure().aliases()) {
                String code = ps.procedure().code();
                String other = procedures.containsKey(a.code()) ? a.code() : owner.putIfAbsent(a.code(), code);
                if (other != null && !other.equals(code)) {
                    problems.add(Msg.problem("procedures/" + code + "/procedure.yaml", 0, 0, "ALIAS_CONFLICT", "load.alias.conflict",
                            "alias", a.code(), "code", code, "other", other));
                }
            }
        }
    }

    /** pack.yaml read and checked: the pack's information given its content hash, or null with problems added. */
    private java.util.function.Function<String, PackInfo> packInfo() {
        YamlDoc doc = yaml("pack.yaml", "pack", true);
        packDoc = doc;
        if (doc == null) {
            return null;
        }
        JsonNode r = doc.root();
        ZoneId zone = VIETNAM;
        if (r.get("zone") != null) {
            try {
                zone = ZoneId.of(r.get("zone").asString());
            } catch (DateTimeException e) {
                problems.add(doc.msg("/zone", "BAD_VALUE", "load.pack.zone", "zone", r.get("zone").asString()));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = r.get("defaults") == null ? Map.of() : (Map<String, Object>) DossierJson.plain(r.get("defaults"));
        if (r.get("rules") != null && r.get("rules").get("decisionBudgetMs") != null) {
            decisionBudget = java.time.Duration.ofMillis(r.get("rules").get("decisionBudgetMs").asLong());
        }
        JsonNode j = r.get("jurisdiction");
        String id = r.get("id").asString();
        String version = r.get("version").asString();
        LocalizedText name = text(r.get("name"));
        String province = j.get("province").asString();
        String code = j.get("code") == null ? null : j.get("code").asString();
        ZoneId z = zone;
        return sha256 -> new PackInfo(id, version, name, province, code, z, defaults, sha256);
    }

    private Map<String, LegalBasis> legalBases() {
        Map<String, LegalBasis> out = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (String p : files.files().keySet()) {
            if ((p.startsWith("legal-bases/") && (p.endsWith(".yaml") || p.endsWith(".yml"))) || p.equals("legal-bases.yaml")) {
                paths.add(p);
            }
        }
        if (paths.isEmpty()) {
            problems.add(Msg.problem("legal-bases/", 0, 0, "MISSING_FILE", "load.bases.missing"));
        }
        for (String path : paths) {
            long before = ProblemSink.found(problems);
            YamlDoc doc = yaml(path, "legal-bases", false);
            if (doc == null) {
                if (ProblemSink.found(problems) > before) {
                    declaredAnyway(path, out);
                }
                continue;
            }
            int i = 0;
            for (JsonNode n : doc.root()) {
                String ptr = "/" + i++;
                String id = n.get("id").asString();
                try {
                    LegalBasis b = new LegalBasis(id, n.get("act").asString(), opt(n, "article"), opt(n, "clause"),
                            opt(n, "point"), opt(n, "link"), date(n, "validFrom"), date(n, "validTo"),
                            n.get("verified") == null || n.get("verified").asBoolean(), opt(n, "note"));
                    if (out.putIfAbsent(id, b) != null) {
                        problems.add(doc.msg(ptr + "/id", "DUPLICATE_ID", "load.bases.duplicate", "id", id));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(doc.msg(ptr, "BAD_VALUE", "load.bases.invalid", "detail", io.github.motcua.kernel.Failures.detail(e)));
                }
            }
        }
        return out;
    }

    /**
     * The ids a legal-bases file that breaks its schema still declares, so that one mistake in it (a date written
     * 01/07/2025) is one problem, not one more for every rule, procedure and fee line citing a basis of that file. The
     * pack is refused by the file's own problem; these entries only answer "is this id declared".
     */
    private static final Pattern INLINE_ACT = Pattern.compile("[{,][ \\t]*act:[ \\t]*\"([^\"]*)\"");
    private static final Pattern DECLARED_ACT = Pattern.compile("^[ \\t]*act:[ \\t]*(.+)$");
    private static final Pattern DECLARED_ID = Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]+)?\\{?[ \\t]*id:[ \\t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)");

    private void declaredAnyway(String path, Map<String, LegalBasis> out) {
        String text = files.text(path, new ArrayList<>());
        YamlDoc doc = text == null ? null : YamlDoc.parse(path, text, new ArrayList<>());
        if (text != null && doc == null) {
            // a file that does not even parse (a quote left open): its "id:" lines and the "act:" after each, read as
            // text (the act too, so that the check of bases from another instrument is not fooled)
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = DECLARED_ID.matcher(lines[i]);
                if (!m.find()) {
                    continue;
                }
                String act = m.group(1);
                Matcher inline = INLINE_ACT.matcher(lines[i]); // - { id: X, act: "…" }
                if (inline.find()) {
                    act = inline.group(1);
                }
                for (int k = i + 1; !inline.find(0) && k < lines.length && !DECLARED_ID.matcher(lines[k]).find(); k++) {
                    Matcher a = DECLARED_ACT.matcher(lines[k]);
                    if (a.find()) {
                        act = a.group(1).strip().replaceAll("^[\"']|[\"',}]+$", "").strip();
                        break;
                    }
                }
                try {
                    out.putIfAbsent(m.group(1), new LegalBasis(m.group(1), act.isEmpty() ? m.group(1) : act, null, null,
                            null, null, null, null, false, null));
                } catch (RuntimeException e) {
                    // not an id the kernel accepts: reported with the file's own problem
                }
            }
            return;
        }
        if (doc == null || doc.root() == null || !doc.root().isArray()) {
            return;
        }
        for (JsonNode n : doc.root()) {
            JsonNode id = n.get("id");
            if (id == null || !id.isString() || id.asString().isBlank()) {
                continue;
            }
            try {
                JsonNode act = n.get("act");
                out.putIfAbsent(id.asString(), new LegalBasis(id.asString(), act != null && act.isString() && !act.asString().isBlank()
                        ? act.asString() : id.asString(), null, null, null, null, null, null, false, null));
            } catch (RuntimeException e) {
                // an id the kernel refuses is reported with the file's own problems
            }
        }
    }

    private Map<String, ReceivingUnit> units() {
        Map<String, ReceivingUnit> out = new TreeMap<>();
        YamlDoc doc = yaml("units.yaml", "units", false);
        if (doc == null) {
            return out;
        }
        int i = 0;
        for (JsonNode n : doc.root()) {
            String ptr = "/" + i++;
            Set<String> flags = new LinkedHashSet<>();
            if (n.get("flags") != null) {
                n.get("flags").forEach(f -> flags.add(f.asString()));
            }
            ReceivingUnit u = new ReceivingUnit(n.get("code").asString(), text(n.get("name")), n.get("kind").asString(),
                    flags, n.get("verified") != null && n.get("verified").asBoolean(), opt(n, "source"), opt(n, "address"));
            if (out.putIfAbsent(u.code(), u) != null) {
                problems.add(doc.msg(ptr + "/code", "DUPLICATE_ID", "load.units.duplicate", "code", u.code()));
            }
        }
        return out;
    }

    /**
     * parameters.yaml over {@link DefaultParameters}: a declared id replaces the default whole. The ids
     * the engine reads must have values of their type (a basis id for a basis); every basis must exist;
     * dates must increase.
     */
    private Map<String, Parameter<?>> parameters(Map<String, LegalBasis> bases) {
        Map<String, Parameter<?>> out = new TreeMap<>(DefaultParameters.all());
        YamlDoc doc = yaml("parameters.yaml", "parameters", false);
        if (doc == null) {
            return out;
        }
        Set<String> seen = new java.util.HashSet<>();
        int i = 0;
        for (JsonNode n : doc.root()) {
            String ptr = "/" + i++;
            String id = n.get("id").asString();
            if (!seen.add(id)) {
                problems.add(doc.msg(ptr + "/id", "DUPLICATE_ID", "load.parameters.duplicate", "id", id));
                continue;
            }
            Class<?> type = DefaultParameters.types().get(id);
            List<Parameter.Dated<Object>> values = new ArrayList<>();
            LocalDate prev = null;
            LocalDate prevTo = null;
            long before = ProblemSink.found(problems);
            int j = 0;
            for (JsonNode v : n.get("values")) {
                String vp = ptr + "/values/" + j++;
                LocalDate from;
                try {
                    from = LocalDate.parse(v.get("from").asString());
                } catch (DateTimeException e) {
                    problems.add(doc.msg(vp + "/from", "BAD_VALUE", "load.parameters.badDate", "date", v.get("from").asString()));
                    continue;
                }
                if (prev != null && !from.isAfter(prev)) {
                    problems.add(doc.msg(vp + "/from", "BAD_VALUE", "load.parameters.datesOrder", "previous", String.valueOf(prev),
                            "date", String.valueOf(from)));
                } else if (prevTo != null && !prevTo.isBefore(from)) {
                    problems.add(doc.msg(vp + "/from", "PARAMETER_OVERLAP", "load.parameters.overlap",
                            "previousTo", String.valueOf(prevTo), "from", String.valueOf(from)));
                }
                prev = from;
                LocalDate to = null;
                if (v.get("to") != null) {
                    try {
                        to = LocalDate.parse(v.get("to").asString());
                    } catch (DateTimeException e) {
                        problems.add(doc.msg(vp + "/to", "BAD_VALUE", "load.parameters.badDate", "date", v.get("to").asString()));
                        continue;
                    }
                    if (to.isBefore(from)) {
                        problems.add(doc.msg(vp + "/to", "BAD_VALUE", "load.parameters.endBeforeStart",
                                "to", String.valueOf(to), "from", String.valueOf(from)));
                        continue;
                    }
                }
                prevTo = to;
                String basisId = v.get("basis").asString();
                LegalBasis b = bases.get(basisId);
                if (b == null) {
                    problems.add(doc.msg(vp + "/basis", "UNKNOWN_BASIS", "load.parameters.unknownBasis", "id", basisId));
                    continue;
                }
                JsonNode raw = v.get("value");
                Object value = raw.isNull() ? null : DossierJson.plain(raw);
                if (value != null && type == Integer.class) {
                    if (!raw.isIntegralNumber() || raw.asLong() < 1 || raw.asLong() > 150) {
                        problems.add(doc.msg(vp + "/value", "BAD_VALUE", "load.parameters.age", "id", id, "value", String.valueOf(raw)));
                        continue;
                    }
                    value = raw.asInt();
                } else if (value != null && type == LegalBasis.class) {
                    LegalBasis vb = raw.isString() ? bases.get(raw.asString()) : null;
                    if (vb == null) {
                        problems.add(doc.msg(vp + "/value", "UNKNOWN_BASIS", "load.parameters.basisValue", "id", id, "value", raw.asString()));
                        continue;
                    }
                    value = vb;
                }
                values.add(new Parameter.Dated<>(from, value, b, to));
            }
            if (ProblemSink.found(problems) == before) {
                out.put(id, new Parameter<>(id, values));
            }
        }
        return out;
    }

    static LocalizedText text(JsonNode n) {
        return new LocalizedText(n.get("vi").asString(), n.get("en") == null ? null : n.get("en").asString());
    }

    static String opt(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    static LocalDate date(JsonNode n, String name) {
        String v = opt(n, name);
        return v == null ? null : LocalDate.parse(v);
    }
}
