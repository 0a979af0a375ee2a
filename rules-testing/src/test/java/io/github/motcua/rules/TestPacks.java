package io.github.motcua.rules;

import io.github.motcua.rules.testing.PackFolders;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where rules-core's test packs are (its src/test/resources/packs); copies and edits go through {@link PackFolders}. */
final class TestPacks {
    private TestPacks() {
    }

    static Path source(String name) {
        return Path.of("..", "rules-core", "src", "test", "resources", "packs", name);
    }

    static Path copy(String name, Path target) {
        return PackFolders.copy(source(name), target);
    }

    static void edit(Path file, UnaryOperator<String> change) {
        PackFolders.edit(file, change);
    }
}
