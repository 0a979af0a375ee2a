package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a procedure's Java compile sees of the class path: nothing under the procedure's own generated
 * package (only the compile holds those names, as at run time), everything else as the library sees it.
 */
class RuleCompileClassLoaderTest {
    /** A parent that would find anything, and records what it was asked. */
    static final class FindsEverything extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        FindsEverything() {
            super(RuleCompileClassLoaderTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            asked.add(name);
            URL real = super.getResource(name);
            return real != null ? real : super.getResource("java/lang/Object.class");
        }
    }

    @Test
    void ownPackageNames_neverAskedOfTheClassPath() throws Exception {
        FindsEverything parent = new FindsEverything();
        RuleClasses.OwnNamesNotOnClassPath loader = new RuleClasses.OwnNamesNotOnClassPath(parent, "motcua.p1_001193");
        assertNull(loader.getResource("motcua/p1_001193/P85/String.class"));
        assertNull(loader.getResource("motcua/p1_001193/java.class"));
        assertNull(loader.getResource("motcua/p1_001193.class"));
        assertNull(loader.getResourceAsStream("motcua/p1_001193/Rules.class"));
        assertFalse(loader.getResources("motcua/p1_001193/Rules.class").hasMoreElements());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("motcua.p1_001193.P85.String"));
        assertEquals(List.of(), parent.asked, "the class path was asked for a name of the procedure's own package");
    }

    @Test
    void otherNames_askedOfTheLibrarysLoaderAsBefore() throws Exception {
        FindsEverything parent = new FindsEverything();
        RuleClasses.OwnNamesNotOnClassPath loader = new RuleClasses.OwnNamesNotOnClassPath(parent, "motcua.p1_001193");
        assertNotNull(loader.getResource("java/lang/String.class"));
        // another procedure's package, and a name that merely starts with the same letters
        assertNotNull(loader.getResource("motcua/p1_0011930/Rules.class"));
        assertNotNull(loader.getResource("motcua/p2_000815/Rules.class"));
        assertEquals(List.of("java/lang/String.class", "motcua/p1_0011930/Rules.class", "motcua/p2_000815/Rules.class"), parent.asked);
        assertSame(io.github.motcua.rules.Engine.class, loader.loadClass("io.github.motcua.rules.Engine"));
    }
}
