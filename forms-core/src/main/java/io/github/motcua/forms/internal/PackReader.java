package io.github.motcua.forms.internal;

import io.github.motcua.forms.UnableToLoadFormsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the files forms-core needs from a pack folder, strictly as UTF-8. Stateless; thread-safe. */
public final class PackReader {
    private static final long MAX_FILE = 5L * 1024 * 1024;

    private PackReader() {
    }

    public static Map<String, String> read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UnableToLoadFormsException(null, String.format(Locale.ROOT, "pack folder does not exist: [%s]", root));
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            list(root, root.resolve("forms"), ".schema.json", out);
            list(root, root.resolve("templates"), ".ftlh", out);
            Path procedures = root.resolve("procedures");
            if (Files.isDirectory(procedures)) {
                try (Stream<Path> dirs = Files.list(procedures)) {
                    for (Path d : dirs.sorted().toList()) {
                        Path form = d.resolve("form.schema.json");
                        if (Files.isRegularFile(form)) {
                            out.put(relative(root, form), readUtf8(root, form));
                        }
                    }
                }
            }
            Path units = root.resolve("units.yaml");
            if (Files.isRegularFile(units)) {
                out.put("units.yaml", readUtf8(root, units));
            }
        } catch (IOException e) {
            throw new UnableToLoadFormsException(null, String.format(Locale.ROOT, "cannot read pack [%s]: %s", root, e), e);
        }
        return out;
    }

    private static void list(Path root, Path dir, String suffix, Map<String, String> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)) {
                    out.put(relative(root, f), readUtf8(root, f));
                }
            }
        }
    }

    private static String relative(Path root, Path f) {
        return root.relativize(f).toString().replace('\\', '/');
    }

    private static String readUtf8(Path root, Path f) throws IOException {
        String rel = relative(root, f);
        if (Files.size(f) > MAX_FILE) {
            throw new UnableToLoadFormsException(rel, String.format(Locale.ROOT, "file [%s] is larger than %d bytes", rel, MAX_FILE));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            throw new UnableToLoadFormsException(rel, String.format(Locale.ROOT, "file [%s] is not valid UTF-8", rel), e);
        }
    }
}
