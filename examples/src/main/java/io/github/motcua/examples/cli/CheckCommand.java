package io.github.motcua.examples.cli;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        return options.withEngine(pack, out, engine -> runCases(engine, options, out));
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
