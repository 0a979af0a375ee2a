package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack shipped inside a jar loads from the classpath, with the same hash as from its folder. */
class ClasspathJarTest {
    @TempDir
    Path dir;

    @Test
    void load_packInsideAJar_servesDecisions() throws IOException {
        Path src = TestPacks.source("ho-tich");
        Path jar = dir.resolve("pack.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry("packs/ho-tich/" + src.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                Engine fromJar = TestPacks.engine(); Engine fromFolder = TestPacks.engine()) {
            LoadResult r = fromJar.load(cl, "packs/ho-tich");
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(fromFolder.load(src).orThrow().sha256(), r.orThrow().sha256());
            assertEquals(Eligibility.INELIGIBLE, fromJar.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}")).eligibility());
        }
    }
}
