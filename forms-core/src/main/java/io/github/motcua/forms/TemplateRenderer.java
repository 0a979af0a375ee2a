package io.github.motcua.forms;

import java.util.Map;

/**
 * Renders an application's own HTML templates (mẫu trình bày) in forms-core's locked-down
 * Freemarker sandbox: HTML auto-escaping forced, no object creation, no API access, a deadline and
 * an output limit per rendering. Build one with {@link Forms#templates(ClassLoader, String, String...)}.
 *
 * <p>The model must be made of plain values only: {@link Map}s with string keys, {@link java.util.List}s,
 * {@link String}s, {@link Number}s and {@link Boolean}s (no records, no beans: the sandbox cannot see
 * their methods). The built-in library {@code lib.ftlh} may be imported.
 *
 * <p>Thread-safe: build once and share.
 */
public interface TemplateRenderer {

    /**
     * Renders one template.
     *
     * @param name  a template name given to the factory, e.g. {@code "catalog.ftlh"}
     * @param model plain maps, lists, strings, numbers and booleans
     * @throws RenderingFailedException when the template is unknown, fails, times out or writes too much
     */
    String render(String name, Map<String, ?> model);
}
