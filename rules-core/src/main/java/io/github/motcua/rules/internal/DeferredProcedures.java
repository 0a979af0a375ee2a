package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.UnableToLoadPackException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The procedures of a lazy-parse load ({@code EngineBuilder.lazyParse}): each folder is parsed and checked exactly as a
 * full load would (its problems, its source, its cases) at its first use or in the background, once however many threads
 * ask (single-flight per procedure). A folder with a problem is quarantined: asking for it throws
 * {@link UnableToLoadPackException} with its problems, never a half-built procedure. A procedure that lists aliases (mã
 * cũ) waits for every folder, since an alias conflicts with another folder's code or alias only the whole catalogue
 * shows; so does a look-up by an alias. Thread-safe.
 *
 * <p>Parsed state is held only by the procedures' slots (as a full load holds it); the work is bounded by the engine's
 * pools.
 */
final class DeferredProcedures {
    /** The pack id, for {@link UnableToLoadPackException}. */
    private final String source;
    private final PackLoader.DeferredFolders folders;
    private final Map<String, LegalBasis> bases;
    private final io.github.motcua.forms.FormRegistry forms;
    private final Map<String, String> checkKeys;
    /** Code order. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final AtomicReference<CompletableFuture<Map<String, List<PackProblem>>>> aliases = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Complete>> complete = new AtomicReference<>();

    DeferredProcedures(String source, PackLoader.DeferredFolders folders, Map<String, LegalBasis> bases,
            io.github.motcua.forms.FormRegistry forms, Map<String, String> checkKeys) {
        this.source = source;
        this.folders = folders;
        this.bases = bases;
        this.forms = forms;
        this.checkKeys = checkKeys;
        for (String folder : folders.codes()) {
            // interned, as the procedure's own code (ProcedureReader): the slot's key, the procedure, its fee table
            // and its form are then one instance, read once by a decision
            String code = folder.intern();
            pending.put(code, new Pending(code));
        }
    }

    /**
     * Every procedure parsed and checked: the slots of those that passed (code order) and their lazies by rule key, the
     * catalogue entries of every parsed procedure (quarantined ones too, to resolve aliases), the cases of those that
     * passed (folder order, as a full load lists them), the problems of those that did not, and the memo a reload may
     * reuse (null when some folder had a problem).
     */
    record Complete(Map<String, DefaultEngine.Slot> slots, Map<String, DefaultEngine.Lazy> byKey, Map<String, Procedure> parsed,
            List<PackCase> cases, List<PackProblem> problems, PackLoader.Memo memo) {
    }

    /** One deferred folder: parsed once (its own lock: a parse takes no other lock), then its slot built once. */
    final class Pending {
        final String code;
        private final Object parseLock = new Object();
        private ProcedureReader.Folder folder;
        /** Volatile: read without the lock by {@link #slotIfKnown}, the path of every decision after the first. */
        private volatile DefaultEngine.Slot slot;
        private volatile List<PackProblem> problems;
        /** {@link #problems} unrendered (its count not made into a problem), for lists that gather several folders'. */
        private volatile io.github.motcua.kernel.ProblemSink<PackProblem> bounded;
        /** Completes when its outcome is known and, for a slot, its rules are checked and compiled. */
        final CompletableFuture<Void> ready = new CompletableFuture<>();

        Pending(String code) {
            this.code = code;
        }

        ProcedureReader.Folder folder() {
            synchronized (parseLock) {
                if (folder == null) {
                    folder = folders.read(code);
                }
                return folder;
            }
        }

        /** Whether its outcome is known (parsed and checked, or quarantined). */
        synchronized boolean known() {
            return problems != null;
        }

        /** The slot, or null when quarantined (see {@link #problems()}); parses and checks it first. */
        synchronized DefaultEngine.Slot outcome(Executor executor) {
            if (problems == null) {
                ProcedureReader.Folder f = folder();
                // the folder's sink folded (its count too), by file, line and column as a full load lists them
                io.github.motcua.kernel.ProblemSink<PackProblem> found = ProblemCap.sink();
                found.addAll(f.problems());
                if (f.proc() != null && !f.proc().source().procedure().aliases().isEmpty()) {
                    found.addAll(aliasProblems(executor).getOrDefault(code, List.of()));
                }
                if (found.isEmpty()) {
                    LoadedPack.ProcedureSource src = f.proc().source();
                    DefaultEngine.Lazy lazy = new DefaultEngine.Lazy(src, bases, forms, ProcedureCompiler.key(src), null);
                    slot = new DefaultEngine.Slot(src.procedure(), lazy, checkKeys.get(code));
                }
                bounded = found;
                problems = List.copyOf(found.list());
                // only now: what completing it runs (compiled()'s report, on this thread) reads the outcome
                if (slot != null) {
                    slot.lazy.ready().whenComplete((v, e) -> ready.complete(null));
                } else {
                    ready.complete(null);
                }
            }
            return slot;
        }

        /** The parse and check problems (empty when it passed); null before {@link #outcome}. */
        synchronized List<PackProblem> problems() {
            return problems;
        }

        /**
         * {@link #problems()} as the folder's bounded sink, its count folded by the list it is added to (never read
         * while it is filled: set once, before {@link #problems()}); null before {@link #outcome}.
         */
        synchronized io.github.motcua.kernel.ProblemSink<PackProblem> bounded() {
            return bounded;
        }

        /** The slot once known and passed, else null; never parses nor locks. */
        DefaultEngine.Slot slotIfKnown() {
            return slot;
        }
    }

    /**
     * The slot of {@code code} if its folder is already parsed and passed, else null: no parse, no lock (the map is
     * never written after construction), so a decision on a procedure already prepared shares nothing with others.
     */
    DefaultEngine.Slot parsedSlot(String code) {
        Pending p = pending.get(code);
        return p == null ? null : p.slotIfKnown();
    }

    boolean has(String code) {
        return pending.containsKey(code);
    }

    java.util.Collection<Pending> all() {
        return pending.values();
    }

    /**
     * The slot of procedure {@code code} (parsed and checked first), or null when the pack has no such folder.
     *
     * @throws UnableToLoadPackException when its folder failed a check: its problems, as a full load reports them
     */
    DefaultEngine.Slot slot(String code, Executor executor) {
        Pending p = pending.get(code);
        if (p == null) {
            return null;
        }
        DefaultEngine.Slot s = p.outcome(executor);
        if (s == null) {
            throw new UnableToLoadPackException(source, p.problems());
        }
        return s;
    }

    /** The alias problems by procedure code: every folder parsed first (on {@code executor}, the calling thread joining). */
    private Map<String, List<PackProblem>> aliasProblems(Executor executor) {
        return once(aliases, () -> {
            parseAll(executor);
            Map<String, LoadedPack.ProcedureSource> procs = new java.util.TreeMap<>();
            for (Pending p : pending.values()) {
                ProcedureReader.Folder f = p.folder();
                if (f.proc() != null) {
                    procs.put(f.proc().source().procedure().code(), f.proc().source());
                }
            }
            List<PackProblem> found = new ArrayList<>();
            PackLoader.aliasConflicts(procs, found);
            Map<String, List<PackProblem>> out = new java.util.HashMap<>();
            for (PackProblem x : found) { // at procedures/<code>/procedure.yaml
                String code = x.file().substring("procedures/".length(), x.file().length() - "/procedure.yaml".length());
                out.computeIfAbsent(code, k -> new ArrayList<>()).add(x);
            }
            return out;
        });
    }

    /** Parses every folder not yet parsed, as tasks on {@code executor}; returns when all are. */
    private void parseAll(Executor executor) {
        List<CompletableFuture<?>> jobs = new ArrayList<>();
        for (Pending p : pending.values()) {
            try {
                jobs.add(CompletableFuture.runAsync(p::folder, executor));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                p.folder();
            }
        }
        for (Pending p : pending.values()) {
            p.folder(); // this thread helps: a folder already being parsed is waited for
        }
        CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).join();
    }

    /** Every procedure parsed and checked (see {@link Complete}); computed once. */
    Complete complete(Executor executor) {
        return once(complete, () -> {
            aliasProblems(executor);
            Map<String, DefaultEngine.Slot> slots = new LinkedHashMap<>();
            Map<String, DefaultEngine.Lazy> byKey = new java.util.HashMap<>();
            Map<String, Procedure> parsed = new LinkedHashMap<>();
            Map<String, PackLoader.Proc> clean = new java.util.HashMap<>();
            List<PackCase> cases = new ArrayList<>();
            io.github.motcua.kernel.ProblemSink<PackProblem> problems = ProblemCap.sink(); // by file, line and column
            for (Pending p : pending.values()) {
                DefaultEngine.Slot s = p.outcome(executor);
                ProcedureReader.Folder f = p.folder();
                if (f.proc() != null) {
                    parsed.put(p.code, f.proc().source().procedure());
                }
                if (s == null) {
                    problems.addAll(p.bounded());
                    continue;
                }
                slots.put(p.code, s);
                byKey.put(s.lazy.key(), s.lazy);
                cases.addAll(f.proc().cases());
                clean.put(p.code, f.proc());
            }
            return new Complete(java.util.Collections.unmodifiableMap(slots), java.util.Collections.unmodifiableMap(byKey),
                    java.util.Collections.unmodifiableMap(parsed), List.copyOf(cases), List.copyOf(problems.list()),
                    problems.isEmpty() ? folders.memo(clean) : null);
        });
    }

    /** The problems of the procedures known so far, and of those checked and compiled so far (for {@code compiled()}). */
    List<PackProblem> problemsSoFar() {
        io.github.motcua.kernel.ProblemSink<PackProblem> out = ProblemCap.sink(); // the folders' counts folded
        for (Pending p : pending.values()) {
            List<PackProblem> mine = p.bounded(); // its count folded by the caller's sink
            if (mine != null && !mine.isEmpty()) {
                out.addAll(mine);
            }
            DefaultEngine.Slot s = p.slotIfKnown();
            if (s != null && s.lazy.done()) {
                out.addAll(s.lazy.problems());
            }
        }
        return out;
    }

    /** The value of {@code ref}, computed by the first caller; the others wait for it. */
    private static <T> T once(AtomicReference<CompletableFuture<T>> ref, Supplier<T> job) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        if (ref.compareAndSet(null, mine)) {
            try {
                mine.complete(job.get());
            } catch (RuntimeException | Error e) {
                ref.set(null); // not computed: the next caller tries again
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return ref.get() == null ? once(ref, job) : ref.get().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
