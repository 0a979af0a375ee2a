package io.github.motcua.examples.cli;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
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
            out.println(CliMessages.text(en(), "CLI_PROBLEMS", "count", r.problems().size(), "pack", pack));
            engine.close();
            return null;
        }
        return engine;
    }

    /**
     * The path {@code decide} and {@code explain} share: read the dossier file, load the pack, decide,
     * print what {@code render} makes of the decision; every failure is a message and an exit code.
     */
    int decideFile(Path pack, Path dossier, PrintWriter out, PrintWriter err,
            BiFunction<Engine, Decision, String> render) {
        String json;
        try {
            json = Files.readString(dossier, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(CliMessages.text(en(), "CLI_CANNOT_READ", "file", dossier, "detail", e.getMessage()));
            return ExitCodes.IO;
        }
        Engine engine = load(pack, err);
        if (engine == null) {
            return ExitCodes.PACK_PROBLEMS;
        }
        try (engine) {
            Decision decision = engine.decide(json);
            out.print(render.apply(engine, decision));
            if (decision.form() != null && !decision.form().valid() && decision.form().checked()) {
                // the form's violations at their place in the file, like the dossier's own (stdout keeps the decision)
                JsonPositions at = JsonPositions.of(json);
                for (Decision.FormViolation v : decision.form().violations()) {
                    String pointer = "/form" + v.path();
                    err.println(String.format(Locale.ROOT, "%s:%s: [FORM_INVALID] %s: %s%s", dossier, at.at(pointer), pointer,
                            label(v), en() && v.messageEn() != null ? v.messageEn() : v.messageVi()));
                }
            }
            return decided(decision) ? ExitCodes.OK : ExitCodes.BAD_DOSSIER;
        } catch (InvalidDossierException e) {
            printDossierProblems(dossier, e, err);
            return ExitCodes.BAD_DOSSIER;
        } catch (NoSuchProcedureException e) {
            io.github.motcua.kernel.Problem p = e.toProblem();
            err.println(String.format(Locale.ROOT, "%s:%d:%d: [%s] %s: %s", dossier, p.line(), p.column(), p.code().name(),
                    p.pointer(), Suggestions.unknownProcedure(e.code(), engine.catalog(), en())));
            return ExitCodes.BAD_DOSSIER;
        } catch (IllegalArgumentException e) {
            err.println(dossier + ": " + e.getMessage());
            return ExitCodes.BAD_DOSSIER;
        }
    }

    /**
     * One line per problem, in the {@code --lang} language only:
     * {@code FILE:line:col: [CODE] /pointer: message} (line and column are 0 when unknown).
     */
    void printDossierProblems(Path dossier, InvalidDossierException e, PrintWriter err) {
        for (io.github.motcua.kernel.Problem p : e.problems()) {
            err.println(String.format(Locale.ROOT, "%s:%d:%d: [%s] %s%s", dossier, p.line(), p.column(), p.code().name(),
                    p.pointer().isEmpty() ? "" : p.pointer() + ": ", p.message(locale())));
        }
    }

    /**
     * The path {@code catalog} and {@code guide} share: load the pack, read {@code --as-of} in the
     * pack's zone, render, and write to {@code --out} or standard output.
     */
    int publish(Path pack, String asOf, Path outFile, PrintWriter out, PrintWriter err,
            BiFunction<Engine, LocalDate, String> render) {
        Engine engine = load(pack, err);
        if (engine == null) {
            return ExitCodes.PACK_PROBLEMS;
        }
        try (engine) {
            LocalDate date = Output.asOf(asOf, engine.pack().orElseThrow().zone(), err, en());
            if (date == null) {
                return ExitCodes.BAD_ARGUMENT;
            }
            return Output.write(render.apply(engine, date), outFile, out, err, en());
        } catch (NoSuchProcedureException e) {
            err.println(Suggestions.unknownProcedure(e.code(), engine.catalog(), en()));
            return ExitCodes.BAD_ARGUMENT;
        }
    }

    /**
     * Whether the dossier was decided: ELIGIBLE or INELIGIBLE. INDETERMINATE (the form is invalid or a
     * rule failed) and an unassessed procedure are not decisions, and {@code decide}/{@code explain}
     * exit {@link ExitCodes#BAD_DOSSIER} for them after printing the decision, so a script learns it
     * from the exit code without parsing JSON.
     */
    static boolean decided(Decision decision) {
        String e = decision.eligibility().name();
        return "ELIGIBLE".equals(e) || "INELIGIBLE".equals(e);
    }

    /** The engine's fee tables by procedure code (the fee tables the integration serves). */
    static Function<String, Optional<FeeTable>> feeTables(Engine engine) {
        return engine::feeTable;
    }

    private String label(Decision.FormViolation v) {
        String label = en() && v.labelEn() != null ? v.labelEn() : v.label();
        return label == null || label.isEmpty() ? "" : label + " — ";
    }

        boolean en() {
        return "en".equalsIgnoreCase(lang);
    }
}
