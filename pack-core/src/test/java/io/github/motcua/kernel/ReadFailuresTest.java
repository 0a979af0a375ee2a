package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * A file the system would not let us read: a Vietnamese sentence first, the system's English (often only a path) quoted
 * after the English, never the only words (session 19: {@code Không đọc được [x]: /goi/procedures/a/rules.drl}).
 */
class ReadFailuresTest {
    @Test
    void noPermission_saysSoAndWhatToDo_theSystemsTextOnlyAfterTheEnglish() {
        Problem p = ReadFailures.problem("procedures/1.001193/rules.drl",
                new AccessDeniedException("/goi/procedures/1.001193/rules.drl"));
        assertEquals(ProblemCode.IO, p.code());
        assertEquals("procedures/1.001193/rules.drl", p.file());
        assertEquals("Không đọc được [procedures/1.001193/rules.drl]: không có quyền đọc tệp hoặc thư mục này. Cấp quyền đọc"
                + " cho tài khoản chạy chương trình rồi chạy lại", p.messageVi());
        assertEquals("cannot read [procedures/1.001193/rules.drl]: no permission to read this file or folder. Give the account"
                + " running the program read access and run again (the system said: \"AccessDeniedException:"
                + " /goi/procedures/1.001193/rules.drl\")", p.messageEn());
    }

    @Test
    void goneWhileRead_andAnyOtherFailure_haveTheirOwnSentence() {
        Problem gone = ReadFailures.problem("units.yaml", new UncheckedIOException(new NoSuchFileException("/goi/units.yaml")));
        assertTrue(gone.messageVi().startsWith("Không đọc được [units.yaml]: tệp hoặc thư mục không còn ở đó"), gone.messageVi());
        Problem other = ReadFailures.problem("units.yaml", new IOException("Input/output error"));
        assertTrue(other.messageVi().startsWith("Không đọc được [units.yaml]: hệ thống báo lỗi khi đọc"), other.messageVi());
        assertFalse(other.messageVi().contains("Input/output"), other.messageVi());
        assertTrue(other.messageEn().endsWith("(the system said: \"IOException: Input/output error\")"), other.messageEn());
    }
}
