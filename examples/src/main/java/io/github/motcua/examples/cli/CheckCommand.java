package io.github.motcua.examples.cli;

import io.github.motcua.rules.DecisionPath;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check PACK}: compile, lint and run every case. Not thread-safe. */
@Command(name = "check", mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Mixin
    PackOptions options = new PackOptions();

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        return options.withEngine(pack, out, engine -> {
            int exit = runCases(engine, options, out);
            printPaths(engine, options.en(), verbose, out);
            return exit;
        });
    }

    /**
     * Which path decides each procedure ({@link Engine#decisionPath}): one summary line; with {@code verbose}, a line per
     * procedure before it, a compiled one with the first construct that sent it to the compiler, so an analyst can
     * rewrite that rule as data (docs/rule-authoring.md §2).
     */
    static void printPaths(Engine engine, boolean en, boolean verbose, java.io.PrintWriter out) {
        int data = 0;
        int session = 0;
        int compiled = 0;
        int none = 0;
        for (Procedure p : engine.catalog()) {
            DecisionPath path = engine.decisionPath(p.code()).orElse(null);
            if (path == null) {
                continue;
            }
            String key = switch (path.kind()) {
                case DATA -> "CLI_CHECK_PATH_DATA";
                case DATA_IN_SESSION -> "CLI_CHECK_PATH_DATA_IN_SESSION";
                case COMPILED -> "CLI_CHECK_PATH_COMPILED";
                case NO_RULES -> "CLI_CHECK_PATH_NO_RULES";
            };
            data += path.kind() == DecisionPath.Kind.DATA ? 1 : 0;
            session += path.kind() == DecisionPath.Kind.DATA_IN_SESSION ? 1 : 0;
            compiled += path.kind() == DecisionPath.Kind.COMPILED ? 1 : 0;
            none += path.kind() == DecisionPath.Kind.NO_RULES ? 1 : 0;
            if (verbose) {
                out.println(CliMessages.text(en, key, "code", p.code(), "reason", path.reason()));
            }
        }
        StringBuilder line = new StringBuilder(CliMessages.text(en, "CLI_CHECK_PATHS", "procedures", engine.catalog().size(),
                "data", data + session, "compiled", compiled));
        if (session > 0) {
            line.append(CliMessages.text(en, "CLI_CHECK_PATHS_SESSION", "count", session));
        }
        if (none > 0) {
            line.append(CliMessages.text(en, "CLI_CHECK_PATHS_NONE", "count", none));
        }
        if (!verbose && compiled + session > 0) {
            line.append(CliMessages.text(en, "CLI_CHECK_PATHS_HINT"));
        }
        out.println(line);
    }

    /**
     * What {@code check} does once the pack has loaded (and {@code build} before it writes): run every
     * analyst case, print the failed ones and a summary, warn about unreviewed imports.
     *
     * @return {@link ExitCodes#OK} or {@link ExitCodes#CASES_FAILED}
     */
    static int runCases(Engine engine, PackOptions options, java.io.PrintWriter out) {
        List<CaseResult> results = CaseRunner.runAll(engine);
        int failed = 0;
        int partial = 0;
        for (CaseResult r : results) {
            if (!r.passed() || !r.notChecked().isEmpty()) {
                out.print(r.report());
            }
            failed += r.passed() ? 0 : 1;
            partial += r.notChecked().isEmpty() ? 0 : 1;
        }
        out.println(CliMessages.text(options.en(), "CLI_CHECK_SUMMARY", "pack", engine.pack().orElseThrow().id(),
                "version", engine.pack().orElseThrow().version(), "procedures", engine.catalog().size(),
                "cases", results.size(), "passed", results.size() - failed, "failed", failed, "partial", partial));
        long unreviewed = engine.catalog().stream().filter(p -> p.importedUnreviewed()).count();
        if (unreviewed > 0) {
            out.println(CliMessages.text(options.en(), "CLI_CHECK_UNREVIEWED", "count", unreviewed));
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.CASES_FAILED;
    }
}
