package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.SourceTree;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.spi.PackSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in sections start before the pack is hashed, with a context without the pack's identity
 * ({@link WithoutPackIdentity}); a plug-in's section still gets the whole identity, hash included.
 */
class WithoutPackIdentityTest {
    /** A call of a record's {@code info()} (the context's identity), as the sources would write it. */
    private static final Pattern INFO_CALL = Pattern.compile("\\binfo\\(\\)");

    /**
     * Every built-in section (eager forms or lazy) is one, and none of their sources reads a context's identity: a
     * built-in that came to need it would be loaded with none, so this fails first.
     */
    @Test
    void everyBuiltInSection_startsWithoutTheIdentity_andItsSourceNeverReadsIt() throws Exception {
        List<PackSection> all = new ArrayList<>(BuiltInSections.all(false));
        all.addAll(BuiltInSections.all(true));
        assertTrue(all.size() >= 6, all.toString());
        Path main = SourceTree.repository().resolve("rules-core/src/main/java");
        for (PackSection s : all) {
            assertTrue(s instanceof WithoutPackIdentity, s.getClass() + " starts without the pack's identity");
            Class<?> top = s.getClass().getNestHost();
            Path source = main.resolve(top.getName().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), source.toString());
            String text = Files.readString(source);
            assertFalse(INFO_CALL.matcher(text).find(), source + " reads info(): give its sections the whole context");
        }
    }

    /** A plug-in's section is given the pack's identity with the hash the loaded pack reports; loading is as before. */
    @Test
    void aPluginSection_seesTheWholeIdentity_withThePacksHash() {
        List<PackInfo> seen = new CopyOnWriteArrayList<>();
        PackSection plugin = new PackSection() {
            @Override
            public String name() {
                return "identity-probe";
            }

            @Override
            public boolean claims(String path) {
                return false;
            }

            @Override
            public Result load(Map<String, byte[]> files) {
                throw new AssertionError("the context's load is the one called");
            }

            @Override
            public Result load(Map<String, byte[]> files, Context context) {
                seen.add(context.info());
                return new Result(null, List.of(), List.of());
            }
        };
        for (int threads : new int[] {1, 2, 4}) {
            seen.clear();
            try (Engine e = Motcua.engine().compileThreads(threads).section(plugin).build()) {
                LoadResult r = e.load(SourceTree.repository().resolve("examples/packs/gia-lai"));
                assertTrue(r.ok(), r.problems().toString());
                assertEquals(1, seen.size());
                PackInfo info = seen.get(0);
                assertNotNull(info, "a plug-in's section has the identity");
                assertEquals(e.pack().orElseThrow().sha256(), info.sha256());
                assertEquals(64, info.sha256().length());
            }
        }
    }
}
