package io.github.motcua.rules;

import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.Properties;

/**
 * Checks, once per engine built, that the libraries whose versions an application's own dependency
 * management most often lowers are at least the ones motcua needs (docs/integration.md, "Classpath
 * clashes"). Reflection only: a missing class or field is the symptom, not a compile error.
 */
final class ClasspathCheck {
    private ClasspathCheck() {
    }

    /**
     * @throws ClasspathConflictException when jackson-annotations lacks what Jackson 3 needs, or
     *                                    Freemarker is older than forms-core needs
     */
    static void verify() {
        ClassLoader loader = ClasspathCheck.class.getClassLoader();
        // Jackson 3.3.0's databind reads this annotation while it introspects any class
        if (!present(loader, "com.fasterxml.jackson.annotation.JsonSerializeAs")) {
            throw new ClasspathConflictException("com.fasterxml.jackson.core:jackson-annotations",
                    mavenVersion(loader, "com.fasterxml.jackson.annotation.JsonProperty",
                            "com.fasterxml.jackson.core", "jackson-annotations"),
                    "2.23", "com.fasterxml.jackson.annotation.JsonSerializeAs");
        }
        // forms-core configures Freemarker with Configuration.VERSION_2_3_35
        try {
            Class<?> configuration = Class.forName("freemarker.template.Configuration", false, loader);
            configuration.getField("VERSION_2_3_35");
        } catch (ClassNotFoundException e) {
            throw new ClasspathConflictException("org.freemarker:freemarker", "none", "2.3.35",
                    "freemarker.template.Configuration");
        } catch (NoSuchFieldException e) {
            throw new ClasspathConflictException("org.freemarker:freemarker", freemarkerVersion(loader), "2.3.35",
                    "freemarker.template.Configuration.VERSION_2_3_35");
        }
    }

    private static boolean present(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The version in the Maven properties of the jar holding {@code className}, or "unknown". */
    private static String mavenVersion(ClassLoader loader, String className, String groupId, String artifactId) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                URL props = new URL("jar:" + source.getLocation() + "!/META-INF/maven/" + groupId + "/" + artifactId
                        + "/pom.properties");
                Properties p = new Properties();
                try (InputStream in = props.openStream()) {
                    p.load(in);
                }
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
            String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
            return v == null ? "unknown" : v;
        } catch (Exception | LinkageError e) {
            return "unknown";
        }
    }

    private static String freemarkerVersion(ClassLoader loader) {
        try {
            Object v = Class.forName("freemarker.template.Configuration", false, loader).getMethod("getVersion").invoke(null);
            return String.valueOf(v);
        } catch (Exception | LinkageError e) {
            return "unknown";
        }
    }
}
