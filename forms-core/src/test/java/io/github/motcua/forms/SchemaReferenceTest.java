package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Schemas come only from the pack: nothing is fetched from a network or the classpath. */
class SchemaReferenceTest {

    static Map<String, String> packWithForm(String form) {
        Map<String, String> files = new HashMap<>(TestPacks.files());
        files.put("procedures/T.002/form.schema.json", form);
        return files;
    }

    @Test
    void build_refToLocalTcpPort_refusedAndPortSeesNoConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            server.setSoTimeout(300);
            int port = server.getLocalPort();
            String ref = "http://127.0.0.1:" + port + "/evil.schema.json";
            String form = "{\"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"" + ref + "#/$defs/a\"}}}";
            SchemaReferenceRefusedException e = assertThrows(SchemaReferenceRefusedException.class,
                    () -> Forms.builder().packFiles(packWithForm(form)).build());
            assertEquals(ref + "#/$defs/a", e.reference());
            assertEquals("procedures/T.002/form.schema.json", e.file());
            assertTrue(e.getMessage().contains("[" + ref + "#/$defs/a]"), e.getMessage());
            // any connection attempt would now be waiting in the backlog
            try (Socket s = server.accept()) {
                accepted.incrementAndGet();
                assertTrue(s.isConnected());
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
            assertEquals(0, accepted.get());
        }
    }

    @Test
    void build_refToClasspath_refused() {
        String form = "{\"properties\": {\"x\": {\"$ref\": \"classpath:draft/2020-12/schema\"}}}";
        assertThrows(SchemaReferenceRefusedException.class, () -> Forms.builder().packFiles(packWithForm(form)).build());
    }

    @Test
    void build_relativeFileRef_refused() {
        String form = "{\"properties\": {\"x\": {\"$ref\": \"../../forms/common.schema.json#/$defs/person\"}}}";
        assertThrows(SchemaReferenceRefusedException.class, () -> Forms.builder().packFiles(packWithForm(form)).build());
    }

    @Test
    void build_foreignDialect_refused() {
        String form = "{\"$schema\": \"http://127.0.0.1:1/meta\", \"type\": \"object\"}";
        SchemaReferenceRefusedException e = assertThrows(SchemaReferenceRefusedException.class,
                () -> Forms.builder().packFiles(packWithForm(form)).build());
        assertEquals("http://127.0.0.1:1/meta", e.reference());
    }

    @Test
    void build_refToUnknownFragment_refusedAsUnloadable() {
        String form = "{\"properties\": {\"x\": {\"$ref\": \"urn:motcua:forms:common#/$defs/khongCo\"}}}";
        assertThrows(UnableToLoadFormsException.class, () -> Forms.builder().packFiles(packWithForm(form)).build());
    }

    @Test
    void build_unknownFormatOrOurKeywordMisspelt_refusedNamingIt() {
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.builder()
                .packFiles(packWithForm("{\"properties\": {\"x\": {\"type\": \"string\", \"format\": \"vn-mobil\"}}}")).build());
        assertTrue(e.getMessage().contains("unknown format [vn-mobil]"), e.getMessage());
        e = assertThrows(UnableToLoadFormsException.class, () -> Forms.builder()
                .packFiles(packWithForm("{\"properties\": {\"x\": {\"x-vn-date-befor\": {\"field\": \"y\"}}}}")).build());
        assertTrue(e.getMessage().contains("unknown keyword [x-vn-date-befor]"), e.getMessage());
    }

    @Test
    void build_referenceCycleNotDescendingIntoData_refused() {
        // networknt would recurse on the same value until the stack overflows
        String form = "{\"$defs\": {\"a\": {\"allOf\": [{\"$ref\": \"#/$defs/b\"}]}, \"b\": {\"not\": {\"$ref\": \"#/$defs/a\"}}},"
                + " \"type\": \"object\", \"properties\": {\"x\": {\"$ref\": \"#/$defs/a\"}}}";
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.builder().packFiles(packWithForm(form)).build());
        assertTrue(e.getMessage().contains("refers back to itself"), e.getMessage());
        assertEquals("procedures/T.002/form.schema.json", e.file());
    }

    @Test
    void validateAndRender_recursiveStructureThroughProperties_allowedAndBounded() {
        // a person with a guardian who is a person: recursion that descends into the data is fine
        String form = "{\"$defs\": {\"p\": {\"type\": \"object\", \"title\": \"Người\", \"properties\": {\"ten\": {\"type\": \"string\"},"
                + " \"giamHo\": {\"$ref\": \"#/$defs/p\"}}}}, \"$ref\": \"#/$defs/p\"}";
        FormRegistry forms = Forms.builder().packFiles(packWithForm(form)).build();
        String deep = "{\"giamHo\":".repeat(60) + "{\"ten\": 1}" + "}".repeat(60);
        FormReport r = forms.validate("T.002", deep, java.util.Locale.ROOT);
        assertEquals("type", r.violations().get(0).keyword());
        assertTrue(forms.renderer().renderForm("T.002", java.util.Map.of(), null, java.util.Locale.ROOT, "/nop").contains("name=\"/giamHo/ten\""));
    }

    @Test
    void build_malformedSchema_refusedNamingFile() {
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.builder().packFiles(packWithForm("{\"type\": ")).build());
        assertEquals("procedures/T.002/form.schema.json", e.file());
    }

    @Test
    void build_duplicateId_refused() {
        Map<String, String> files = packWithForm("{\"$id\": \"urn:motcua:forms:common\"}");
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.builder().packFiles(files).build());
        assertTrue(e.getMessage().contains("[urn:motcua:forms:common]"), e.getMessage());
    }

    @Test
    void registry_packFolder_loadsSharedDefinitions() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pack");
        java.nio.file.Files.createDirectories(dir.resolve("forms"));
        java.nio.file.Files.createDirectories(dir.resolve("procedures/T.001"));
        for (Map.Entry<String, String> f : TestPacks.files().entrySet()) {
            java.nio.file.Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        FormRegistry r = Forms.registry(dir);
        assertEquals(java.util.Set.of("T.001"), r.formIds());
    }
}
