package io.github.motcua.forms.internal;

import freemarker.cache.StringTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.motcua.forms.RenderingFailedException;
import io.github.motcua.forms.TemplateRefusedException;
import io.github.motcua.forms.UnableToLoadFormsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freemarker, locked down (DEPENDENCIES.md): HTML auto-escaping forced, {@code ?new} resolves nothing,
 * {@code ?api} off, a {@link SimpleObjectWrapper} (plain maps, lists, strings, numbers only), exceptions
 * rethrown, and one in-memory loader holding the built-in templates and the pack's {@code templates/}
 * overrides only. Every template gets Freemarker's thread-interruption checks in its loops, and renders
 * in a worker thread with a deadline and a bounded writer. Thread-safe after construction.
 */
final class TemplateEngine {
    static final List<String> BUILT_IN = List.of("lib.ftlh", "form.ftlh", "document.ftlh", "receipt.ftlh",
            "supplement-request.ftlh", "refusal.ftlh", "apology.ftlh", "control-sheet.ftlh");
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Render threads of the shared pool: twice the processors, at least 4. */
    static final int POOL_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** Renders that may wait for a free render thread before new ones are refused ({@code BUSY}). */
    static final int POOL_QUEUE = 64 * POOL_THREADS;
    /**
     * Render workers: a fixed number of daemon threads with their own 2 MiB stack (a runaway recursion
     * overflows there, not in the caller), a bounded queue, retired after 30 s idle. Shared by every
     * registry and template renderer in the JVM, so the total is bounded however many are built.
     */
    private static final ThreadPoolExecutor SHARED = pool(POOL_THREADS, POOL_QUEUE);

    /** A bounded render pool (tests build small ones). */
    static ThreadPoolExecutor pool(int threads, int queue) {
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(null, r, "motcua-render-" + THREADS.incrementAndGet(), 2L * 1024 * 1024);
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** How often the caller looks at the worker's allocations while it waits. */
    private static final long POLL_MILLIS = 5;
    private static final com.sun.management.ThreadMXBean THREAD_BEAN = allocationBean();

    private static com.sun.management.ThreadMXBean allocationBean() {
        try {
            if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                    && b.isThreadAllocatedMemorySupported()) {
                b.setThreadAllocatedMemoryEnabled(true);
                return b;
            }
        } catch (RuntimeException | LinkageError e) {
            // no per-thread allocation counter on this JVM: the time and output limits still hold
        }
        return null;
    }

    /**
     * Every template's source by loader name: the built-in ones (read when this engine is made, so a missing one is
     * refused then) and the pack's overrides.
     */
    private final Map<String, String> sources;
    /** The pack's own {@code templates/} files by path (what a refusal names). */
    private final Map<String, String> packTemplates;
    private final boolean scan;
    /**
     * Freemarker, configured, with every template parsed, scanned and given its interruption checks; null until
     * then. Made when the engine is made if the pack has templates of its own (they are refused then, as before), at
     * the first render otherwise (issue 15: a pack without templates starts without Freemarker).
     */
    private volatile Configuration cfg;
    /**
     * Whether every template of {@link #sources} is prepared. The pack's own are prepared when this engine is made;
     * the built-in ones it does not override at the first render (they are the library's, not the pack's: nothing
     * the pack holds can make them fail), all of them before any template is processed, so an
     * {@code #include}/{@code #import} during a render always finds a scanned template with its checks.
     */
    private volatile boolean allPrepared;
    private final Duration timeout;
    private final int maxChars;
    private final long maxAllocatedBytes;
    private final ThreadPoolExecutor workers;

    public TemplateEngine(Map<String, String> packTemplates, Duration timeout, int maxChars) {
        this(packTemplates, timeout, maxChars, true);
    }

    /** With {@code scan = false} only for tests that prove the runtime lockdown holds on its own. */
    TemplateEngine(Map<String, String> packTemplates, Duration timeout, int maxChars, boolean scan) {
        this(packTemplates, timeout, maxChars, scan, SHARED);
    }

    TemplateEngine(Map<String, String> packTemplates, Duration timeout, int maxChars, boolean scan,
            ThreadPoolExecutor workers) {
        this.timeout = timeout;
        this.maxChars = maxChars;
        // what one render may allocate in all, garbage included: far more than any real page needs (a 5 MB
        // catalogue allocates about 200 MB), far less than a heap. A loop that only spins may reach it before the
        // time limit on a fast machine; either way it ends as a typed limit and its thread stops.
        this.maxAllocatedBytes = 1024L * 1024 * 1024 + 64L * maxChars;
        this.workers = workers;
        this.scan = scan;
        this.packTemplates = Map.copyOf(packTemplates);
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String name : BUILT_IN) {
            all.put(name, builtIn(name));
        }
        for (Map.Entry<String, String> t : packTemplates.entrySet()) {
            String name = t.getKey().substring("templates/".length());
            if (name.contains("/")) {
                throw new TemplateRefusedException(t.getKey(), 0, 0, FormsProblems.of("FORMS_TEMPLATE_IN_SUBFOLDER", "file", t.getKey()));
            }
            all.put(name, t.getValue());
        }
        this.sources = java.util.Collections.unmodifiableMap(all);
        if (!packTemplates.isEmpty()) {
            // the pack's own templates are checked now, in the order they always were (a built-in name first when
            // the pack overrides it), so a broken or refused one refuses the pack at load as before
            Configuration c = configuration();
            for (String name : loaderNames(packTemplates)) {
                if (packTemplates.containsKey("templates/" + name)) {
                    prepare(c, name);
                }
            }
            cfg = c;
        }
    }

    /** Freemarker configured as this class promises, its loader holding every source. */
    private Configuration configuration() {
        StringTemplateLoader loader = new StringTemplateLoader();
        sources.forEach((name, source) -> loader.putTemplate(name, source, 0L));
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setTemplateLoader(loader);
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setRecognizeStandardFileExtensions(true);
        c.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        SimpleObjectWrapper wrapper = new SimpleObjectWrapper(Configuration.VERSION_2_3_35);
        wrapper.setUseAdaptersForContainers(true); // view models are fresh per render: adapt, don't copy
        wrapper.writeProtect();
        c.setObjectWrapper(wrapper);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setAttemptExceptionReporter((te, env) -> { });
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setDefaultEncoding("UTF-8");
        c.setLocalizedLookup(false);
        c.setCacheStorage(new StrongCacheStorage());
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        c.setShowErrorTips(false);
        return c;
    }

    /** Parses {@code name} into the configuration's cache, scans it and adds the interruption checks. */
    private void prepare(Configuration c, String name) {
        String file = packTemplates.containsKey("templates/" + name) ? "templates/" + name : name;
        try {
            Template t = c.getTemplate(name);
            if (scan) {
                List<TemplateScanner.Refusal> refused = TemplateScanner.scan(t, sources.get(name));
                if (!refused.isEmpty()) {
                    TemplateScanner.Refusal r = refused.get(0);
                    throw new TemplateRefusedException(file, r.line(), r.column(), refused.size() > 1
                            ? FormsProblems.of("FORMS_TEMPLATE_SANDBOX_MORE", "where", file + ":" + r.line() + ":" + r.column() + ": ",
                                    "file", file, "what", r.what(), "more", refused.size() - 1)
                            : FormsProblems.of("FORMS_TEMPLATE_SANDBOX", "where", file + ":" + r.line() + ":" + r.column() + ": ",
                                    "file", file, "what", r.what()));
                }
            }
            _CoreAPI.addThreadInterruptedChecks(t);
        } catch (freemarker.core.ParseException e) {
            throw new TemplateRefusedException(file, e.getLineNumber(), e.getColumnNumber(), FormsProblems.of("FORMS_TEMPLATE_SYNTAX",
                    "where", file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": ", "file", file,
                    "detail", firstLine(e.getEditorMessage())));
        } catch (IOException e) {
            throw new TemplateRefusedException(file, 0, 0, FormsProblems.of("FORMS_TEMPLATE_SYNTAX", "where", "", "file", file,
                    "detail", firstLine(io.github.motcua.kernel.Failures.detail(e))));
        }
    }

    /**
     * The configuration with every template prepared: the first call (of any thread) makes Freemarker's
     * configuration if the engine was made without one and prepares the templates not yet prepared, in the loader's
     * order; concurrent first calls wait for it, and it is published only once complete.
     */
    Configuration ready() {
        if (allPrepared) {
            return cfg;
        }
        synchronized (this) {
            if (!allPrepared) {
                Configuration c = cfg != null ? cfg : configuration();
                for (String name : sources.keySet()) {
                    if (!packTemplates.containsKey("templates/" + name)) {
                        prepare(c, name);
                    }
                }
                cfg = c;
                allPrepared = true;
            }
            return cfg;
        }
    }

    /** Whether Freemarker has been configured yet (tests: a pack without templates loads without it). */
    boolean configured() {
        return cfg != null;
    }

    private static List<String> loaderNames(Map<String, String> pack) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(BUILT_IN);
        pack.keySet().forEach(k -> names.add(k.substring("templates/".length())));
        return List.copyOf(names);
    }

    private static String builtIn(String name) {
        try (InputStream in = TemplateEngine.class.getResourceAsStream("/io/github/motcua/forms/templates/" + name)) {
            if (in == null) {
                throw new UnableToLoadFormsException(name, FormsProblems.of("FORMS_BUILT_IN_TEMPLATE_MISSING", "name", name), null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnableToLoadFormsException(name, FormsProblems.of("FORMS_BUILT_IN_TEMPLATE_UNREADABLE", "name", name), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Renders {@code name} with a model of plain maps/lists/strings/numbers/booleans. */
    public String render(String name, Map<String, Object> model) {
        Template template;
        try {
            template = ready().getTemplate(name);
        } catch (IOException e) {
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TEMPLATE_ERROR,
                    FormsProblems.of("FORMS_TEMPLATE_NOT_FOUND", "name", name));
        }
        BoundedWriter out = new BoundedWriter(maxChars);
        java.util.concurrent.atomic.AtomicReference<Thread> worker = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong allocatedAtStart = new java.util.concurrent.atomic.AtomicLong(-1);
        Future<Void> task;
        try {
            task = workers.submit(() -> {
                if (THREAD_BEAN != null) {
                    allocatedAtStart.set(THREAD_BEAN.getThreadAllocatedBytes(Thread.currentThread().getId()));
                }
                worker.set(Thread.currentThread());
                try {
                    template.process(model, out);
                } finally {
                    worker.set(null);
                }
                return null;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new RenderingFailedException(name, RenderingFailedException.Reason.BUSY, FormsProblems.of("FORMS_RENDER_BUSY",
                    "name", name, "threads", workers.getMaximumPoolSize(), "waiting", workers.getQueue().size()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    task.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS);
                    return out.toString();
                } catch (TimeoutException poll) {
                    Thread w = worker.get();
                    long start = allocatedAtStart.get();
                    if (THREAD_BEAN != null && w != null && start >= 0) {
                        long now = THREAD_BEAN.getThreadAllocatedBytes(w.getId());
                        if (now >= 0 && now - start > maxAllocatedBytes) {
                            task.cancel(true);
                            throw new RenderingFailedException(name, RenderingFailedException.Reason.MEMORY_LIMIT,
                                    FormsProblems.of("FORMS_RENDER_MEMORY", "name", name, "max", maxAllocatedBytes));
                        }
                    }
                }
            }
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TIMEOUT, FormsProblems.of("FORMS_RENDER_TIMEOUT",
                    "name", name, "ms", timeout.toMillis()));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TIMEOUT,
                    FormsProblems.of("FORMS_RENDER_INTERRUPTED", "name", name));
        } catch (java.util.concurrent.CancellationException e) {
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TIMEOUT,
                    FormsProblems.of("FORMS_RENDER_CANCELLED", "name", name));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof OutputLimitException || (c != null && c.getCause() instanceof OutputLimitException)) {
                throw new RenderingFailedException(name, RenderingFailedException.Reason.OUTPUT_TOO_LARGE,
                        FormsProblems.of("FORMS_RENDER_TOO_LONG", "name", name, "max", maxChars));
            }
            if (c instanceof StackOverflowError) {
                throw new RenderingFailedException(name, RenderingFailedException.Reason.TEMPLATE_ERROR,
                        FormsProblems.of("FORMS_TEMPLATE_RECURSED", "name", name));
            }
            if (c instanceof OutOfMemoryError) {
                throw new RenderingFailedException(name, RenderingFailedException.Reason.MEMORY_LIMIT,
                        FormsProblems.of("FORMS_RENDER_OUT_OF_MEMORY", "name", name));
            }
            String msg = c instanceof TemplateException te ? firstLine(te.getMessageWithoutStackTop())
                    : c == null ? "" : io.github.motcua.kernel.Failures.describe(c);
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TEMPLATE_ERROR,
                    FormsProblems.of("FORMS_TEMPLATE_FAILED", "name", name, "detail", msg));
        }
    }

    static final class OutputLimitException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputLimitException() {
            super("output limit");
        }
    }

    /** A writer that refuses to grow past a limit and stops when its thread is interrupted. */
    static final class BoundedWriter extends Writer {
        private final StringBuilder sb = new StringBuilder(8192);
        private final int max;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("rendering stopped");
            }
            if (sb.length() + len > max) {
                throw new OutputLimitException();
            }
            sb.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("rendering stopped");
            }
            if (sb.length() + len > max) {
                throw new OutputLimitException();
            }
            sb.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
