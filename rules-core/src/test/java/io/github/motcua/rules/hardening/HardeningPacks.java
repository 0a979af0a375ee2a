package io.github.motcua.rules.hardening;

import io.github.motcua.rules.TestPacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The rules-core test packs, copied to a temporary folder (via {@link TestPacks}) so a hardening test can break them. */
final class HardeningPacks {
    private HardeningPacks() {
    }

    static Path source(String name) {
        return TestPacks.source(name);
    }

    static Path copy(String name, Path target) {
        return TestPacks.copy(name, target);
    }

    static void edit(Path file, UnaryOperator<String> change) {
        TestPacks.edit(file, change);
    }

    static void write(Path file, String text) {
        TestPacks.write(file, text);
    }

    static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String birth(String form) {
        return "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\"form\":"
                + form + "}";
    }
}
