package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.BundleKeys;
import io.github.motcua.kernel.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The help bundle: both languages complete, every command, option and positional parameter of the
 * command line has its text in it (a command added without help fails here), no text is unused, and no
 * help text is left written in an annotation.
 */
class HelpBundleTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "examples");

    @Test
    void bundle_everyCommandOptionAndParameterHasItsText_andEveryTextIsUsed() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Set<String> inBundle = new TreeSet<>(Messages.keys(HelpBundle.BUNDLE));
        Set<String> used = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        walk(cl, inBundle, used, missing);
        assertEquals(List.of(), missing, "commands, options or parameters without help text");
        BundleKeys.assertExactlyTheKeysUsed(HelpBundle.BUNDLE, used, 40);
    }

    @Test
    void sources_writeNoHelpTextInAnAnnotation() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (Files.readString(f, StandardCharsets.UTF_8).matches("(?s).*\\bdescription\\s*=\\s*\\{.*")) {
                    inline.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), inline);
    }

    @Test
    void help_printsTheVietnameseLineThenTheEnglishLine() {
        Cli.Run r = Cli.run("check", "--help");
        int vi = r.out().indexOf("Biên dịch, kiểm tra (lint) bộ quy tắc và chạy mọi ca kiểm thử");
        int en = r.out().indexOf("Compile and lint a pack and run every case");
        assertTrue(vi >= 0 && en > vi, r.out());
        assertTrue(r.out().contains("Thư mục bộ quy tắc, hoặc gói dựng sẵn (lệnh build)."), r.out());
        assertTrue(r.out().contains("Ngôn ngữ thông báo (mặc định vi)."), r.out());
        // the bundle names the token's environment variable as the code reads it
        assertTrue(Cli.run("serve", "--help").out().contains(ServeCommand.TOKEN_ENV));
    }

    private static void walk(CommandLine c, Set<String> inBundle, Set<String> used, List<String> missing) {
        CommandSpec s = c.getCommandSpec();
        String q = s.qualifiedName(".");
        need(List.of(q + ".usage.description"), inBundle, used, missing);
        for (OptionSpec o : s.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue; // picocli's own -h/-V text
            }
            List<String> keys = new ArrayList<>();
            for (String name : o.names()) {
                keys.add(q + "." + name.replaceFirst("^-+", ""));
            }
            for (String name : o.names()) {
                keys.add(name.replaceFirst("^-+", ""));
            }
            need(keys, inBundle, used, missing);
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            need(List.of(q + "." + p.paramLabel() + "[" + p.index() + "]"), inBundle, used, missing);
        }
        for (CommandLine sub : c.getSubcommands().values()) {
            walk(sub, inBundle, used, missing);
        }
    }

    /** The first of {@code keys} (picocli's lookup order) the bundle holds is used; none is a missing text. */
    private static void need(List<String> keys, Set<String> inBundle, Set<String> used, List<String> missing) {
        for (String k : keys) {
            if (inBundle.contains(k)) {
                used.add(k);
                return;
            }
        }
        missing.add(keys.get(0));
    }
}
