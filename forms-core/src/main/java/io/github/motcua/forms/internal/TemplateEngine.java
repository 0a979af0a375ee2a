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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freemarker, locked down (DEPENDENCIES.md): HTML auto-escaping forced, {@code ?new} resolves nothing,
 * {@code ?api} off, a {@link SimpleObjectWrapper} (plain maps, lists, strings, numbers only), exceptions
 * rethrown, and one in-memory loader holding the built-in templates and the pack's {@code templates/}
 * overrides only. Every template gets Freemarker's thread-interruption checks in its loops, and renders
 * in a worker thread with a deadline and a bounded writer. Thread-safe after construction.
 */
public final class TemplateEngine {
    static final List<String> BUILT_IN = List.of("lib.ftlh", "form.ftlh", "document.ftlh", "receipt.ftlh",
            "supplement-request.ftlh", "refusal.ftlh", "apology.ftlh", "control-sheet.ftlh");
    /** Built-ins a pack template may not use: object creation, API access, evaluation and escaping bypasses. */
    static final Pattern FORBIDDEN = Pattern.compile(
            "\\?\\s*(new|api|has_api|hasApi|eval|eval_json|evalJson|interpret|no_esc|noEsc)\\b"
                    + "|<#\\s*(noautoesc|noAutoEsc|outputformat|outputFormat|setting)\\b"
                    + "|\\[#\\s*(noautoesc|noAutoEsc|outputformat|outputFormat|setting)\\b");
    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * Render workers: daemon threads with their own 2 MiB stack (a runaway recursion overflows there,
     * not in the caller), reused between renders, and retired after 30 s idle.
     */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(null, r, "motcua-render-" + THREADS.incrementAndGet(), 2L * 1024 * 1024);
                t.setDaemon(true);
                return t;
            });

    private final Configuration cfg;
    private final Duration timeout;
    private final int maxChars;

    public TemplateEngine(Map<String, String> packTemplates, Duration timeout, int maxChars) {
        this(packTemplates, timeout, maxChars, true);
    }

    /** With {@code scan = false} only for tests that prove the runtime lockdown holds on its own. */
    TemplateEngine(Map<String, String> packTemplates, Duration timeout, int maxChars, boolean scan) {
        this.timeout = timeout;
        this.maxChars = maxChars;
        StringTemplateLoader loader = new StringTemplateLoader();
        for (String name : BUILT_IN) {
            loader.putTemplate(name, builtIn(name), 0L);
        }
        for (Map.Entry<String, String> t : packTemplates.entrySet()) {
            String name = t.getKey().substring("templates/".length());
            if (name.contains("/")) {
                throw new TemplateRefusedException(t.getKey(), "templates must sit directly in templates/: [" + t.getKey() + "]");
            }
            Matcher m = FORBIDDEN.matcher(t.getValue());
            if (scan && m.find()) {
                throw new TemplateRefusedException(t.getKey(), String.format(Locale.ROOT,
                        "template [%s] uses [%s], which the template sandbox refuses", t.getKey(), m.group().trim()));
            }
            loader.putTemplate(name, t.getValue(), 0L);
        }
        cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setTemplateLoader(loader);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        SimpleObjectWrapper wrapper = new SimpleObjectWrapper(Configuration.VERSION_2_3_35);
        wrapper.setUseAdaptersForContainers(true); // view models are fresh per render: adapt, don't copy
        wrapper.writeProtect();
        cfg.setObjectWrapper(wrapper);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((te, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        cfg.setCacheStorage(new StrongCacheStorage());
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setShowErrorTips(false);
        for (String name : loaderNames(packTemplates)) {
            try {
                Template t = cfg.getTemplate(name);
                _CoreAPI.addThreadInterruptedChecks(t);
            } catch (IOException e) {
                String file = packTemplates.containsKey("templates/" + name) ? "templates/" + name : name;
                throw new TemplateRefusedException(file, String.format(Locale.ROOT, "template [%s] does not parse: %s",
                        file, firstLine(e.getMessage())));
            }
        }
    }

    private static List<String> loaderNames(Map<String, String> pack) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(BUILT_IN);
        pack.keySet().forEach(k -> names.add(k.substring("templates/".length())));
        return List.copyOf(names);
    }

    private static String builtIn(String name) {
        try (InputStream in = TemplateEngine.class.getResourceAsStream("/io/github/motcua/forms/templates/" + name)) {
            if (in == null) {
                throw new UnableToLoadFormsException(name, "missing built-in template [" + name + "]");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnableToLoadFormsException(name, "cannot read built-in template [" + name + "]", e);
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
            template = cfg.getTemplate(name);
        } catch (IOException e) {
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TEMPLATE_ERROR,
                    "template not found: [" + name + "]");
        }
        BoundedWriter out = new BoundedWriter(maxChars);
        Future<Void> task = WORKERS.submit(() -> {
            template.process(model, out);
            return null;
        });
        try {
            task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return out.toString();
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TIMEOUT, String.format(Locale.ROOT,
                    "rendering [%s] did not finish within [%d ms] and was stopped", name, timeout.toMillis()));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TIMEOUT,
                    "rendering [" + name + "] was interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof OutputLimitException || (c != null && c.getCause() instanceof OutputLimitException)) {
                throw new RenderingFailedException(name, RenderingFailedException.Reason.OUTPUT_TOO_LARGE,
                        String.format(Locale.ROOT, "rendering [%s] wrote more than [%d] characters", name, maxChars));
            }
            if (c instanceof StackOverflowError) {
                throw new RenderingFailedException(name, RenderingFailedException.Reason.TEMPLATE_ERROR,
                        "template [" + name + "] recursed too deeply");
            }
            String msg = c instanceof TemplateException te ? firstLine(te.getMessageWithoutStackTop()) : String.valueOf(c);
            throw new RenderingFailedException(name, RenderingFailedException.Reason.TEMPLATE_ERROR,
                    String.format(Locale.ROOT, "template [%s] failed: %s", name, msg));
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
