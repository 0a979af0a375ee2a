package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.examples.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code motcua desk}: registered in the CLI, and a pack that does not load is reported, not served. */
class DeskCommandTest {
    @Test
    void desk_help_listedAndDescribedInVietnamese() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"desk", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("Bộ phận Một cửa"), out::toString);
        assertTrue(out.toString().contains("--port"));
    }

    @Test
    void desk_missingPack_exit2WithTheProblemAndNoServer() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"desk", "target/khong-co-bo-quy-tac"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("khong-co-bo-quy-tac"), err::toString);
    }
}
