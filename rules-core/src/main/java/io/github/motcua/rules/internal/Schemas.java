package io.github.motcua.rules.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.github.motcua.forms.internal.BoundedErrors;
import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas of the pack's YAML file kinds and of the dossier, validated with
 * networknt (kept in this internal package). Thread-safe: schemas are built once and shared.
 */
public final class Schemas {
    private static final String ROOT = "/io/github/motcua/rules/schema/";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The schema kinds published under io/github/motcua/rules/schema/. */
    public static final List<String> KINDS = List.of("pack", "units", "legal-bases", "procedure", "cases", "dossier", "exemptions",
            "rules", "parameters", "digitisation");

    static Schema schema(String kind) {
        return CACHE.computeIfAbsent(kind, k -> REGISTRY.getSchema(json(k)));
    }

    /** The schema of a kind as JSON (read each time: only a problem's words need it again). */
    static JsonNode json(String kind) {
        try (InputStream in = Schemas.class.getResourceAsStream(ROOT + kind + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource [" + kind + "]");
            }
            return io.github.motcua.forms.internal.PlainJson.readTreeRefusingDuplicates(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates a whole parsed file; each violation becomes a SCHEMA problem at the offending node. A procedure.yaml
     * that {@link ProcedureShape} proves valid on the kernel's tree has none, is not walked by networknt as well (the
     * load of a large catalogue) and is not made into JSON values at all (session 21); anything else is networknt's to
     * report, on {@link YamlDoc#root()}.
     */
    static List<PackProblem> validate(String kind, YamlDoc doc) {
        if (kind.equals("procedure")) {
            return ProcedureShape.certainlyValid(doc.tree()) ? List.of() : validateWithNetworknt(kind, doc, "", doc.root());
        }
        return validate(kind, doc, "", doc.root());
    }

    /**
     * Validates {@code node} of a parsed file (at {@code pointerPrefix}); each violation becomes a SCHEMA problem at the
     * offending node. A rules file that {@link RulesShape} proves valid has none and is not walked by networknt; a
     * procedure.yaml is {@link #validate(String, YamlDoc)}'s ({@code node} must then be the file's root); anything else
     * is networknt's to report.
     */
    static List<PackProblem> validate(String kind, YamlDoc doc, String pointerPrefix, JsonNode node) {
        if (kind.equals("procedure") && pointerPrefix.isEmpty() && node == doc.root()) {
            return validate(kind, doc);
        }
        if (kind.equals("rules") && RulesShape.certainlyValid(node)) {
            return List.of();
        }
        return validateWithNetworknt(kind, doc, pointerPrefix, node);
    }

    /** {@link #validate} by networknt alone, whatever the kind (the reference {@code ProcedureShapeTest} compares with). */
    static List<PackProblem> validateWithNetworknt(String kind, YamlDoc doc, String pointerPrefix, JsonNode node) {
        return validateWithNetworknt(kind, doc, pointerPrefix, node, ProblemCap.MAX);
    }

    /** {@link #validateWithNetworknt(String, YamlDoc, String, JsonNode)} keeping at most {@code maxErrors} of networknt's errors a run. */
    static List<PackProblem> validateWithNetworknt(String kind, YamlDoc doc, String pointerPrefix, JsonNode node, int maxErrors) {
        Schema s = schema(kind);
        // networknt's list of errors, bounded while networknt adds to it (issue 15 session 23; BoundedErrors)
        BoundedErrors vi = errors(s, node, VI, maxErrors);
        if (vi.isEmpty()) {
            return List.of();
        }
        BoundedErrors en = errors(s, node, Locale.ENGLISH, maxErrors);
        // bounded as made: at most ProblemCap.MAX kept (the first by line and column), the rest counted; a list that
        // takes it folds its count
        ProblemSink<PackProblem> out = ProblemCap.sink();
        // a misspelt key is two errors to networknt (the unknown key, and the required one it should have been): one here
        java.util.Set<String> misspelt = new java.util.HashSet<>();
        for (Error e : vi) {
            if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
                String closest = PlainSchemaWords.closest(e.getProperty(), PlainSchemaWords.declared(kind, e));
                if (closest != null) {
                    misspelt.add(pointer(e.getInstanceLocation()) + "\u0000" + closest);
                }
            }
        }
        for (int i = 0; i < vi.size(); i++) {
            Error e = vi.get(i);
            String ptr = pointerPrefix + pointer(e.getInstanceLocation());
            String enMsg = i < en.size() ? en.get(i).getMessage() : e.getMessage();
            PackProblem indented = misindented(doc, ptr, e);
            if (indented != null) {
                out.add(indented);
                continue;
            }
            if ("required".equals(e.getKeyword()) && misspelt.contains(pointer(e.getInstanceLocation()) + "\u0000" + e.getProperty())) {
                continue; // said with the misspelt key
            }
            PackProblem plain = PlainSchemaWords.problem(kind, doc, ptr, e);
            if (plain != null) {
                out.add(plain);
                continue;
            }
            out.add(doc.problem(ptr, "SCHEMA", Msg.vi("load.schema.invalid", "kind", kind, "detail", e.getMessage()),
                    Msg.en("load.schema.invalid", "kind", kind, "detail", enMsg)));
        }
        if (vi.dropped() > 0) {
            // networknt's errors past the first maxErrors, counted one problem each at the place of the first of them
            int[] at = doc.position(pointerPrefix + pointer(vi.firstDropped().getInstanceLocation()));
            out.fold(vi.dropped(), doc.file(), at[0], at[1]);
        }
        return out;
    }

    /**
     * networknt's errors for {@code node} in {@code locale}: at most {@code max} kept, the others counted
     * ({@link BoundedErrors}).
     */
    static BoundedErrors errors(Schema s, JsonNode node, Locale locale, int max) {
        BoundedErrors errors = new BoundedErrors(max);
        List<Error> returned = s.validate(node, ctx -> {
            ctx.executionConfig(b -> b.locale(locale).formatAssertionsEnabled(true));
            ctx.setErrors(errors); // networknt adds every error of the run to the context's list: this one
        });
        if (returned != errors) {
            // networknt 3.0.9 returns the context's list (OutputFormat.DEFAULT); only a fail-fast run swaps it. A
            // version that does otherwise would collect unbounded again: refuse it here, where the tests see it
            throw new IllegalStateException("networknt did not report into the bounded list");
        }
        return errors;
    }

    /**
     * A required key that is missing where the schema wants it but present one level deeper is an
     * indentation mistake: reported at the line of the misplaced key, saying where it belongs.
     */
    private static PackProblem misindented(YamlDoc doc, String ptr, Error e) {
        if (!"required".equals(e.getKeyword()) || e.getProperty() == null) {
            return null;
        }
        String name = e.getProperty().replace("~", "~0").replace("/", "~1");
        for (String p : doc.pointers()) {
            if (p.startsWith(ptr + "/") && p.endsWith("/" + name) && p.substring(ptr.length() + 1).indexOf('/') > 0) {
                String parent = p.substring(0, p.lastIndexOf('/'));
                String parentKey = parent.substring(parent.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
                int[] at = doc.position(p);
                int[] should = doc.position(ptr.isEmpty() ? "" : ptr);
                return Msg.problem(doc.file(), at[0], at[1], "SCHEMA", "load.schema.misindented", "key", e.getProperty(),
                        "parent", parentKey, "column", String.valueOf(should[1]));
            }
        }
        return null;
    }

    /**
     * Validates a plain JSON node (input: a tracking's step events); returns "pointer: message" strings, at most
     * {@code DossierJson.MAX_SCHEMA_PROBLEMS} of networknt's errors then one string counting the others (issue 15
     * session 24: networknt's lists bounded while made, as for a dossier).
     */
    static List<String> validatePlain(String kind, JsonNode node) {
        Schema s = schema(kind);
        int max = DossierJson.MAX_SCHEMA_PROBLEMS;
        BoundedErrors vi = errors(s, node, VI, max);
        if (vi.isEmpty()) {
            return List.of();
        }
        // the same validation in English, violation for violation (as validate(...) does for pack files)
        BoundedErrors en = errors(s, node, Locale.ENGLISH, max);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vi.size(); i++) {
            Error e = vi.get(i);
            String ptr = pointer(e.getInstanceLocation());
            boolean paired = i < en.size() && ptr.equals(pointer(en.get(i).getInstanceLocation()));
            out.add(ptr + ": " + e.getMessage() + (paired ? " / " + en.get(i).getMessage() : ""));
        }
        if (vi.dropped() > 0) {
            String count = Long.toString(vi.dropped());
            out.add(pointer(vi.firstDropped().getInstanceLocation()) + ": "
                    + more(kind, count, max, VI) + " / " + more(kind, count, max, Locale.ENGLISH));
        }
        return out;
    }

    /** The dossier bundle's count of the errors not listed ({@code STEP_EVENTS_PROBLEMS_MORE} for step events). */
    private static String more(String kind, String count, int max, Locale locale) {
        String key = kind.equals("step-events") ? "STEP_EVENTS_PROBLEMS_MORE" : "DOSSIER_PROBLEMS_MORE";
        return io.github.motcua.kernel.Messages.render(io.github.motcua.rules.InvalidDossierException.BUNDLE, key,
                Map.of("count", count, "max", Integer.toString(max)), locale);
    }

    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        if (path == null) {
            return "";
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
