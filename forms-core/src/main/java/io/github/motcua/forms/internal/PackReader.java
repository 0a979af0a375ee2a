package io.github.motcua.forms.internal;

import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.kernel.PackReadException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the files forms-core needs from a pack folder through the kernel's one pack reader: a link
 * leaving the pack, a file over 5 MB or text that is not UTF-8 is refused as it is for the engine.
 * Stateless; thread-safe.
 */
public final class PackReader {
    private static final io.github.motcua.kernel.PackReader.Limits LIMITS =
            new io.github.motcua.kernel.PackReader.Limits(5L * 1024 * 1024, 50_000, 64);

    private PackReader() {
    }

    public static Map<String, String> read(Path root) {
        io.github.motcua.kernel.PackReader pack = io.github.motcua.kernel.PackReader.of(root, LIMITS);
        if (!pack.exists()) {
            throw new UnableToLoadFormsException(null, FormsProblems.of("FORMS_NO_PACK_FOLDER", "folder", root), null);
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String f : pack.list("forms", ".schema.json")) {
                out.put(f, pack.text(f).orElseThrow());
            }
            for (String f : pack.list("templates", ".ftlh")) {
                out.put(f, pack.text(f).orElseThrow());
            }
            for (String d : pack.folders("procedures")) {
                String form = d + "/form.schema.json";
                pack.text(form).ifPresent(t -> out.put(form, t));
            }
            pack.text("units.yaml").ifPresent(t -> out.put("units.yaml", t));
        } catch (PackReadException e) {
            // the kernel reader's problem, in each language
            throw new UnableToLoadFormsException(e.problem().file(), FormsProblems.ofEach("FORMS_PACK_READ",
                    "problem", e.problem().format(Locale.forLanguageTag("vi")), e.problem().format(Locale.ENGLISH)), e);
        }
        return out;
    }
}
