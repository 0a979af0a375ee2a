package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}: what it refuses before it ever serves (the serving itself: ServeEndToEndTest). */
class ServeCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    Path pack() throws Exception {
        Path src = Path.of(ServeCommandTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = dir.resolve("pack").resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dir.resolve("pack");
    }

    @Test
    void serve_brokenPackAndNothingThatCouldFixIt_exits2WithTheProblems() throws Exception {
        Path pack = pack();
        Files.writeString(pack.resolve("procedures/1.001193/rules.drl"), "\nrule \"broken\" when then x( end\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Run r = run("serve", pack.toString(), "--port", "0");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.err());
        assertTrue(r.err().contains("rules.drl:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void serve_tokenTooShort_exits5_andUnreadableTokenFile_exits4() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "short\n", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.BAD_ARGUMENT, run("serve", pack().toString(), "--port", "0", "--admin-token-file", token.toString()).code());
        assertEquals(ExitCodes.IO, run("serve", dir.resolve("pack").toString(), "--port", "0", "--admin-token-file",
                dir.resolve("missing").toString()).code());
    }

    /**
     * The token file is read bounded and as a secret: a folder, an oversized file (a log given by mistake,
     * {@code /dev/zero}) and bytes that are not UTF-8 are refused before the pack is loaded, each with its
     * typed problem at the file in the language asked, exit 4 (a file that cannot be read).
     */
    @Test
    void serve_tokenFile_folderTooLargeOrNotText_refusedWithItsProblem_exits4() throws Exception {
        Path pack = pack();
        Path folder = Files.createDirectories(dir.resolve("secrets"));
        Run r = run("serve", pack.toString(), "--port", "0", "--admin-token-file", folder.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().startsWith(folder + ":0:0: [TOKEN_FILE_NOT_A_FILE] đây là một thư mục"), r.err());
        assertEquals("", r.out());

        Path big = dir.resolve("big-token");
        Files.writeString(big, "a".repeat(ServeCommand.MAX_TOKEN_FILE_BYTES + 1), StandardCharsets.UTF_8);
        r = run("serve", pack.toString(), "--port", "0", "--admin-token-file", big.toString(), "--lang", "en");
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().startsWith(big + ":0:0: [TOKEN_FILE_TOO_LARGE] admin token file too large, not read: 4097 bytes "
                + "(at most 4096 bytes"), r.err());

        Path binary = dir.resolve("token.der");
        Files.write(binary, new byte[] {0x30, (byte) 0x82, (byte) 0xFF, (byte) 0xFE, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,
            0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41});
        r = run("serve", pack.toString(), "--port", "0", "--admin-token-file", binary.toString(), "--lang", "en");
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains("[TOKEN_FILE_NOT_UTF8] the admin token file is not UTF-8 text"), r.err());

        Path missing = dir.resolve("missing");
        r = run("serve", pack.toString(), "--port", "0", "--admin-token-file", missing.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains("[TOKEN_FILE_MISSING] không có tệp mã quản trị này"), r.err());

        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) { // an endless device: only MAX + 1 bytes are ever read
            r = run("serve", pack.toString(), "--port", "0", "--admin-token-file", zero.toString(), "--lang", "en");
            assertEquals(ExitCodes.IO, r.code(), r.err());
            assertTrue(r.err().contains("[TOKEN_FILE_TOO_LARGE]") && r.err().contains("> 4096 bytes"), r.err());
        }
    }

    /**
     * A secret mounted the Kubernetes way (the file a link into a hidden {@code ..data} folder) is read
     * through the link; a byte-order mark and the line's end are not part of the token.
     */
    @Test
    void readToken_throughALink_withBomAndNewline_isTheTokenItself() throws Exception {
        Path data = Files.createDirectories(dir.resolve("secret/..2026_12_06/"));
        Files.writeString(data.resolve("admin-token"), "\uFEFFs3cr3t-t0ken-0f-the-0ffice\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("secret/..data"), dir.resolve("secret/..2026_12_06").getFileName());
        Path token = Files.createSymbolicLink(dir.resolve("secret/admin-token"), Path.of("..data/admin-token"));
        assertEquals("s3cr3t-t0ken-0f-the-0ffice", ServeCommand.readToken(token));
    }

    @Test
    void serve_help_listsItsOptionsAndExitCodes() throws URISyntaxException {
        Run r = run("serve", "--help");
        assertEquals(ExitCodes.OK, r.code());
        for (String s : new String[] {"--port", "--bind", "--admin-token-file", "--watch", "Exit codes"}) {
            assertTrue(r.out().contains(s), s + "\n" + r.out());
        }
    }

    /**
     * A port another program holds: the start's one real bind failure, said as "cannot listen" with the address and the
     * system's reason, exit 4.
     */
    @Test
    void serve_portInUse_saysItCannotListenWithTheReason_exits4() throws Exception {
        Path pack = pack();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Run r = run("serve", pack.toString(), "--port", Integer.toString(port));
            assertEquals(ExitCodes.IO, r.code(), r.err());
            assertTrue(r.err().startsWith("không mở được cổng / cannot listen: cannot listen on 127.0.0.1:" + port + " ("),
                    r.err());
            assertEquals("", r.out());
        }
    }

    /**
     * Any other failure of a start is said as what it is, not as "cannot listen" (until session 20 every
     * {@code UncheckedIOException} of the start was printed as "cannot listen"): the classification, on the exceptions a
     * start throws — the service's own bind failure, and a file the start could not read.
     */
    @Test
    void startFailure_onlyABindFailureIsCannotListen() {
        java.io.UncheckedIOException bind = new java.io.UncheckedIOException("cannot listen on 127.0.0.1:8080",
                new java.net.BindException("Address already in use"));
        assertEquals("không mở được cổng / cannot listen: cannot listen on 127.0.0.1:8080 (Address already in use)",
                ServeCommand.startFailure(bind));
        java.io.UncheckedIOException unreadable = new java.io.UncheckedIOException(
                new java.nio.file.AccessDeniedException("/srv/pack/procedures"));
        assertEquals("không khởi động được dịch vụ / cannot start the service: AccessDeniedException: /srv/pack/procedures",
                ServeCommand.startFailure(unreadable));
    }
}
