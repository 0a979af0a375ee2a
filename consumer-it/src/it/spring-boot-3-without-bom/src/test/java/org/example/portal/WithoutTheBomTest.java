package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Problem;
import io.github.motcua.rules.ClasspathConflictException;
import io.github.motcua.rules.Motcua;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Without motcua-bom, Spring Boot's older jackson-annotations is refused up front, in both languages. */
class WithoutTheBomTest {

    @Test
    void buildingAnEngineNamesTheClashAndTheFix() {
        ClasspathConflictException e = assertThrows(ClasspathConflictException.class, () -> Motcua.engine().build());
        assertEquals("com.fasterxml.jackson.core:jackson-annotations", e.artifact());
        Problem p = e.toProblem();
        assertEquals("CLASSPATH_CONFLICT", p.code().name());
        String en = p.message(Locale.ENGLISH);
        String vi = p.message(Locale.forLanguageTag("vi-VN"));
        assertNotEquals(vi, en);
        assertTrue(en.contains("version 2.19.2") && en.contains("needs 2.23") && en.contains("motcua-bom"), en);
        assertTrue(vi.contains("2.19.2") && vi.contains("motcua-bom"), vi);
    }
}
