package io.github.motcua.forms;

import io.github.motcua.forms.internal.ClasspathTemplates;
import io.github.motcua.forms.internal.DefaultFormRegistry;
import io.github.motcua.forms.internal.PackReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The front door of forms-core (tờ khai điện tử): builds a {@link FormRegistry} from a pack.
 *
 * <pre>{@code
 * FormRegistry forms = Forms.registry(Path.of("packs/gia-lai"));
 * FormReport report = forms.validate("1.001193", json, Locale.forLanguageTag("vi-VN"));
 * }</pre>
 *
 * <p>Thread-safe (static methods only); a {@link Builder} is not thread-safe, the registry it builds is.
 */
public final class Forms {
    private Forms() {
    }

    /**
     * A registry of the pack in {@code packFolder} with default limits; the administrative unit codes
     * for {@code vn-unit-code} are read from the pack's {@code units.yaml} when it has one.
     *
     * @throws UnableToLoadFormsException when a schema or template is malformed or refers outside the pack
     */
    public static FormRegistry registry(Path packFolder) {
        return builder().packFolder(packFolder).build();
    }

    /** Whether {@link FormReport} may keep {@code data} as it is: a read-only view forms-core made of its own tree. */
    static boolean readOnly(java.util.Map<?, ?> data) {
        return DefaultFormRegistry.isReadOnlyView(data);
    }

    /**
     * A renderer for an application's own templates on the classpath, in the same locked-down
     * sandbox as the form and document templates (see {@link TemplateRenderer}). Each template is
     * read from {@code root + "/" + name}, scanned for forbidden built-ins and compiled once.
     *
     * @param loader where to find the templates
     * @param root   the classpath folder, e.g. {@code "io/github/motcua/examples/catalog"}
     * @param names  the template file names ({@code .ftlh}), none containing {@code /}
     * @throws UnableToLoadFormsException when a template is missing
     * @throws TemplateRefusedException   when a template does not parse or uses a forbidden built-in
     */
    public static TemplateRenderer templates(ClassLoader loader, String root, String... names) {
        return ClasspathTemplates.create(loader, root, names, Duration.ofSeconds(5), 5_000_000);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a registry. Not thread-safe; {@link #build()} copies them. */
    public static final class Builder {
        private Path folder;
        private Map<String, String> files;
        private Predicate<String> unitCodes;
        private InputLimits limits = InputLimits.DEFAULTS;
        private Duration renderTimeout = Duration.ofSeconds(2);
        private int maxOutputChars = 2_000_000;
        private boolean lazyCompile;

        private Builder() {
        }

        /** Load the pack from a folder (its {@code forms/}, {@code procedures/*}/form.schema.json, {@code templates/}, {@code units.yaml}). */
        public Builder packFolder(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            this.files = null;
            return this;
        }

        /** Load the pack from memory: pack-relative path (e.g. {@code "forms/common.schema.json"}) to content. */
        public Builder packFiles(Map<String, String> files) {
            this.files = Map.copyOf(Objects.requireNonNull(files, "files"));
            this.folder = null;
            return this;
        }

        /** The known administrative unit codes for {@code vn-unit-code} (overrides units.yaml). */
        public Builder unitCodes(Set<String> codes) {
            Set<String> copy = Set.copyOf(Objects.requireNonNull(codes, "codes"));
            this.unitCodes = copy::contains;
            return this;
        }

        /** A predicate of known unit codes for {@code vn-unit-code}; must be thread-safe. */
        public Builder unitCodes(Predicate<String> codes) {
            this.unitCodes = Objects.requireNonNull(codes, "codes");
            return this;
        }

        public Builder limits(InputLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long one rendering may run before it is abandoned (default 2 s). */
        public Builder renderTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "renderTimeout must be positive: [%s]", timeout));
            }
            this.renderTimeout = timeout;
            return this;
        }

        /** The most characters one rendering may write (default 2,000,000). */
        public Builder maxOutputChars(int max) {
            if (max < 1000) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "maxOutputChars must be at least 1000: [%d]", max));
            }
            this.maxOutputChars = max;
            return this;
        }

        /**
         * Compile each schema into its validator on first use instead of in {@link #build()} (default
         * false). {@code build()} still parses every schema and checks its {@code $id}, its
         * references (inside the pack, no cycle), formats and {@code x-vn-} keywords; what only the
         * validator's compiler sees (a keyword with a value of the wrong type, a bad regular expression)
         * then surfaces in {@link FormRegistry#compile} or the first validation of that form, as
         * {@link UnableToLoadFormsException}. For packs of thousands of forms that must start fast.
         */
        public Builder lazyCompile(boolean lazyCompile) {
            this.lazyCompile = lazyCompile;
            return this;
        }

        /**
         * Loads, checks and compiles every schema (on first use when {@link #lazyCompile lazy}) and
         * template once.
         *
         * @throws UnableToLoadFormsException (or a subclass) naming the file at fault
         */
        public FormRegistry build() {
            Map<String, String> pack;
            if (folder != null) {
                pack = PackReader.read(folder);
            } else if (files != null) {
                pack = files;
            } else {
                throw new IllegalStateException("set packFolder(...) or packFiles(...) before build(): [none]");
            }
            return DefaultFormRegistry.create(pack, unitCodes, limits, renderTimeout, maxOutputChars, lazyCompile);
        }
    }
}
