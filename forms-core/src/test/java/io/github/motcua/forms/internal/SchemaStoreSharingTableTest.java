package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The store sizes its sharing table ({@link SharedNodes}) from the text of the forms that are not copies of an earlier
 * one (issue 15, session 23): a catalogue of 2,000 procedures copied from a province's 15 forms kept 4,865 nodes in a
 * table sized from all 9.2 million characters of its forms (2^20 slots, 8 MB allocated a load). A copied pack's table is
 * now sized for its distinct forms and a few nodes a copy, a pack of different forms' as before, and neither table grows.
 */
class SchemaStoreSharingTableTest {
    private static final Path GIA_LAI = Path.of("..", "examples", "packs", "gia-lai");

    /** Gia Lai's shared forms and procedure forms, by pack path. */
    private static Map<String, String> giaLai() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(GIA_LAI)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                String inPack = GIA_LAI.relativize(p).toString().replace('\\', '/');
                if (inPack.startsWith("forms/") || SchemaStore.procedureCode(inPack) != null) {
                    files.put(inPack, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(files.size() >= 10, files.keySet()::toString);
        return files;
    }

    /**
     * Gia Lai's forms and {@code n} procedure forms copied from its procedure forms in turn, each with its own
     * {@code $id}; {@code distinct}: each copy's titles changed too, so no copy is another form's.
     */
    private static Map<String, String> catalogue(int n, boolean distinct) {
        Map<String, String> base = giaLai();
        Map<String, String> procedureForms = new TreeMap<>();
        base.forEach((path, text) -> {
            String code = SchemaStore.procedureCode(path);
            if (code != null && text.contains("\"urn:motcua:forms:procedure:")) {
                procedureForms.put(path, text);
            }
        });
        Map<String, String> files = new TreeMap<>(base);
        var templates = procedureForms.values().toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            String text = templates[i % templates.length];
            int at = text.indexOf("\"urn:motcua:forms:procedure:") + 1;
            String id = text.substring(at, text.indexOf('"', at));
            String code = String.format("SYN.%05d", i);
            String copy = text.replace(id, "urn:motcua:forms:procedure:" + code);
            if (distinct) {
                copy = copy.replace("\"title\": \"", "\"title\": \"" + code + " ");
            }
            files.put("procedures/" + code + "/form.schema.json", copy);
        }
        return files;
    }

    private static long chars(Map<String, String> files) {
        return files.values().stream().mapToLong(String::length).sum();
    }

    @Test
    void copiedCatalogue_tableSizedForItsDistinctFormsAndAFewNodesACopy_andItNeverGrows() {
        Map<String, String> files = catalogue(2_000, false);
        SchemaStore store = new SchemaStore(files);
        assertTrue(store.derivedTrees() > 1_900, "copies made from their pattern: " + store.derivedTrees());
        long own = chars(giaLai()); // every copy's text is one of these but for its $id
        int bound = SharedNodes.expectedNodes(own) + SharedNodes.NODES_PER_COPY * 2_000;
        assertTrue(store.sharingTableNodes() <= bound, store.sharingTableNodes() + " nodes, at most " + bound);
        // sized from every form's text (session 22) it was sized for 2^17 nodes or more
        assertTrue(SharedNodes.expectedNodes(chars(files)) > 100_000, "the copies' text: " + chars(files));
        assertTrue(store.sharingTableSlots() <= 1 << 14, "slots: " + store.sharingTableSlots());
        assertEquals(new SharedNodes(store.sharingTableNodes()).capacity(), store.sharingTableSlots(), "the table grew");
    }

    @Test
    void differentForms_tableSizedFromAllTheirText_asBefore_andItNeverGrows() {
        Map<String, String> files = catalogue(600, true);
        SchemaStore store = new SchemaStore(files);
        assertEquals(0, store.derivedTrees());
        assertEquals(SharedNodes.expectedNodes(chars(files)), store.sharingTableNodes());
        assertEquals(new SharedNodes(store.sharingTableNodes()).capacity(), store.sharingTableSlots(), "the table grew");
    }
}
