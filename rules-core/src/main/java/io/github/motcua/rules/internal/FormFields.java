package io.github.motcua.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The fields a procedure's e-form declares (its form.schema.json, with {@code $ref}s into the pack's
 * forms/*.schema.json resolved), and the options each field allows ({@code enum}, {@code const},
 * {@code oneOf}/{@code anyOf} of consts). Rules, decision tables and cases are checked against it so
 * that a misspelled field or option value is an error at its line instead of a rule that never (or
 * always) matches. Immutable once built; thread-safe.
 */
final class FormFields {
    /** Deeper forms exist in no pack; the limit only guards against a reference cycle. */
    private static final int MAX_DEPTH = 12;

    /**
     * The most schema nodes one form's fields are built from (each {@code $ref} followed, property, item and branch
     * visited counts one). A recursive form ({@code "properties": {"a": {"$ref": "#"}, …}}, which JSON Schema allows
     * and the forms section accepts) expands into about {@code b^7} fields for {@code b} recursive properties before
     * {@link #MAX_DEPTH} stops it — ten such properties were an {@code OutOfMemoryError} in a 1 GB heap. The pack's
     * largest form visits a few hundred nodes; past this budget the part not yet expanded is open (anything goes, as
     * in a free-form part), so a rule naming a field there is not refused as misspelled, and the work is bounded.
     */
    static final int MAX_NODES = 50_000;

    /** One node of the form: its child fields, list items, options and whether undeclared children are allowed. */
    static final class Field {
        final Map<String, Field> children = new LinkedHashMap<>();
        Field items;
        final Set<String> options = new LinkedHashSet<>();
        final Set<String> types = new LinkedHashSet<>();
        boolean open;
        /** Not declared by the form: a path inside a free-form part, where anything goes ({@link #field}). */
        boolean free;
    }

    /** The shared schemas of a pack by {@code $id} (forms/*.schema.json), parsed once per load. */
    static final class Library {
        private final Map<String, JsonNode> byId = new TreeMap<>();
        /** This load's procedure forms that later copies may share the fields of ({@link Copies}). */
        private final Copies copies = new Copies();

        /** This load's copies of procedure forms (for tests). */
        Copies copies() {
            return copies;
        }

        /**
         * Forgets the copies' patterns and takes no more (each form read later is read whole, as before): called once
         * the load's folders are read, since the library outlives the load in every procedure's deferred checks, and the
         * patterns (up to {@value Copies#MAX_PATTERNS} forms' fields and bytes) are worth keeping only while a load
         * reads folder after folder.
         */
        void loaded() {
            copies.close();
            built.close();
        }

        /**
         * This load's procedure forms' fields by path ({@link Built}): the folder read and the fee section's quantity
         * check ask for the same form, and it is built once.
         */
        private final Built built = new Built();

        /**
         * The fields of procedure form {@code path} whose file is {@code bytes}: {@link FormFields#of(String, byte[],
         * Library)} of them, built once per load whichever thread asks first (a folder read on a load thread, or the
         * fee section's quantity check) and shared; null without a form or when it is not JSON.
         */
        FormFields form(String path, byte[] bytes) {
            return built.get(path, bytes, this);
        }

        /** How many asks {@link #form} answered with fields an earlier ask built (for tests). */
        int formsShared() {
            return built.shared();
        }

        static Library of(PackFiles files) {
            return of(files.files());
        }

        /** The same from a pack's files by pack-relative path (a section's {@code Context.files()}). */
        static Library of(Map<String, byte[]> files) {
            Library l = new Library();
            files.forEach((path, bytes) -> {
                if (path.startsWith("forms/") && path.endsWith(".json")) {
                    String text = PackFiles.textOrNull(path, bytes); // not UTF-8: the form section reports it
                    JsonNode n = text == null ? null : parse(text);
                    if (n != null && n.get("$id") != null) {
                        l.byId.put(n.get("$id").asString(), n);
                    }
                }
            });
            return l;
        }
    }

    /**
     * The procedure forms' fields one load built, by path (issue 15, session 21): a procedure's folder read builds its
     * form's fields when its rules or cases need them at load (every rule text on an eager load, {@code check} and
     * {@code build}; on a lazy one {@code rules.yaml}, step conditions and cases), and the fee section's quantity check
     * ({@code FeeFormChecks}) needs the same fields for each procedure whose fee table reads a quantity from the form;
     * before, the section built them a second time (and parsed the shared forms again). Each path's fields are built by
     * whichever thread asks first; a thread asking while another builds them waits for that one build, which waits for
     * nothing (so a
     * load thread or the calling thread waiting here cannot stall the load's executor). The entry remembers the bytes it
     * was built from and answers only for the same array (a pack's files do not change during its load; any other bytes
     * at that path are built apart, as before). A build that throws is not kept: the next ask builds again and throws
     * the same, as each caller did on its own before. Entries: at most one per procedure form of the pack, each bounded by
     * {@link #MAX_NODES}; dropped, and no more kept, once the load's folders are read ({@link Library#loaded}).
     * Thread-safe.
     */
    static final class Built {
        private final java.util.concurrent.ConcurrentHashMap<String, Entry> byPath = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean closed;
        private final java.util.concurrent.atomic.AtomicInteger shared = new java.util.concurrent.atomic.AtomicInteger();

        /** One path's fields, built at most once (unless the build throws). */
        private static final class Entry {
            private final byte[] bytes;
            private boolean done;
            private FormFields fields;

            Entry(byte[] bytes) {
                this.bytes = bytes;
            }

            synchronized FormFields get(String path, Library lib, AtomicInteger shared) {
                if (done) {
                    shared.incrementAndGet();
                    return fields;
                }
                fields = FormFields.of(path, bytes, lib);
                done = true;
                return fields;
            }
        }

        FormFields get(String path, byte[] bytes, Library lib) {
            if (bytes == null) {
                return null;
            }
            if (closed) {
                return FormFields.of(path, bytes, lib);
            }
            Entry e = byPath.computeIfAbsent(path, p -> new Entry(bytes));
            if (e.bytes != bytes) {
                return FormFields.of(path, bytes, lib); // another file at this path (not within one load): never shared
            }
            return e.get(path, lib, shared);
        }

        int shared() {
            return shared.get();
        }

        void close() {
            closed = true;
            byPath.clear();
        }
    }

    private final Field root;

    private FormFields(Field root) {
        this.root = root;
    }

    /** The form of one procedure, or null when it has none or it is not JSON (the form section reports that). */
    static FormFields of(String schemaText, Library lib) {
        if (schemaText == null) {
            return null;
        }
        return of(parse(schemaText), lib);
    }

    /**
     * The form of one procedure from its file's bytes: exactly {@link #of(String, Library)} of the text the kernel's
     * decoder gives of them (null when they are not UTF-8), read by {@link FormSchemaBytes} without decoding the
     * file whole when it can, else decoded and parsed as that method does.
     *
     * @param path the file, for the decoder (its problem is not reported here: the form section reports it)
     */
    static FormFields of(String path, byte[] bytes, Library lib) {
        if (bytes == null) {
            return null;
        }
        FormFields copy = lib.copies.find(bytes);
        if (copy != null) {
            return copy; // an earlier form's bytes but for its root $id's characters: the same fields
        }
        FormSchemaBytes.Noted read = FormSchemaBytes.readNoting(bytes);
        if (read == null) {
            return of(PackFiles.textOrNull(path, bytes), lib);
        }
        FormFields fields = of(read.tree(), lib);
        if (fields != null) {
            lib.copies.note(bytes, read.idFrom(), read.idTo(), fields);
        }
        return fields;
    }

    /**
     * Procedure forms whose fields a later copy shares (issue 15, session 20): a province's procedures copied from one
     * another, a catalogue's, differ in their form's root {@code $id} only. A form {@link FormSchemaBytes} read whole
     * (no fallback) whose root {@code $id} is written as a JSON string of printable ASCII without a quotation mark or
     * a backslash is a pattern: its bytes are P + ID + S, P ending with that string's opening quotation mark. A later
     * file P + ID2 + S (byte for byte, ID2 running to the next quotation mark, of the same kind as ID and at most
     * {@value #MAX_ID} bytes) is, to that reader, the same bytes but inside the root {@code $id}'s string, whose text
     * it checks alike and never reads ({@link FormSchemaBytes#UNREAD}): the same tree, so the same fields — the
     * pattern's object itself (immutable). Anything else is read as before. Comparing is {@link Arrays#equals} over
     * ranges; the patterns kept are bounded ({@value #MAX_PATTERNS}, and {@value #MAX_SAME} for one P and length of S) and
     * so are the P compared ({@value #MAX_PREFIXES}).
     * Thread-safe: the load's folder tasks share it.
     */
    static final class Copies {
        private static final int MAX_ID = 1_000;
        private static final int MAX_PREFIXES = 8;
        static final int MAX_PATTERNS = 4_096;
        /**
         * The most patterns kept, so compared, for one P and one length of S (session 21). A catalogue of distinct forms
         * has no copies, and its forms made from one template have the same P and the same length: every form was
         * compared with every earlier one of its template (≈ 140 a form in the 2,000-procedure distinct catalogue, a
         * third of the time its fields took to build). A province's copies take the first pattern of their template.
         */
        static final int MAX_SAME = 8;

        private record Pattern(byte[] bytes, int idTo, FormFields fields) {
        }

        /** The distinct P, and per P and length of S the patterns. */
        private final List<byte[]> prefixes = new ArrayList<>(2);
        private final Map<Long, List<Pattern>> byPrefixAndRest = new java.util.HashMap<>();
        private int patterns;
        private boolean closed;
        /** How many files took a pattern's fields (for tests). */
        private int shared;

        synchronized int shared() {
            return shared;
        }

        synchronized void close() {
            closed = true;
            prefixes.clear();
            byPrefixAndRest.clear();
        }

        synchronized FormFields find(byte[] b) {
            for (int k = 0; k < prefixes.size(); k++) {
                byte[] p = prefixes.get(k);
                if (b.length <= p.length || !Arrays.equals(b, 0, p.length, p, 0, p.length)) {
                    continue;
                }
                int end = idEnd(b, p.length);
                if (end < 0) {
                    continue;
                }
                List<Pattern> same = byPrefixAndRest.get(key(k, b.length - end));
                for (int j = 0; same != null && j < same.size(); j++) {
                    Pattern x = same.get(j);
                    if (Arrays.equals(b, end, b.length, x.bytes(), x.idTo(), x.bytes().length)) {
                        shared++;
                        return x.fields();
                    }
                }
            }
            return null;
        }

        synchronized void note(byte[] b, int idFrom, int idTo, FormFields fields) {
            if (closed || idFrom <= 0 || idTo < idFrom || patterns >= MAX_PATTERNS || idEnd(b, idFrom) != idTo) {
                return;
            }
            int k = 0;
            while (k < prefixes.size() && !Arrays.equals(b, 0, idFrom, prefixes.get(k), 0, prefixes.get(k).length)) {
                k++;
            }
            if (k == prefixes.size()) {
                if (k >= MAX_PREFIXES) {
                    return;
                }
                prefixes.add(Arrays.copyOf(b, idFrom));
            }
            List<Pattern> same = byPrefixAndRest.computeIfAbsent(key(k, b.length - idTo), x -> new ArrayList<>(1));
            if (same.size() >= MAX_SAME) {
                return;
            }
            same.add(new Pattern(b, idTo, fields));
            patterns++;
        }

        /**
         * Where the id that starts at {@code from} ends: the index of the next quotation mark when every byte before it
         * is printable ASCII other than a backslash and there is at least one, at most {@value #MAX_ID}; else -1.
         */
        private static int idEnd(byte[] b, int from) {
            int to = Math.min(b.length, from + MAX_ID + 1);
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c == '"') {
                    return i > from ? i : -1;
                }
                if (c < 0x20 || c > 0x7E || c == '\\') {
                    return -1;
                }
            }
            return -1;
        }

        private static Long key(int prefix, int rest) {
            return ((long) prefix << 32) | rest;
        }
    }

    private static FormFields of(JsonNode schema, Library lib) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        Field root = new Field();
        new Builder(lib).add(root, schema, schema, 0);
        return new FormFields(root);
    }

    private static JsonNode parse(String text) {
        try {
            return io.github.motcua.forms.internal.PlainJson.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static final class Builder {
        private final Library lib;
        /** Schema nodes still allowed ({@link #MAX_NODES}). */
        private int budget = MAX_NODES;

        Builder(Library lib) {
            this.lib = lib;
        }

        void add(Field f, JsonNode s, JsonNode doc, int depth) {
            if (s == null || !s.isObject()) {
                if (s != null && s.isBoolean() && s.asBoolean()) {
                    f.open = true;
                }
                return;
            }
            if (--budget < 0) {
                // past the budget: not expanded, so nothing under it is refused as undeclared (the fields made past
                // it are at most the properties of the schemas being expanded when it ran out, a dozen levels' worth)
                f.open = true;
                return;
            }
            if (depth > MAX_DEPTH) {
                return;
            }
            if (s.get("$ref") != null) {
                String ref = s.get("$ref").asString();
                int hash = ref.indexOf('#');
                String id = hash < 0 ? ref : ref.substring(0, hash);
                String ptr = hash < 0 ? "" : ref.substring(hash + 1);
                JsonNode target = id.isEmpty() ? doc : lib.byId.get(id);
                if (target == null) {
                    f.open = true; // an unresolvable reference: the form section reports it; do not guess
                } else {
                    add(f, ptr.isEmpty() ? target : target.at(ptr), target, depth + 1);
                }
            }
            JsonNode type = s.get("type");
            if (type != null) {
                if (type.isArray()) {
                    type.forEach(t -> f.types.add(t.asString()));
                } else {
                    f.types.add(type.asString());
                }
            }
            if (s.get("const") != null && s.get("const").isValueNode()) {
                f.options.add(s.get("const").asString());
            }
            if (s.get("enum") != null) {
                s.get("enum").forEach(v -> {
                    if (v.isValueNode() && !v.isNull()) {
                        f.options.add(v.asString());
                    }
                });
            }
            if (s.get("properties") != null) {
                for (Map.Entry<String, JsonNode> p : s.get("properties").properties()) {
                    add(f.children.computeIfAbsent(p.getKey(), k -> new Field()), p.getValue(), doc, depth + 1);
                }
            }
            JsonNode ap = s.get("additionalProperties");
            if ((ap != null && !(ap.isBoolean() && !ap.asBoolean())) || s.get("patternProperties") != null) {
                f.open = true;
            }
            if (s.get("items") != null) {
                if (f.items == null) {
                    f.items = new Field();
                }
                add(f.items, s.get("items"), doc, depth + 1);
            }
            for (String k : List.of("allOf", "anyOf", "oneOf")) {
                if (s.get(k) != null) {
                    s.get(k).forEach(b -> add(f, b, doc, depth + 1));
                }
            }
            for (String k : List.of("then", "else")) {
                add(f, s.get(k), doc, depth + 1);
            }
            if (s.get("dependentSchemas") != null) {
                s.get("dependentSchemas").forEach(b -> add(f, b, doc, depth + 1));
            }
        }
    }

    /** The form's root: its fields are the root's children. */
    Field root() {
        return root;
    }

    /** The field at a dotted path (a number indexes a list), or null when the form does not declare it. */
    Field field(String path) {
        Field f = root;
        for (String seg : path.split("\\.", -1)) {
            boolean free = f.children.isEmpty() && f.items == null && (f.types.isEmpty() || f.types.contains("object"));
            if ((f.open || free) && !f.children.containsKey(seg)) {
                Field any = new Field(); // inside a free-form part (no declared fields, or extra fields allowed): anything goes
                any.free = true;
                return any;
            }
            Field next = f.children.get(seg);
            if (next == null && f.items != null && seg.matches("\\d{1,9}")) {
                next = f.items;
            }
            if (next == null) {
                return null;
            }
            f = next;
        }
        return f;
    }

    /** Every declared path (lists as {@code name.0}), in declaration order. */
    List<String> paths() {
        List<String> out = new ArrayList<>();
        collect(root, "", out, 0);
        return out;
    }

    private static void collect(Field f, String prefix, List<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Map.Entry<String, Field> c : f.children.entrySet()) {
            String p = prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey();
            out.add(p);
            collect(c.getValue(), p, out, depth + 1);
        }
        if (f.items != null && !prefix.isEmpty()) {
            collect(f.items, prefix + ".0", out, depth + 1);
        }
    }

    /** The most characters of a name the closest-name hint compares (field names and codes are far shorter). */
    static final int CLOSEST_CHARS = 64;
    /** The most distance-table cells one closest-name hint fills (≈ 1 ms): the work a pack's typo can cause. */
    static final long CLOSEST_CELLS = 1_000_000;

    /**
     * Up to three declared names closest to {@code wrong} (edit distance), best first. A hint, and its work is bounded
     * whatever a pack writes: names and {@code wrong} are compared on their first {@link #CLOSEST_CHARS} characters,
     * and names are taken in the collection's order until {@link #CLOSEST_CELLS} distance cells are filled (a pack
     * with a huge unit list or form, or a 100,000-character typo, gets a hint from the names compared).
     */
    static List<String> closest(String wrong, java.util.Collection<String> names) {
        String w = clip(wrong).toLowerCase(java.util.Locale.ROOT);
        List<String> sorted = new ArrayList<>();
        Map<String, Integer> d = new java.util.HashMap<>();
        long cells = 0;
        for (String n : names) {
            String c = clip(n).toLowerCase(java.util.Locale.ROOT);
            cells += (long) (w.length() + 1) * (c.length() + 1);
            if (cells > CLOSEST_CELLS && !sorted.isEmpty()) {
                break;
            }
            sorted.add(n);
            d.put(n, distance(w, c));
        }
        sorted.sort(Comparator.comparingInt((String n) -> d.get(n)).thenComparing(n -> n));
        int limit = Math.max(2, w.length() / 3);
        List<String> near = new ArrayList<>();
        for (String n : sorted) {
            if (near.size() < 3 && (near.isEmpty() || d.get(n) <= limit)) {
                near.add(n);
            }
        }
        return near;
    }

    private static String clip(String s) {
        return s.length() <= CLOSEST_CHARS ? s : s.substring(0, CLOSEST_CHARS);
    }

    /** Levenshtein distance (the inputs are field names, a few dozen characters). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
