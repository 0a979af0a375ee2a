package io.github.motcua.forms.internal;

import io.github.motcua.forms.TemplateRefusedException;
import io.github.motcua.forms.TemplateRenderer;
import io.github.motcua.forms.UnableToLoadFormsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An application's classpath templates rendered by the one locked-down {@link TemplateEngine}: they
 * are handed to it exactly like a pack's {@code templates/} overrides, so the same scan and the same
 * configuration apply. Thread-safe after construction.
 */
public final class ClasspathTemplates implements TemplateRenderer {
    private final TemplateEngine engine;
    private final Set<String> names;

    private ClasspathTemplates(TemplateEngine engine, Set<String> names) {
        this.engine = engine;
        this.names = names;
    }

    /** Reads and compiles the named templates; see {@code Forms.templates}. */
    public static TemplateRenderer create(ClassLoader loader, String root, String[] names, Duration timeout,
            int maxChars) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(names, "names");
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one template name must be given: [none]");
        }
        String base = root.endsWith("/") ? root : root + "/";
        Map<String, String> templates = new LinkedHashMap<>();
        for (String name : names) {
            if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a template name must be a plain file name: [%s]", name));
            }
            if (TemplateEngine.BUILT_IN.contains(name)) {
                throw new TemplateRefusedException(base + name, 0, 0, FormsProblems.of("FORMS_TEMPLATE_REPLACES_BUILT_IN", "name", name));
            }
            try (InputStream in = loader.getResourceAsStream(base + name)) {
                if (in == null) {
                    throw new UnableToLoadFormsException(base + name, FormsProblems.of("FORMS_TEMPLATE_NOT_FOUND", "name", base + name), null);
                }
                templates.put("templates/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UnableToLoadFormsException(base + name, FormsProblems.of("FORMS_TEMPLATE_UNREADABLE", "name", base + name), e);
            }
        }
        return new ClasspathTemplates(new TemplateEngine(templates, timeout, maxChars), Set.of(names));
    }

    @Override
    @SuppressWarnings("unchecked")
    public String render(String name, Map<String, ?> model) {
        Objects.requireNonNull(name, "name"); // a programming error, not a template the renderer was not given
        Objects.requireNonNull(model, "model");
        if (!names.contains(name)) {
            throw new io.github.motcua.forms.RenderingFailedException(String.valueOf(name),
                    io.github.motcua.forms.RenderingFailedException.Reason.TEMPLATE_ERROR,
                    FormsProblems.of("FORMS_TEMPLATE_NOT_GIVEN", "name", name));
        }
        return engine.render(name, (Map<String, Object>) model);
    }
}
