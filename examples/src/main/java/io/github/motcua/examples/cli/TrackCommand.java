package io.github.motcua.examples.cli;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Tracking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code track PACK DOSSIER.json EVENTS.json}: the dossier's timeline step by step. Not thread-safe. */
@Command(name = "track", mixinStandardHelpOptions = true)
public final class TrackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "DOSSIER.json")
    Path dossier;

    @Parameters(index = "2", paramLabel = "EVENTS.json")
    Path events;

    @Option(names = "--at", paramLabel = "INSTANT")
    String at;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean en = options.en();
        PackOptions.Input input = options.readInput(events, Tracking.MAX_EVENTS_JSON_CHARS, "STEP_EVENTS_TOO_LARGE",
                spec.commandLine().getErr());
        if (input.text() == null) {
            return input.exit();
        }
        String json = input.text();
        Instant when = null;
        if (at != null) {
            try {
                when = OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e) {
                spec.commandLine().getErr().println(CliMessages.text(en, "CLI_BAD_AT", "value", at));
                return ExitCodes.BAD_ARGUMENT;
            }
        }
        Instant fixed = when;
        return options.decideFile(pack, dossier, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (engine, d) -> render(engine, d, Tracking.parse(json), fixed, en));
    }

    static String render(Engine engine, Decision d, List<Tracking.StepEvent> events, Instant at, boolean en) {
        Instant now = at != null ? at : events.stream().map(e -> e.at().toInstant()).max(Instant::compareTo)
                .orElse(d.provenance().evaluatedAt());
        Tracking.Report r = Tracking.track(d, engine.deadlineEngine().orElseThrow(
                () -> new IllegalArgumentException("the pack has no calendar")), events, now);
        StringBuilder sb = new StringBuilder();
        sb.append(CliMessages.text(en, "CLI_EX_PROCEDURE", "code", r.procedure())).append('\n');
        sb.append(CliMessages.text(en, "CLI_TRACK_AT", "at", CliMessages.time(en).format(local(now, engine)))).append('\n');
        sb.append(CliMessages.text(en, "CLI_TRACK_APPOINTMENT", "at", CliMessages.time(en).format(r.plannedDue())));
        if (!r.due().equals(r.plannedDue())) {
            sb.append(" → ").append(CliMessages.text(en, "CLI_TRACK_AFTER_PAUSES", "at", CliMessages.time(en).format(r.due()),
                    "days", r.pausedWorkingDays()));
        }
        sb.append('\n');
        sb.append(CliMessages.text(en, "CLI_TRACK_STATE", "state", en ? r.state().name() : r.state().labelVi())).append('\n');
        sb.append(CliMessages.text(en, "CLI_TRACK_STEPS")).append('\n');
        int i = 1;
        for (Tracking.StepTrack s : r.steps()) {
            sb.append(String.format(Locale.ROOT, "  %d. [%s] %s — %s%s%n", i++, s.id(), s.nameVi(), s.owner(),
                    s.counted() ? "" : " " + CliMessages.text(en, "CLI_TRACK_NOT_COUNTED")));
            sb.append("     ").append(CliMessages.text(en, "CLI_TRACK_DUE", "at", CliMessages.time(en).format(s.due())));
            if (s.startedAt() != null) {
                sb.append("; ").append(CliMessages.text(en, "CLI_TRACK_STARTED", "at", CliMessages.time(en).format(s.startedAt())));
            }
            if (s.finishedAt() != null) {
                sb.append("; ").append(CliMessages.text(en, "CLI_TRACK_FINISHED", "at", CliMessages.time(en).format(s.finishedAt())));
            }
            sb.append("; ").append(en ? s.status().name() : s.status().labelVi());
            if (s.late()) {
                sb.append(" — ").append(CliMessages.text(en, "CLI_TRACK_LATE_STEP"));
            }
            if (s.by() != null) {
                sb.append(" (").append(s.by()).append(')');
            }
            sb.append('\n');
        }
        if (!r.lateRoles().isEmpty()) {
            sb.append(CliMessages.text(en, "CLI_TRACK_LATE", "roles", String.join(", ", r.lateRoles()))).append('\n');
        }
        if (r.apologyNeeded()) {
            sb.append(CliMessages.text(en, "CLI_TRACK_APOLOGY", "at", CliMessages.time(en).format(r.projectedReturn()))).append('\n');
        }
        return sb.toString();
    }

    private static ZonedDateTime local(Instant t, Engine engine) {
        return engine.deadlineEngine().map(e -> e.calendar().local(t)).orElse(t.atZone(java.time.ZoneOffset.ofHours(7)));
    }
}
