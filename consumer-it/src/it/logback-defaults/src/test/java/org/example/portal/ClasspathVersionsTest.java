package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Maven put on this Spring Boot 3 portal's class path: the versions motcua is built and tested
 * with, next to Spring Boot's own Jackson 2 line, each artifact once.
 */
class ClasspathVersionsTest {

    @Test
    void jacksonAnnotationsAreTheOnesJackson3WasBuiltAgainst() throws Exception {
        // Spring Boot 3.5.7 manages 2.19.2; Jackson 3.3.0 needs 2.23 (JsonSerializeAs)
        assertEquals(List.of("2.23"), versions("com.fasterxml.jackson.core", "jackson-annotations"));
        Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs");
    }

    @Test
    void snakeyamlEngineIsTheTestedOne() throws IOException {
        // jackson-dataformat-yaml 3.3.0 declares 3.0.1
        assertEquals(List.of("3.2"), versions("org.snakeyaml", "snakeyaml-engine"));
    }

    @Test
    void theRestOfWhatSpringBootWouldDowngradeIsTheTestedVersion() throws IOException {
        // Spring Boot 3.5.7 manages freemarker 2.3.34, commons-lang3 3.17.0, commons-codec 1.18.0
        assertEquals("2.3.35", freemarker.template.Configuration.getVersion().toString());
        // another jar on this class path carries a copy of commons-lang3's Maven properties: compare the set
        assertEquals(Set.of("3.18.0"), Set.copyOf(versions("org.apache.commons", "commons-lang3")));
        assertEquals(Set.of("1.19.0"), Set.copyOf(versions("commons-codec", "commons-codec")));
    }

    @Test
    void bothJacksonLinesAreThereAndSpringBootKeepsItsOwn() throws Exception {
        assertEquals(List.of("3.3.0"), versions("tools.jackson.core", "jackson-databind"));
        List<String> jackson2 = versions("com.fasterxml.jackson.core", "jackson-databind");
        assertEquals(1, jackson2.size(), jackson2.toString());
        assertTrue(jackson2.get(0).startsWith("2.19."), jackson2.toString());
        // the application's Jackson 2 still works with the newer annotations
        assertEquals("{\"procedure\":\"1.001193\"}",
                new ObjectMapper().writeValueAsString(Map.of("procedure", "1.001193")));
    }

    @Test
    void loggingIsTheApplicationsLogbackAndNoOtherBackend() throws IOException {
        assertEquals(1, versions("ch.qos.logback", "logback-classic").size());
        assertEquals(List.of(), versions("org.slf4j", "slf4j-simple"));
        assertEquals(List.of(), versions("org.slf4j", "slf4j-nop"));
        assertEquals(List.of(), versions("org.apache.logging.log4j", "log4j-slf4j2-impl"));
    }

    /** The version of every jar on the class path that carries this artifact's Maven properties. */
    static List<String> versions(String groupId, String artifactId) throws IOException {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        List<String> found = new ArrayList<>();
        for (URL url : Collections.list(ClasspathVersionsTest.class.getClassLoader().getResources(resource))) {
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(in);
            }
            found.add(p.getProperty("version"));
        }
        return found;
    }
}
