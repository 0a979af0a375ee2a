package io.github.motcua.examples.cli;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Options shared by the commands that load a pack (a picocli mixin). Not thread-safe. */
final class PackOptions {
    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en",
            description = {"Ngôn ngữ thông báo (mặc định vi).", "Language of messages (default vi)."})
    String lang;

    Locale locale() {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    /** Loads the pack; prints problems as file:line:col: message and returns null when it failed. */
    Engine load(Path pack, PrintWriter out) {
        Engine engine = Motcua.engine().build();
        LoadResult r = engine.load(pack);
        if (!r.ok()) {
            for (PackProblem p : r.problems()) {
                out.println(p.format(locale()));
            }
            out.println(String.format(Locale.ROOT, en() ? "%d problem(s) in %s" : "%d lỗi trong %s", r.problems().size(), pack));
            engine.close();
            return null;
        }
        return engine;
    }

    /** The engine's fee tables by procedure code (the fee tables the integration serves). */
    static Function<String, Optional<FeeTable>> feeTables(Engine engine) {
        return engine::feeTable;
    }

    boolean en() {
        return "en".equalsIgnoreCase(lang);
    }
}
