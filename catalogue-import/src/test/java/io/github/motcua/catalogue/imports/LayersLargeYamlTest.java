package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The import's layers are read under the kernel's file-size limit (8 MB) and nothing smaller (issue 15 session 24): a
 * well-formed file past snakeyaml-engine's default code-point limit (3 MiB) was refused with the parser's message
 * (*The incoming YAML document exceeds the limit: 3145728 code points*), as the kernel's own reading was until session 23.
 */
class LayersLargeYamlTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    /**
     * The national layer the import writes for one real record, with a 4 MiB text value after it (a long comment would
     * not do: the parser's limit counts the characters of tokens, not of comments).
     */
    private Path importedWithLongComment() throws IOException {
        Path pack = ImportFixtures.pack(tmp);
        ImportReport r = Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.000363")));
        assertTrue(r.ok(), r.text());
        Path national = pack.resolve("procedures/1.000363/national.yaml");
        Files.writeString(national, "longText: \"" + "ghi chú ".repeat(MIB / 2) + "\"\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String text = Files.readString(national);
        assertTrue(text.codePointCount(0, text.length()) > 4 * MIB, "past the parser's old limit");
        assertTrue(Files.size(national) < 8L * MIB, "within the file-size limit");
        return pack;
    }

    @Test
    void aNationalLayerPastThreeMebibytes_isRead_fromAFolderAndFromBytes() throws IOException {
        Path pack = importedWithLongComment();
        Map<String, NationalLayer> fromFolder = NationalLayer.readAll(pack);
        assertEquals(List.of("1.000363"), List.copyOf(fromFolder.keySet()));
        Map<String, NationalLayer> fromBytes = NationalLayer.readAll(Map.of("procedures/1.000363/national.yaml",
                Files.readAllBytes(pack.resolve("procedures/1.000363/national.yaml"))));
        assertEquals(fromFolder, fromBytes);
        // and the import reads it back (its own earlier layer, to print what changed): no change, no refusal
        ImportReport again = Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.000363")));
        assertTrue(again.ok(), again.text());
    }

    @Test
    void aYamlFilePastTheFileSizeLimit_isRefusedBeforeItIsParsed() throws IOException {
        byte[] big = ("a: \"" + "x".repeat(8 * MIB) + "\"\n").getBytes(StandardCharsets.UTF_8);
        Path f = Files.write(tmp.resolve("local.yaml"), big);
        IOException e = assertThrows(IOException.class, () -> Layers.readYaml(f));
        assertTrue(e.getMessage().contains("8388608"), e.getMessage());
        UncheckedIOException u = assertThrows(UncheckedIOException.class,
                () -> NationalLayer.readAll(Map.of("procedures/9.9/national.yaml", big)));
        assertTrue(u.getMessage().contains("procedures/9.9/national.yaml") && u.getMessage().contains("8388608"), u.getMessage());
    }

    @Test
    void aLongTextValue_readWhole_andAKeyTwice_keepsTheLast() throws IOException {
        String value = "Lệ phí ".repeat(600_000); // 4.2 M code points
        Path f = Files.writeString(tmp.resolve("local.yaml"), "reason: \"" + value + "\"\nbasis: A\nbasis: B\n",
                StandardCharsets.UTF_8);
        JsonNode n = Layers.readYaml(f);
        assertEquals(value, n.get("reason").asString());
        assertEquals("B", n.get("basis").asString(), "as the parser's default: the last value of a key written twice");
    }
}
