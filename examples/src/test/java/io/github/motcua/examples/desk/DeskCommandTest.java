package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.examples.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code motcua desk}: registered in the CLI, and a pack that does not load is reported, not served. */
class DeskCommandTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

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

    /** A port in use is "cannot listen" with the system's reason; any other failure of the start says its own cause. */
    @Test
    void desk_portInUse_cannotListenWithTheReason_otherFailuresTheirOwnCause() throws Exception {
        java.nio.file.Path pack = io.github.motcua.examples.cli.Cli.copyOfSmallPack(dir);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"desk", pack.toString(), "--port", Integer.toString(port)},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(4, code, err::toString);
            assertTrue(err.toString().startsWith("không mở được cổng / cannot listen: cannot listen on 127.0.0.1:" + port + " ("),
                    err::toString);
        }
        assertEquals("không khởi động được Bộ phận Một cửa / cannot start the desk: AccessDeniedException: /srv/pack",
                DeskCommand.startFailure(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/srv/pack"))));
    }
}
