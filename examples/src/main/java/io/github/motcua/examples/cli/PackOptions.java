package io.github.motcua.examples.cli;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
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
    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en")
    String lang;

    Locale locale() {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    /**
     * Loads the pack; prints problems as file:line:col: message and returns null when it failed; prints
     * the loaded pack's warnings the same way, marked as warnings.
     */
    Engine load(Path pack, PrintWriter out) {
        Engine engine = Motcua.engine().build();
        LoadResult r = engine.load(pack);
        if (!r.ok()) {
            printProblems(r, pack, out);
            engine.close();
            return null;
        }
        // what does not keep the pack out (a procedure code the pack does not have): said, never silent
        for (PackProblem w : r.warnings()) {
            out.println(w.toProblem().asWarning().format(locale()));
        }
        return engine;
    }

    /** Prints a failed load's problems, one {@code file:line:col: [CODE] message} a line, and their count. */
    void printProblems(LoadResult r, Path pack, PrintWriter out) {
        for (PackProblem p : r.problems()) {
            out.println(p.format(locale()));
        }
        java.util.List<PackProblem> ps = r.problems();
        if (PackProblem.capped(ps)) {
            // a load lists at most 10,000 problems; its last one counts the rest (docs/pack-format.md, "Problems")
            out.println(CliMessages.text(en(), "CLI_PROBLEMS_MORE", "count", ps.size() - 1, "pack", pack));
            return;
        }
        out.println(CliMessages.text(en(), "CLI_PROBLEMS", "count", ps.size(), "pack", pack));
    }

    /**
     * The way every command that works on a loaded pack opens it: load (problems printed to
     * {@code problems}, {@link ExitCodes#PACK_PROBLEMS}), run {@code work}, close the engine.
     */
    int withEngine(Path pack, PrintWriter problems, Function<Engine, Integer> work) {
        Engine engine = load(pack, problems);
        if (engine == null) {
            return ExitCodes.PACK_PROBLEMS;
        }
        try (engine) {
            return work.apply(engine);
        }
    }

    /**
     * {@link #withEngine} for one procedure of the pack: an unknown {@code code} is named with the closest
     * codes ({@link ExitCodes#BAD_ARGUMENT}).
     */
    int withProcedure(Path pack, String code, PrintWriter err, BiFunction<Engine, Procedure, Integer> work) {
        return withEngine(pack, err, engine -> {
            Optional<Procedure> found = engine.catalog().stream().filter(p -> p.code().equals(code)).findFirst();
            if (found.isEmpty()) {
                err.println(Suggestions.unknownProcedure(code, engine.catalog(), en()));
                return ExitCodes.BAD_ARGUMENT;
            }
            return work.apply(engine, found.get());
        });
    }

    /**
     * A JSON file given on the command line (a dossier, step events), read bounded: a file that cannot
     * hold at most {@code maxChars} characters — more than {@code 3 * maxChars} bytes, UTF-8 never spending
     * more than 3 bytes a character — is refused as {@code tooLargeCode} ({@link ExitCodes#BAD_DOSSIER})
     * before it is read (its size says so) or after {@code 3 * maxChars + 1} bytes (a pipe or device), so
     * a 2 GB file costs no memory. Text that is not UTF-8 cannot be read ({@link ExitCodes#IO}).
     */
    Input readInput(Path file, int maxChars, String tooLargeCode, PrintWriter err) {
        long cap = 3L * maxChars;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > cap) {
                return tooLarge(file, Long.toString(Files.size(file)), cap, maxChars, tooLargeCode, err);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            }
            if (bytes.length > cap) {
                return tooLarge(file, "> " + cap, cap, maxChars, tooLargeCode, err);
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Input(text, ExitCodes.OK);
        } catch (IOException e) {
            err.println(CliMessages.text(en(), "CLI_CANNOT_READ", "file", file, "detail", e.getMessage()));
            return new Input(null, ExitCodes.IO);
        }
    }

    private Input tooLarge(Path file, String size, long cap, int maxChars, String code, PrintWriter err) {
        err.println(CliMessages.text(en(), "CLI_INPUT_TOO_LARGE", "file", file, "code", code, "size", size,
                "bytes", cap, "max", maxChars));
        return new Input(null, ExitCodes.BAD_DOSSIER);
    }

    /**
     * What {@link #readInput} read.
     *
     * @param text the file's text, or null when it was refused
     * @param exit {@link ExitCodes#OK}, or the exit code of the refusal (already printed)
     */
    record Input(String text, int exit) {
    }

    /**
     * The path {@code decide} and {@code explain} share: read the dossier file, load the pack, decide,
     * print what {@code render} makes of the decision; every failure is a message and an exit code.
     */
    int decideFile(Path pack, Path dossier, PrintWriter out, PrintWriter err,
            BiFunction<Engine, Decision, String> render) {
        Input input = readInput(dossier, Dossier.MAX_JSON_CHARS, "DOSSIER_TOO_LARGE", err);
        if (input.text() == null) {
            return input.exit();
        }
        String json = input.text();
        return withEngine(pack, err, engine -> {
            try {
                Decision decision = engine.decide(json);
                out.print(render.apply(engine, decision));
                if (decision.form() != null && !decision.form().valid() && decision.form().checked()) {
                    // the form's violations at their place in the file, like the dossier's own (stdout keeps the decision)
                    JsonPositions at = JsonPositions.of(json);
                    for (Decision.FormViolation v : decision.form().violations()) {
                        String pointer = "/form" + v.path();
                        err.println(String.format(Locale.ROOT, "%s:%s: [FORM_INVALID] %s: %s%s", dossier, at.at(pointer),
                                pointer, label(v), en() && v.messageEn() != null ? v.messageEn() : v.messageVi()));
                    }
                }
                return decided(decision) ? ExitCodes.OK : ExitCodes.BAD_DOSSIER;
            } catch (InvalidDossierException e) {
                printDossierProblems(dossier, e, err);
                return ExitCodes.BAD_DOSSIER;
            } catch (NoSuchProcedureException e) {
                io.github.motcua.kernel.Problem p = e.toProblem();
                err.println(String.format(Locale.ROOT, "%s:%d:%d: [%s] %s: %s", dossier, p.line(), p.column(),
                        p.code().name(), p.pointer(), Suggestions.unknownProcedure(e.code(), engine.catalog(), en())));
                return ExitCodes.BAD_DOSSIER;
            } catch (IllegalArgumentException e) {
                err.println(dossier + ": " + io.github.motcua.kernel.Failures.detail(e));
                return ExitCodes.BAD_DOSSIER;
            }
        });
    }

    /**
     * One line per problem, in the {@code --lang} language only:
     * {@code FILE:line:col: [CODE] /pointer: message} (line and column are 0 when unknown). The place is said once, in
     * the prefix every problem line of the CLI has: a text that is not JSON is {@code FILE:4:1: [DOSSIER_NOT_JSON]
     * không phải JSON hợp lệ: …}, without the library message's own "ở dòng 4, cột 1" (which a portal showing the
     * message alone needs; until session 22 the line said the place twice).
     */
    void printDossierProblems(Path dossier, InvalidDossierException e, PrintWriter err) {
        for (io.github.motcua.kernel.Problem p : e.problems()) {
            err.println(String.format(Locale.ROOT, "%s:%d:%d: [%s] %s%s", dossier, p.line(), p.column(), p.code().name(),
                    p.pointer().isEmpty() ? "" : p.pointer() + ": ", InvalidDossierException.messageWithoutPlace(p, locale())));
        }
    }

    /**
     * The path {@code catalog} and {@code guide} share: load the pack, read {@code --as-of} in the
     * pack's zone, render, and write to {@code --out} or standard output.
     */
    int publish(Path pack, String asOf, Path outFile, PrintWriter out, PrintWriter err,
            BiFunction<Engine, LocalDate, String> render) {
        return withEngine(pack, err, engine -> {
            try {
                LocalDate date = Output.asOf(asOf, engine.pack().orElseThrow().zone(), err, en());
                if (date == null) {
                    return ExitCodes.BAD_ARGUMENT;
                }
                return Output.write(render.apply(engine, date), outFile, out, err, en());
            } catch (NoSuchProcedureException e) {
                err.println(Suggestions.unknownProcedure(e.code(), engine.catalog(), en()));
                return ExitCodes.BAD_ARGUMENT;
            }
        });
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
