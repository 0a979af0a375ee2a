package io.github.motcua.examples.cli;

import java.nio.file.Path;

/** The command an analyst types to run this command line again, for hints ("run: … check PACK"). */
final class Hints {
    private Hints() {
    }

    /** {@code java -jar <this jar>} when running from the jar, else the jar the build makes. */
    static String cli() {
        try {
            var src = Hints.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                Path p = Path.of(src.getLocation().toURI());
                if (p.getFileName() != null && p.getFileName().toString().endsWith(".jar")) {
                    return "java -jar " + p;
                }
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // fall through to the documented path
        }
        return "java -jar examples/target/motcua-cli.jar";
    }
}
