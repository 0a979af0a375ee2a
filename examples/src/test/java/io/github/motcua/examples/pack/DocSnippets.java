package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docs are compiled code (STYLE habit 14): a {@code // tag::NAME[]} … {@code // end::NAME[]} region
 * of a test source must stand verbatim, dedented, in a {@code ```java} block of a document.
 */
final class DocSnippets {
    private DocSnippets() {
    }

    static void assertRegionIn(String testSource, String tag, String document) throws IOException {
        String source = Files.readString(Path.of(testSource), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("// tag::" + Pattern.quote(tag) + "\\[]\\n(.*?)\\n\\s*// end::" + Pattern.quote(tag)
                + "\\[]", Pattern.DOTALL).matcher(source);
        assertTrue(m.find(), "tagged region [" + tag + "] present in " + testSource);
        String region = dedent(m.group(1).lines().toList());
        String doc = Files.readString(Path.of(document), StandardCharsets.UTF_8);
        assertTrue(doc.contains("```java\n" + region + "\n```"),
                document + " must contain the [" + tag + "] region verbatim in a ```java block:\n" + region);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l.isBlank() ? "" : l.substring(indent));
        }
        return sb.toString();
    }
}
