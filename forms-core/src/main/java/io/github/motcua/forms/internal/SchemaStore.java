package io.github.motcua.forms.internal;

import io.github.motcua.forms.SchemaReferenceRefusedException;
import io.github.motcua.forms.UnableToLoadFormsException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pack's schema documents by {@code $id}, with every {@code $ref} checked to stay inside the pack.
 * Also resolves references and navigates instance pointers to field schemas (for labels and rendering).
 *
 * <p>Immutable after construction; thread-safe.
 */
final class SchemaStore {
    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    /** Formats a schema may name: 2020-12's and ours. An unknown name would silently check nothing. */
    static final java.util.Set<String> KNOWN_FORMATS = java.util.Set.of("date", "date-time", "time", "duration",
            "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri",
            "iri-reference", "uri-template", "uuid", "regex", "json-pointer", "relative-json-pointer",
            "vn-personal-id", "vn-tax-code", "vn-mobile", "vn-unit-code");
    /** Our keywords; another {@code x-vn-} name is a typo that would silently check nothing. */
    static final java.util.Set<String> KNOWN_VN_KEYWORDS = java.util.Set.of("x-vn-personal-id-matches",
            "x-vn-date-before", "x-vn-tax-code-accepts-personal-id");
    private static final int MAX_BRANCH_DEPTH = 32;
    /**
     * References and in-place applicators one chain may link without descending into the data (a real form links a
     * handful); past it the form is refused ({@code FORMS_REF_TOO_DEEP}) before anything recurses along it.
     */
    static final int MAX_IN_PLACE_CHAIN = 256;

    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, String> fileById = new LinkedHashMap<>();
    private final Map<String, String> formIdToSchemaId = new TreeMap<>();
    /** The same, for look-ups at every validation (by hash, not by walking a tree of 2,000 codes). */
    private final Map<String, String> schemaIdByFormId;
    /** A procedure form's $id to the $id of an earlier procedure form with the same text but for its own $id. */
    private final Map<String, String> sameFormAs = new java.util.HashMap<>();

    /**
     * Line and column (1-based) of the top-level {@code "$id"} name in a schema's JSON text, {0, 0} when not found. Read
     * only when a schema is refused for its {@code $id}, so it costs nothing on a good pack.
     */
    static int[] idPosition(String text) {
        try (tools.jackson.core.JsonParser p = ID_FINDER.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            int depth = 0;
            for (tools.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == tools.jackson.core.JsonToken.START_OBJECT || t == tools.jackson.core.JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == tools.jackson.core.JsonToken.END_OBJECT || t == tools.jackson.core.JsonToken.END_ARRAY) {
                    depth--;
                } else if (depth == 1 && t == tools.jackson.core.JsonToken.PROPERTY_NAME && "$id".equals(p.currentName())) {
                    tools.jackson.core.TokenStreamLocation loc = p.currentTokenLocation();
                    return new int[] {Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr())};
                }
            }
        } catch (JacksonException e) {
            // the text parsed once already; a position is a help, never a second refusal
        }
        return new int[] {0, 0};
    }

    private static final tools.jackson.core.json.JsonFactory ID_FINDER = tools.jackson.core.json.JsonFactory.builder().build();

    /**
     * @param files pack-relative path to content, for {@code forms/*.schema.json} and
     *              {@code procedures/<code>/form.schema.json}
     */
    public SchemaStore(Map<String, String> files) {
        this(files, true);
    }

    /** Procedure forms whose tree was made from an earlier copy's ({@link Patterns}), not parsed. */
    private int derivedTrees;

    /** The nodes the sharing table was sized for ({@link SharedNodes#expectedNodes(long, int)}; for tests). */
    private int sharingTable;

    /** The sharing table's slots once every document is shared (for tests: more than it was sized for if it grew). */
    private int sharingSlots;

    /** The nodes the sharing table was sized for (for tests). */
    int sharingTableNodes() {
        return sharingTable;
    }

    /** The sharing table's slots once every document was shared (for tests). */
    int sharingTableSlots() {
        return sharingSlots;
    }

    /** @param derive false: parse every file (the reference {@code SchemaStorePatternsTest} compares with) */
    SchemaStore(Map<String, String> files, boolean derive) {
        Map<SameFormKey, String> formByText = new java.util.HashMap<>();
        Patterns patterns = new Patterns();
        int[] rootIdAt = new int[1];
        // the text the sharing table is sized from (SharedNodes): every form's but a copy's, whose tree is an earlier
        // form's but for its $id, so all its nodes but a few are found in the table, not added to it
        long chars = 0;
        int copies = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            String procedure = procedureCode(path);
            JsonNode node;
            Patterns.Derived derived = procedure == null || !derive ? null : patterns.derive(f.getValue(), formByText, byId);
            derivedTrees += derived == null || derived.tree() == null ? 0 : 1;
            try {
                rootIdAt[0] = -1;
                // a procedure form that is an earlier one's text but for its $id's characters: that form's tree with
                // this $id, exactly the tree the parser gives (Patterns), without parsing it again
                node = derived != null && derived.tree() != null ? derived.tree() : PlainJson.readTree(f.getValue(), rootIdAt);
            } catch (JacksonException e) {
                // the kernel's plain words at the parser's line and column, never the parser's English
                var loc = e.getLocation();
                io.github.motcua.kernel.Problem syntax = io.github.motcua.kernel.JsonSyntax.problem(path, f.getValue(),
                        loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), e.getOriginalMessage());
                throw new UnableToLoadFormsException(path, FormsProblems.at(syntax.line() > 0 ? "FORMS_SCHEMA_NOT_JSON"
                        : "FORMS_SCHEMA_NOT_JSON_NO_PLACE", syntax.line(),
                        syntax.column(), java.util.Map.of("file", path, "line", Integer.toString(syntax.line()), "column",
                                Integer.toString(syntax.column())), "detail", syntax.messageVi(), syntax.messageEn()), null);
            }
            if (!(node instanceof ObjectNode obj)) {
                throw new UnableToLoadFormsException(path, FormsProblems.of("FORMS_SCHEMA_NOT_OBJECT", "file", path), null);
            }
            String id = obj.path("$id").isString() ? obj.get("$id").asString() : null;
            if (id == null) {
                if (procedure == null) {
                    throw new UnableToLoadFormsException(path, FormsProblems.of("FORMS_SHARED_SCHEMA_NO_ID", "file", path), null);
                }
                id = "urn:motcua:forms:procedure:" + procedure;
                obj.put("$id", id);
            }
            if (id.contains("#")) {
                throw new UnableToLoadFormsException(path, FormsProblems.of("FORMS_ID_WITH_FRAGMENT", "file", path, "id", id), null);
            }
            JsonNode dialect = obj.get("$schema");
            if (dialect != null && !DRAFT_2020_12.equals(dialect.asString())) {
                throw new SchemaReferenceRefusedException(path, dialect.asString(), FormsProblems.of("FORMS_DIALECT",
                        "file", path, "dialect", dialect.asString(), "supported", DRAFT_2020_12));
            }
            if (byId.containsKey(id)) {
                // at this file's "$id" line, naming the first file; a copied procedure folder is told the $id to write
                int[] at = idPosition(f.getValue());
                io.github.motcua.kernel.Problem d = procedure == null
                        ? FormsProblems.of("FORMS_DUPLICATE_ID", "first", fileById.get(id), "file", path, "id", id)
                        : FormsProblems.of("FORMS_DUPLICATE_ID_PROCEDURE", "first", fileById.get(id), "file", path, "id", id,
                                "own", "urn:motcua:forms:procedure:" + procedure);
                throw new UnableToLoadFormsException(path, new io.github.motcua.kernel.Problem(d.file(), at[0], at[1], "/$id",
                        d.code(), d.severity(), d.bundle(), d.key(), d.args()), null);
            }
            byId.put(id, obj);
            fileById.put(id, path);
            if (procedure != null) {
                formIdToSchemaId.put(procedure, id);
                // the same text but for its own $id (\u0000 cannot occur in JSON text), and the same tree
                // but for the $id: the same form (the text keeps the order of the keywords, the tree
                // rules out an $id written with escapes and a keyword value naming the form's own id)
                String text = f.getValue();
                // the key derive worked out when it is this form's (a copy, or a text read for the $id it guessed)
                // (SameFormKey: that replaced text's equality and hash, without a copy of the text, issue 15 session 24)
                SameFormKey key = derived != null && id.equals(derived.id()) ? derived.key() : SameFormKey.of(text, id);
                String first = formByText.putIfAbsent(key, id);
                if (first != null && (derived != null && derived.tree() != null && first.equals(derived.from())
                        || equalButId(byId.get(first), obj))) {
                    sameFormAs.put(id, first); // a derived tree is the pattern's but for its $id: equal but for it
                    copies++;
                } else {
                    chars += text.length();
                    if (first == null) {
                        patterns.note(id, text, rootIdAt[0]);
                    }
                }
            } else {
                chars += f.getValue().length();
            }
        }
        // The walk that checks the references also notes, in the same pre-order, every schema from which the
        // cycle search must start: the search then needs no walk of its own over every node. Each document is
        // shared right after its check, while its tree is still in the caches: sharing reads only that document
        // (its references already written with its $id) and the documents before it, which no later check
        // changes, so it shares exactly what sharing every document after every check would; a check that
        // throws leaves no store behind.
        List<Start> starts = new ArrayList<>();
        StringBuilder pointer = new StringBuilder();
        // sized once from the text of the forms that are not copies (issue 15, session 23: sized from every form's text,
        // the copied catalogue's 2,000 copies of a few forms made a table of 2^20 slots, 8 MB, for its 4,865 nodes)
        sharingTable = SharedNodes.expectedNodes(chars, copies);
        SharedNodes shared = new SharedNodes(sharingTable);
        for (Map.Entry<String, ObjectNode> e : byId.entrySet()) {
            checkRefs(fileById.get(e.getKey()), e.getKey(), e.getValue(), true, pointer, starts);
            shared.share(e.getValue());
        }
        sharingSlots = shared.capacity();
        Map<String, Integer> state = new java.util.HashMap<>();
        java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
        for (Start s : starts) {
            if (s != null) {
                inPlaceCycle(s.docId(), s.pointer(), s.node(), state, path);
            }
        }
        // keyed by interned form ids: a procedure's code is interned where rules-core reads it, so the look-up of a
        // procedure's own form matches its key by identity and does not read the key's text again (docs/performance.md,
        // "Session 22 — the skewed mix"); any other caller's id is compared by its text, as before
        schemaIdByFormId = new java.util.HashMap<>(formIdToSchemaId.size() * 2);
        formIdToSchemaId.forEach((formId, schemaId) -> schemaIdByFormId.put(formId.intern(), schemaId));
    }

    /**
     * Procedure forms that are copies of each other but for their {@code $id} (a province's procedures copied from one
     * another, a catalogue's): a later copy's tree is made from the first's instead of parsing its text again.
     *
     * <p>A first form is a <em>pattern</em> when its root {@code $id} is written {@code "ID"} at the offset the parser
     * reports, with ID {@link #plainId plain} (printable ASCII without a quotation mark or a backslash) and found
     * nowhere else in the text: its text is then P + ID + S, P ending with that quotation mark. A later procedure file
     * whose text starts with P is P + ID2 + S2, ID2 running to the next quotation mark; when ID2 is plain and the
     * text's key (the text with ID2 replaced by U+0000, as the store's same-form test writes it) is the pattern's,
     * P + U+0000 + S, then ID2 is found exactly once and S2 = S (the pattern's text has no U+0000: it is JSON),
     * so the text is the pattern's with ID's characters replaced by ID2's, inside the same string token: the parser
     * reads the same tokens but that one text, and gives the pattern's tree with the root {@code $id} ID2 — what
     * {@link #derive} returns (new containers, the pattern's immutable scalar nodes), before anything changes the
     * pattern's tree. A text that does not meet every condition is parsed, as before; whatever a derived tree then
     * meets (the $id checks, the same-form test, the reference checks, sharing) is what its parse would have met.
     * The work is bounded by the text's length and the pattern's tree (which its own parse bounded).
     */
    private static final class Patterns {
        /** Distinct P of the patterns, the most kept (a pack's forms are written by a few tools). */
        private static final int MAX_PREFIXES = 8;
        /** The longest ID2 taken (a longer one is parsed). */
        private static final int MAX_ID = 1_000;

        private final Map<String, String> prefixById = new java.util.HashMap<>();
        private final List<String> prefixes = new ArrayList<>(2);

        /**
         * A tree made from a pattern's (or null: none matched), the key in the store's map of texts of the text read
         * with $id {@code id}, and the pattern's $id (or null).
         */
        record Derived(ObjectNode tree, SameFormKey key, String from, String id) {
        }

        /** Notes a first form (its key new to the store's map of texts) as a pattern when it is one. */
        void note(String id, String text, int at) {
            int end = at + 1 + id.length();
            if (at < 0 || end >= text.length() || text.charAt(at) != '"' || text.charAt(end) != '"' || !plainId(id)
                    || !text.startsWith(id, at + 1) || text.indexOf(id) != at + 1 || text.indexOf(id, at + 2) >= 0) {
                return;
            }
            String prefix = text.substring(0, at + 1);
            if (!prefixes.contains(prefix)) {
                if (prefixes.size() >= MAX_PREFIXES) {
                    return;
                }
                prefixes.add(prefix);
            }
            prefixById.put(id, prefix);
        }

        /**
         * The tree of {@code text} made from a pattern's ({@code byId}, not yet changed), or without a tree (parse the
         * text) the key worked out for the id read after a pattern's P, or null.
         */
        Derived derive(String text, Map<SameFormKey, String> formByText, Map<String, ObjectNode> byId) {
            Derived none = null;
            for (int k = 0; k < prefixes.size(); k++) {
                String prefix = prefixes.get(k);
                int from = prefix.length();
                if (!text.startsWith(prefix)) {
                    continue;
                }
                int end = text.indexOf('"', from);
                if (end < 0 || end - from > MAX_ID) {
                    continue;
                }
                String id = text.substring(from, end);
                if (!plainId(id)) {
                    continue;
                }
                // the key is P + U+0000 + S only if ID2 is found exactly once, at its place: an earlier occurrence
                // would be inside P (it cannot take P's last quotation mark) and put a U+0000 there, a later one or a
                // U+0000 of the text's own would put a second one; so an equal key also says "found once"
                SameFormKey key = SameFormKey.of(text, id);
                String first = formByText.get(key);
                if (first == null || first.equals(id) || !prefix.equals(prefixById.get(first))) {
                    none = none != null ? none : new Derived(null, key, null, id);
                    continue;
                }
                ObjectNode tree = copyRoot(byId.get(first));
                tree.set("$id", PlainJson.NODES.stringNode(id)); // in its place, as the parser's tree has it
                return new Derived(tree, key, first, id);
            }
            return none;
        }

        /** Printable ASCII, no quotation mark, no backslash, not empty: read by the parser as written. */
        static boolean plainId(String id) {
            if (id.isEmpty()) {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }

        /** A new root in the same order, its children as {@link #copy} gives them (the root's {@code $id} is then set). */
        private static ObjectNode copyRoot(ObjectNode root) {
            ObjectNode c = PlainJson.NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                c.set(e.getKey(), copy(e.getValue()));
            }
            return c;
        }

        /**
         * The pattern's node itself when nothing below it is changed in place before the store is built, else new
         * containers in the same order down to what is (issue 15, session 23). The one change made in place to a
         * document's tree after it is read is the reference check's: it writes a local {@code $ref}/{@code $dynamicRef}
         * ({@code "#/…"}) with the document's own {@code $id} ({@link SchemaStore#checkRefs}); the root's {@code $id} is
         * set on the copy's own root, and sharing replaces a node only by an equal one, which the copy would get from
         * sharing anyway. So an object holding such a reference and every container above it are new; any other part
         * is the pattern's, equal to what its parse gives (scalars were already the pattern's immutable nodes). The
         * copied catalogue's 2,000 copies made ≈ 20 MB of containers a load, shared back into the pattern's nodes.
         */
        private static JsonNode copy(JsonNode n) {
            if (n instanceof ObjectNode o) {
                ObjectNode c = null; // made at the first entry that differs from the pattern's
                int k = 0;
                for (Map.Entry<String, JsonNode> e : o.properties()) {
                    JsonNode v = e.getValue();
                    JsonNode x = copy(v);
                    if (c == null && (x != v || localRef(e.getKey(), v))) {
                        c = PlainJson.NODES.objectNode();
                        int j = 0;
                        for (Map.Entry<String, JsonNode> before : o.properties()) {
                            if (j++ == k) {
                                break;
                            }
                            c.set(before.getKey(), before.getValue());
                        }
                    }
                    if (c != null) {
                        c.set(e.getKey(), x);
                    }
                    k++;
                }
                return c == null ? o : c;
            }
            if (n instanceof tools.jackson.databind.node.ArrayNode a) {
                tools.jackson.databind.node.ArrayNode c = null;
                for (int i = 0; i < a.size(); i++) {
                    JsonNode v = a.get(i);
                    JsonNode x = copy(v);
                    if (c == null && x != v) {
                        c = PlainJson.NODES.arrayNode(a.size());
                        for (int j = 0; j < i; j++) {
                            c.add(a.get(j));
                        }
                    }
                    if (c != null) {
                        c.add(x);
                    }
                }
                return c == null ? a : c;
            }
            return n;
        }

        /** An entry the reference check rewrites in place: a {@code $ref} or {@code $dynamicRef} to {@code #…}. */
        private static boolean localRef(String key, JsonNode v) {
            return ("$ref".equals(key) || "$dynamicRef".equals(key)) && v.isString() && v.asString().startsWith("#");
        }
    }

    /**
     * A schema with an in-place keyword, where a cycle search starts: its document, its pointer (segments escaped)
     * and the node found there (equal to what {@link #at(String, String)} finds at that pointer once sharing has
     * replaced parts of the tree by equal ones).
     */
    private record Start(String docId, String pointer, JsonNode node) {
    }

    /** Whether two schema documents are equal in every keyword but their root {@code $id} (before references are rewritten). */
    private static boolean equalButId(ObjectNode a, ObjectNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            if (!"$id".equals(e.getKey()) && !e.getValue().equals(b.get(e.getKey()))) {
                return false;
            }
        }
        return b.has("$id") == a.has("$id");
    }

    private static final List<String> IN_PLACE_ARRAYS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> IN_PLACE_OBJECTS = List.of("not", "if", "then", "else");

    /** The keywords through which a schema applies another to the same value: {@link #IN_PLACE_ARRAYS} and the others. */
    private static final java.util.Set<String> IN_PLACE_KEYWORDS = java.util.Set.of("$ref", "dependentSchemas", "allOf",
            "anyOf", "oneOf", "not", "if", "then", "else");

    /** Whether the schema names an in-place keyword: one pass over its (few) keywords, not a look-up of each. */
    private static boolean hasInPlaceEdge(JsonNode n) {
        if (!n.isObject()) {
            return false;
        }
        for (String k : n.propertyNames()) {
            if (IN_PLACE_KEYWORDS.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a chain of references and in-place applicators (allOf, anyOf, oneOf, not, if/then/else,
     * dependentSchemas) that comes back to where it started without descending into the data: the
     * validator would recurse on the same value for ever.
     *
     * <p>{@code known} is the node at {@code docId#pointer} when the caller holds it (the search's start, or an
     * in-place child of a schema whose pointer is {@linkplain #plainPointer plain}), else null: the node is then
     * looked up by the pointer, as a {@code $ref}'s text says. A child with no in-place keyword at all is not
     * searched: it has no edge, so it can neither close a cycle nor lie on one, and searching it would only
     * mark it done.
     *
     * <p>A chain longer than {@link #MAX_IN_PLACE_CHAIN} is refused as {@code FORMS_REF_TOO_DEEP}: the search recurses
     * once a link, and a pack's schema could chain tens of thousands of {@code $ref}s (a stack overflow, not a problem).
     */
    private void inPlaceCycle(String docId, String pointer, JsonNode known, Map<String, Integer> state, java.util.Deque<String> path) {
        String key = docId + "#" + pointer;
        Integer st = state.get(key);
        if (st != null && st == 2) {
            return;
        }
        if (st != null && st == 1) {
            List<String> cycle = new ArrayList<>(path);
            java.util.Collections.reverse(cycle);
            cycle.add(key);
            throw new UnableToLoadFormsException(fileById.get(docId), FormsProblems.of("FORMS_REF_CYCLE", "file", fileById.get(docId),
                    "cycle", cycle.subList(cycle.indexOf(key), cycle.size())), null);
        }
        if (path.size() >= MAX_IN_PLACE_CHAIN) {
            throw new UnableToLoadFormsException(fileById.get(docId), FormsProblems.of("FORMS_REF_TOO_DEEP", "file",
                    fileById.get(docId), "max", MAX_IN_PLACE_CHAIN, "start", path.peekLast()), null);
        }
        state.put(key, 1);
        path.push(key);
        JsonNode n = known != null ? known : at(docId, pointer);
        if (n != null && n.isObject()) {
            JsonNode ref = n.get("$ref");
            if (ref != null && ref.isString()) {
                String r = ref.asString();
                int hash = r.indexOf('#');
                String doc = hash < 0 ? r : r.substring(0, hash);
                inPlaceCycle(doc.isEmpty() ? docId : doc, hash < 0 ? "" : r.substring(hash + 1), null, state, path);
            }
            // below a plain pointer, "pointer/k/i" names exactly the child in hand: no look-up from the root
            boolean plain = plainPointer(pointer);
            for (String k : IN_PLACE_ARRAYS) {
                JsonNode arr = n.get(k);
                if (arr != null && arr.isArray()) {
                    for (int i = 0; i < arr.size(); i++) {
                        JsonNode c = arr.get(i);
                        if (!plain || hasInPlaceEdge(c)) {
                            inPlaceCycle(docId, pointer + "/" + k + "/" + i, plain ? c : null, state, path);
                        }
                    }
                }
            }
            for (String k : IN_PLACE_OBJECTS) {
                JsonNode c = n.get(k);
                if (c != null && c.isObject() && (!plain || hasInPlaceEdge(c))) {
                    inPlaceCycle(docId, pointer + "/" + k, plain ? c : null, state, path);
                }
            }
            for (Map.Entry<String, JsonNode> d : n.path("dependentSchemas").properties()) {
                JsonNode c = d.getValue();
                if (!plain || hasInPlaceEdge(c)) {
                    inPlaceCycle(docId, pointer + "/dependentSchemas/" + Pointers.escape(d.getKey()), plain ? c : null, state, path);
                }
            }
        }
        path.pop();
        state.put(key, 2);
    }

    /**
     * Whether a JSON Pointer is written as {@link Pointers#escape} writes one: empty, or every {@code ~} followed by
     * {@code 0} or {@code 1}. Appending segments to such a pointer then names their node below the pointer's own
     * (another {@code ~} could take the next {@code /} into its segment); a {@code $ref}'s text may be anything.
     */
    static boolean plainPointer(String pointer) {
        for (int i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 1)) {
            if (i + 1 >= pointer.length() || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1')) {
                return false;
            }
        }
        return true;
    }

    static String procedureCode(String path) {
        String[] parts = path.split("/");
        if (parts.length == 3 && parts[0].equals("procedures") && parts[2].equals("form.schema.json")) {
            return parts[1];
        }
        return null;
    }

    /**
     * Checks every reference stays in the pack, and writes local ones ({@code "#/$defs/a"}) with the
     * document's {@code $id} (the same meaning, as nested {@code $id}s are refused) so that a field
     * schema found through another document still resolves its references. Also adds to {@code starts}, in
     * pre-order, every object with an in-place keyword ({@link #IN_PLACE_KEYWORDS}) and its pointer (and a null
     * for some objects without one, which the search skips): {@code pointer}
     * holds the escaped pointer down to {@code node}, the walk appending and cutting segments as it goes.
     */
    private void checkRefs(String file, String docId, JsonNode node, boolean root, StringBuilder pointer, List<Start> starts) {
        if (node.isObject()) {
            // this node's place among the starts, before its descendants' (pre-order); filled once its keywords
            // are read, left null (skipped) when it has no in-place keyword
            int place = starts.size();
            starts.add(null);
            boolean inPlace = false;
            List<String> localRefs = null;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                inPlace = inPlace || IN_PLACE_KEYWORDS.contains(k);
                if ("pattern".equals(k) && v.isString()) {
                    refuseBacktracking(file, pointer + "/pattern", v.asString());
                } else if ("patternProperties".equals(k) && v.isObject()) {
                    for (String p : v.propertyNames()) {
                        refuseBacktracking(file, pointer + "/patternProperties/" + Pointers.escape(p), p);
                    }
                }
                if (("$ref".equals(k) || "$dynamicRef".equals(k)) && v.isString()) {
                    String ref = v.asString();
                    if (ref.startsWith("#")) {
                        if (localRefs == null) {
                            localRefs = new ArrayList<>(2);
                        }
                        localRefs.add(k);
                    }
                    int hash = ref.indexOf('#');
                    String doc = hash < 0 ? ref : ref.substring(0, hash);
                    if (!doc.isEmpty() && !byId.containsKey(doc)) {
                        throw new SchemaReferenceRefusedException(file, ref, FormsProblems.of("FORMS_REF_OUTSIDE_PACK", "file", file,
                                "ref", ref, "ids", byId.keySet()));
                    }
                    if ("$ref".equals(k) && hash >= 0 && hash + 1 < ref.length() && ref.charAt(hash + 1) != '/') {
                        // "#name" (a $anchor) is not a JSON Pointer: the store, the renderer and the cycle search
                        // locate a $ref's target by pointer, so it is refused here as a pack problem
                        throw new SchemaReferenceRefusedException(file, ref, FormsProblems.of("FORMS_REF_NOT_POINTER", "file", file,
                                "ref", ref));
                    }
                } else if ("format".equals(k) && v.isString() && !KNOWN_FORMATS.contains(v.asString())) {
                    throw new UnableToLoadFormsException(file, FormsProblems.of("FORMS_UNKNOWN_FORMAT", "file", file,
                            "format", v.asString(), "known", new java.util.TreeSet<>(KNOWN_FORMATS)), null);
                } else if (k.startsWith("x-vn-") && !KNOWN_VN_KEYWORDS.contains(k)) {
                    throw new UnableToLoadFormsException(file, FormsProblems.of("FORMS_UNKNOWN_KEYWORD", "file", file,
                            "keyword", k, "known", new java.util.TreeSet<>(KNOWN_VN_KEYWORDS)), null);
                } else if ("$id".equals(k) && !root) {
                    throw new UnableToLoadFormsException(file, FormsProblems.of("FORMS_NESTED_ID", "file", file, "id", v.asString()), null);
                } else if (("$schema".equals(k) && !root) || "$vocabulary".equals(k)) {
                    throw new SchemaReferenceRefusedException(file, v.toString(), FormsProblems.of("FORMS_BELOW_ROOT", "file", file, "keyword", k));
                } else if (v.isContainer() && !"const".equals(k) && !"enum".equals(k) && !"examples".equals(k) && !"default".equals(k)) {
                    // a scalar holds nothing to check below it
                    int length = pointer.length();
                    pointer.append('/').append(Pointers.escape(k));
                    checkRefs(file, docId, v, false, pointer, starts);
                    pointer.setLength(length);
                }
            }
            if (inPlace) {
                starts.set(place, new Start(docId, pointer.toString(), node));
            } else if (place == starts.size() - 1) {
                starts.remove(place); // no start below it either: nothing left behind
            }
            for (int i = 0; localRefs != null && i < localRefs.size(); i++) {
                String k = localRefs.get(i);
                ((ObjectNode) node).put(k, docId + node.get(k).asString());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isContainer()) {
                    int length = pointer.length();
                    pointer.append('/').append(i);
                    checkRefs(file, docId, item, false, pointer, starts);
                    pointer.setLength(length);
                }
            }
        }
    }

    /**
     * Refuses a pattern whose repeated group a backtracking matcher can take exponential time on ({@link PatternRisk}),
     * naming the schema file and the pattern's pointer, before any text meets it.
     */
    private static void refuseBacktracking(String file, String pointer, String pattern) {
        PatternRisk.Risk risk = PatternRisk.find(BoundedRegex.javaRegex(pattern));
        if (risk != null) {
            throw new UnableToLoadFormsException(file, FormsProblems.of(risk.nested() ? "FORMS_PATTERN_NESTED_REPEAT"
                    : "FORMS_PATTERN_OVERLAPPING_ALTERNATIVES", "file", file, "pointer", pointer, "pattern", pattern,
                    "group", risk.group()), null);
        }
    }

    /** How many procedure forms' trees were made from an earlier copy's instead of parsed. */
    int derivedTrees() {
        return derivedTrees;
    }

    /** Every schema's $id, in load order. */
    public java.util.Set<String> ids() {
        return java.util.Collections.unmodifiableSet(byId.keySet());
    }

    /** The text of the schema with this $id (as networknt reads it), or null when the pack has none. */
    public String schemaText(String id) {
        ObjectNode node = byId.get(id);
        return node == null ? null : node.toString();
    }

    /**
     * The $id of an earlier procedure form whose file is the same text as this one's but for its own
     * $id (so it validates every document alike and may share its compiled schema), or {@code id} itself.
     */
    public String sameFormAs(String id) {
        return sameFormAs.getOrDefault(id, id);
    }

    /** The pack-relative file of the schema with this $id, or null. */
    public String fileOf(String id) {
        return fileById.get(id);
    }

    /** sha256 over the form's text and every shared (non-procedure) schema's text, in $id order. */
    public String versionOf(String schemaId) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(byId.get(schemaId).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Map.Entry<String, ObjectNode> e : new TreeMap<>(byId).entrySet()) {
                if (!e.getKey().equals(schemaId) && procedureCode(fileById.get(e.getKey())) == null) {
                    md.update((byte) 0);
                    md.update(e.getValue().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public Map<String, String> formIds() {
        return formIdToSchemaId;
    }

    /** The schema id for a form id (procedure code or $id), or null. */
    public String schemaId(String formId) {
        String id = schemaIdByFormId.get(formId);
        if (id != null) {
            return id;
        }
        return byId.containsKey(formId) ? formId : null;
    }

    public boolean uses(String format) {
        for (ObjectNode n : byId.values()) {
            if (containsFormat(n, format)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsFormat(JsonNode n, String format) {
        if (n.isObject()) {
            if (n.path("format").isString() && format.equals(n.get("format").asString())) {
                return true;
            }
        }
        for (JsonNode c : n) {
            if (containsFormat(c, format)) {
                return true;
            }
        }
        return false;
    }

    /** The schema object at {@code id#pointer}, or null. */
    public JsonNode at(String id, String pointer) {
        ObjectNode doc = byId.get(id);
        if (doc == null) {
            return null;
        }
        JsonNode n = pointer.isEmpty() ? doc : doc.at(pointer);
        return n.isMissingNode() ? null : n;
    }

    /** A schema located by an absolute location string {@code id#/pointer}, or null. */
    public JsonNode at(String location) {
        int hash = location.indexOf('#');
        return hash < 0 ? at(location, "") : at(location.substring(0, hash), location.substring(hash + 1));
    }

    /**
     * A field's schema with its {@code $ref} chain resolved: the referencing object's own keywords win
     * over the target's (so a property's title beats its definition's).
     */
    public JsonNode resolve(String docId, JsonNode schema) {
        JsonNode current = schema;
        String currentDoc = docId;
        ObjectNode merged = null;
        for (int guard = 0; guard < 32 && current != null && current.path("$ref").isString(); guard++) {
            String ref = current.get("$ref").asString();
            int hash = ref.indexOf('#');
            String doc = hash < 0 ? ref : ref.substring(0, hash);
            String ptr = hash < 0 ? "" : ref.substring(hash + 1);
            if (!doc.isEmpty()) {
                currentDoc = doc;
            }
            JsonNode target = at(currentDoc, ptr);
            if (merged == null) {
                merged = PlainJson.NODES.objectNode();
            }
            mergeUnder(merged, current);
            current = target;
        }
        if (merged == null) {
            return schema;
        }
        if (current != null) {
            mergeUnder(merged, current);
        }
        return merged;
    }

    /**
     * Adds {@code lower}'s keywords that {@code out} lacks; {@code properties} are merged per property
     * (so {@code {"$ref": person, "properties": {"ngaySinh": {...}}}} keeps person's other fields) and
     * {@code required} lists are united.
     */
    private static void mergeUnder(ObjectNode out, JsonNode lower) {
        for (Map.Entry<String, JsonNode> e : lower.properties()) {
            String k = e.getKey();
            JsonNode mine = out.get(k);
            if (mine == null) {
                if (!"$ref".equals(k)) {
                    out.set(k, e.getValue());
                }
            } else if ("properties".equals(k) && mine.isObject() && e.getValue().isObject()) {
                ObjectNode props = PlainJson.NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : e.getValue().properties()) {
                    props.set(p.getKey(), p.getValue());
                }
                for (Map.Entry<String, JsonNode> p : mine.properties()) {
                    JsonNode base = props.get(p.getKey());
                    if (base != null && base.isObject() && p.getValue().isObject()) {
                        ObjectNode combined = PlainJson.NODES.objectNode();
                        p.getValue().properties().forEach(x -> combined.set(x.getKey(), x.getValue()));
                        base.properties().forEach(x -> {
                            if (!combined.has(x.getKey())) {
                                combined.set(x.getKey(), x.getValue());
                            }
                        });
                        props.set(p.getKey(), combined);
                    } else {
                        props.set(p.getKey(), p.getValue());
                    }
                }
                out.set(k, props);
            } else if ("required".equals(k) && mine.isArray() && e.getValue().isArray()) {
                java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
                e.getValue().forEach(n -> names.add(n.asString()));
                mine.forEach(n -> names.add(n.asString()));
                tools.jackson.databind.node.ArrayNode arr = PlainJson.NODES.arrayNode();
                names.forEach(arr::add);
                out.set(k, arr);
            }
        }
    }

    /**
     * The schema of the field at an instance pointer, following properties, items and the branches of
     * allOf / anyOf / oneOf / if-then-else, or null when the schema does not describe it.
     */
    public JsonNode fieldAt(String schemaId, String pointer) {
        JsonNode node = resolve(schemaId, byId.get(schemaId));
        for (String token : Pointers.tokens(pointer)) {
            node = child(schemaId, node, token);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    public JsonNode child(String docId, JsonNode schema, String token) {
        return child(docId, schema, token, 0);
    }

    /** Depth-bounded: a schema whose allOf refers back to itself must not recurse for ever. */
    private JsonNode child(String docId, JsonNode schema, String token, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_BRANCH_DEPTH) {
            return null;
        }
        JsonNode p = schema.path("properties").get(token);
        if (p != null) {
            return resolve(docId, p);
        }
        if (isIndex(token)) {
            JsonNode prefix = schema.path("prefixItems");
            int i = Integer.parseInt(token);
            if (prefix.isArray() && i < prefix.size()) {
                return resolve(docId, prefix.get(i));
            }
            if (schema.path("items").isObject()) {
                return resolve(docId, schema.get("items"));
            }
        }
        for (String branch : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode b : schema.path(branch)) {
                JsonNode found = child(docId, resolve(docId, b), token, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        for (String branch : List.of("then", "else")) {
            JsonNode found = child(docId, resolve(docId, schema.path(branch)), token, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static boolean isIndex(String token) {
        if (token.isEmpty() || token.length() > 9) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i)) || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Property names in schema order (including then/else/allOf branches). */
    public List<String> propertyNames(String docId, JsonNode schema) {
        return propertyNames(docId, schema, 0);
    }

    private List<String> propertyNames(String docId, JsonNode schema, int depth) {
        List<String> names = new ArrayList<>();
        if (schema == null || depth > MAX_BRANCH_DEPTH) {
            return names;
        }
        Iterator<String> it = schema.path("properties").propertyNames().iterator();
        it.forEachRemaining(names::add);
        for (JsonNode b : schema.path("allOf")) {
            for (String n : propertyNames(docId, resolve(docId, b), depth + 1)) {
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return names;
    }
}
