package io.github.motcua.rules;

import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.StepDue;
import io.github.motcua.calendar.WorkingCalendar;
import io.github.motcua.dossier.Channel;
import io.github.motcua.forms.document.ApologyLetter;
import io.github.motcua.forms.document.ControlSheet;
import io.github.motcua.forms.document.ControlStep;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.forms.document.ReceivedComponent;
import io.github.motcua.forms.document.RefusalNotice;
import io.github.motcua.forms.document.SupplementItem;
import io.github.motcua.forms.document.SupplementRequest;
import io.github.motcua.law.LegalBasis;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a {@link Decision} into forms-core's printable documents (văn bản, phiếu của Bộ phận Một
 * cửa): the receipt and appointment slip, the supplement request, the refusal notice, the apology
 * with a new date, and the control sheet with each internal step's due instant. Print them with
 * {@code engine.forms().orElseThrow().documents()}.
 *
 * <p>The decision gives what the law decides (components, appointment, fees, reasons); the desk
 * gives what only it knows (the document head, the officer, when the dossier was received).
 *
 * <p>Thread-safe: stateless static methods.
 */
public final class DecisionDocuments {
    private DecisionDocuments() {
    }

    /**
     * What the desk adds to a decision to print the receipt slip.
     *
     * @param header           the document head (office, number, date of issue, dossier code, applicant)
     * @param receivedAt       when the dossier was received (printed in Vietnam local time)
     * @param channel          how it came in
     * @param returnPlace      where or how the result is returned, e.g. "Tại Bộ phận Một cửa"
     * @param receivingOfficer the officer who received it, or {@code null}
     * @param received         ids of the components actually handed in; empty means every REQUIRED
     *                         component and one line per ONE_OF group ("A hoặc B")
     */
    public record ReceiptDetails(DocumentHeader header, OffsetDateTime receivedAt, Channel channel, String returnPlace,
            String receivingOfficer, Set<String> received) {
        public ReceiptDetails {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(channel, "channel");
            returnPlace = returnPlace == null ? defaultReturnPlace(channel) : returnPlace;
            received = received == null ? Set.of() : Set.copyOf(received);
        }

        /** The details of a dossier as received: its instant and channel, the default return place. */
        public static ReceiptDetails of(DocumentHeader header, Dossier dossier, String receivingOfficer) {
            Objects.requireNonNull(dossier, "dossier");
            return new ReceiptDetails(header, dossier.receivedAt(), dossier.channel(), null, receivingOfficer, Set.of());
        }

        private static String defaultReturnPlace(Channel c) {
            return switch (c) {
                case ONLINE -> RulesMessages.label(false, "label.document.returnOnline");
                case POST -> RulesMessages.label(false, "label.document.returnPost");
                default -> RulesMessages.label(false, "label.document.returnDesk");
            };
        }
    }

    /**
     * The apology letter with the deadline it moves.
     *
     * @param deadline the rescheduled deadline (its {@code rescheduling} says why and when)
     * @param letter   the letter to print
     */
    public record Rescheduled(DeadlineResult deadline, ApologyLetter letter) {
        public Rescheduled {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(letter, "letter");
        }
    }

    /**
     * Giấy tiếp nhận hồ sơ và hẹn trả kết quả for an ELIGIBLE decision: the components received, the
     * appointment ({@link Decision#deadline()}) and the fee total ({@link Decision#fees()}, 0 đ when none);
     * a paper on the decision's digitisation list ({@link Digitisation#toDigitise()}) is marked to be
     * digitised at receipt, as the control sheet lists it.
     *
     * @throws IllegalArgumentException when the decision is not ELIGIBLE or has no deadline, or is for
     *                                  another procedure than {@code procedure}
     */
    public static ReceiptSlip receiptSlip(Decision decision, Procedure procedure, ReceiptDetails details) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(details, "details");
        if (!decision.procedure().equals(procedure.code())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the decision is for procedure [%s], not [%s]", decision.procedure(), procedure.code()));
        }
        if ((decision.eligibility() != Eligibility.ELIGIBLE && decision.eligibility() != Eligibility.NOT_ASSESSED)
                || decision.deadline() == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a receipt slip needs an ELIGIBLE or NOT_ASSESSED decision with a deadline: [%s]", decision.eligibility()));
        }
        List<ReceivedComponent> components = new ArrayList<>();
        // the papers the officer digitises at receipt (the digitisation part), marked on the slip as on the control sheet
        java.util.Set<String> digitise = new java.util.HashSet<>();
        decision.part(Digitisation.KEY).ifPresent(dg -> dg.toDigitise().forEach(p -> digitise.add(p.componentId())));
        if (!details.received().isEmpty()) {
            for (RequiredComponent c : decision.components()) {
                if (details.received().contains(c.id())) {
                    components.add(new ReceivedComponent(c.name().vi(), formVi(c.form()), Math.max(1, c.quantity()),
                            digitise.contains(c.id())));
                }
            }
        } else {
            Map<String, List<RequiredComponent>> groups = new LinkedHashMap<>();
            for (RequiredComponent c : decision.components()) {
                if (c.status() == RequiredComponent.ComponentStatus.REQUIRED) {
                    components.add(new ReceivedComponent(c.name().vi(), formVi(c.form()), Math.max(1, c.quantity()),
                            digitise.contains(c.id())));
                } else if (c.status() == RequiredComponent.ComponentStatus.ONE_OF) {
                    groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
                }
            }
            for (List<RequiredComponent> g : groups.values()) {
                String name = String.join(" " + RulesMessages.label(false, "label.document.or") + " ", g.stream().map(c -> c.name().vi()).toList());
                components.add(new ReceivedComponent(name, formVi(g.get(0).form()), Math.max(1, g.get(0).quantity()),
                        g.stream().anyMatch(c -> digitise.contains(c.id()))));
            }
        }
        long fee = decision.fees() == null ? 0 : decision.fees().total().dong();
        return ReceiptSlip.builder(details.header()).components(components).receivedAt(local(details.receivedAt().toInstant()))
                .dueAt(local(decision.deadline().due())).channel(details.channel()).returnPlace(details.returnPlace())
                .feeTotalDong(fee).receivingOfficer(details.receivingOfficer()).receivingUnit(receivingUnit(decision))
                .competentUnit(competentUnit(decision)).build();
    }

    /**
     * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every form violation of the decision and every
     * component the officer found missing, asked for once and in full.
     *
     * @param missingComponents ids of decision components that were not handed in (may be empty)
     * @throws IllegalArgumentException when there is nothing to ask for, or an id is not a component
     *                                  of the decision
     */
    public static SupplementRequest supplementRequest(Decision decision, DocumentHeader header,
            List<String> missingComponents, String officer) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(header, "header");
        List<SupplementItem> items = new ArrayList<>();
        for (Decision.FormViolation v : decision.form().violations()) {
            items.add(new SupplementItem(v.label() == null || v.label().isBlank() ? RulesMessages.label(false, "label.document.form")
                    : RulesMessages.label(false, "label.document.form") + ": " + v.label(),
                    v.messageVi()));
        }
        for (String id : missingComponents == null ? List.<String>of() : missingComponents) {
            RequiredComponent c = decision.component(id).orElseThrow(() -> new IllegalArgumentException(
                    String.format(Locale.ROOT, "not a component of the decision: [%s]", id)));
            String why = c.status() == RequiredComponent.ComponentStatus.ONE_OF
                    ? RulesMessages.label(false, "label.document.oneOfGroup") + " " + c.group()
                    : RulesMessages.label(false, "label.document.required");
            items.add(new SupplementItem(c.name().vi() + " (" + formVi(c.form()).toLowerCase(Locale.ROOT) + ")",
                    why + cite(c.basis())));
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to supplement: the form is valid and no component is missing: [0]");
        }
        return new SupplementRequest(header, items, officer);
    }

    /**
     * Phiếu từ chối tiếp nhận giải quyết hồ sơ for an INELIGIBLE decision: each reason with its
     * legal basis.
     *
     * @throws IllegalArgumentException when the decision is not INELIGIBLE
     */
    public static RefusalNotice refusal(Decision decision, DocumentHeader header, String officer) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(header, "header");
        if (decision.eligibility() != Eligibility.INELIGIBLE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a refusal needs an INELIGIBLE decision: [%s]", decision.eligibility()));
        }
        return new RefusalNotice(header, decision.reasons().stream().map(r -> r.messageVi() + cite(r.basis())).toList(),
                officer);
    }

    /**
     * Văn bản xin lỗi và hẹn lại ngày trả kết quả: moves the decision's deadline with
     * {@link DeadlineEngine#reschedule} (which checks the new appointment is later and inside office
     * hours of a working day) and prints the letter.
     *
     * @throws IllegalArgumentException when the decision has no deadline
     * @throws io.github.motcua.calendar.InvalidDeadlineException when the new appointment is not
     *         later or falls outside office hours
     */
    public static Rescheduled apology(Decision decision, DeadlineEngine deadlines, DocumentHeader header,
            Instant issuedAt, Instant newDue, String reasonVi, LegalBasis basis, String signer) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(header, "header");
        if (decision.deadline() == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an apology needs a decision with a deadline: [%s]", decision.eligibility()));
        }
        DeadlineResult moved = deadlines.reschedule(decision.deadline(), issuedAt, newDue, reasonVi, basis);
        return new Rescheduled(moved, new ApologyLetter(header, reasonVi, local(decision.deadline().due()),
                local(moved.due()), signer));
    }

    /**
     * Phiếu kiểm soát quá trình giải quyết hồ sơ: one line per internal step of the procedure with its
     * start and due instant from the decision's deadline; hand-overs are not done yet. It also lists the
     * papers the receiving officer digitises at receipt (the decision's {@link Digitisation} part).
     *
     * @param receivedAt when the dossier was received
     * @throws IllegalArgumentException when the decision has no deadline
     */
    public static ControlSheet controlSheet(Decision decision, DocumentHeader header, OffsetDateTime receivedAt) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (decision.deadline() == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a control sheet needs a decision with a deadline: [%s]", decision.eligibility()));
        }
        List<ControlStep> steps = new ArrayList<>();
        String previous = null;
        for (StepDue s : decision.deadline().steps()) {
            steps.add(new ControlStep(s.step().nameVi(), previous, s.step().owner(), local(s.start()), local(s.due()), null));
            previous = s.step().owner();
        }
        return new ControlSheet(header, local(receivedAt.toInstant()), local(decision.deadline().due()), steps,
                receivingUnit(decision), competentUnit(decision), toDigitise(decision));
    }

    /** The papers the receiving officer digitises at receipt, one printed line each (digitisation part). */
    private static List<String> toDigitise(Decision d) {
        List<String> out = new ArrayList<>();
        d.part(Digitisation.KEY).ifPresent(dg -> dg.toDigitise().forEach(p -> out.add(p.nameVi()
                + (p.nationalCode() == null ? "" : " (" + RulesMessages.label(false, "label.document.nationalCode") + " "
                        + p.nationalCode() + ")")
                + (p.ifBrought() ? " (" + RulesMessages.label(false, "label.document.ifBrought") + ")" : ""))));
        return out;
    }

    private static String receivingUnit(Decision d) {
        return d.routing() == null || d.routing().receivingUnit() == null ? null : d.routing().receivingUnit().nameVi();
    }

    private static String competentUnit(Decision d) {
        return d.routing() == null || d.routing().competentUnit() == null ? null : d.routing().competentUnit().nameVi();
    }

    private static LocalDateTime local(Instant t) {
        return t.atZone(WorkingCalendar.VIETNAM).toLocalDateTime();
    }

    private static LocalDateTime local(ZonedDateTime t) {
        return local(t.toInstant());
    }

    private static String formVi(DossierComponent.CopyKind f) {
        return switch (f) {
            case ORIGINAL -> RulesMessages.label(false, "label.document.ORIGINAL");
            case CERTIFIED_COPY -> RulesMessages.label(false, "label.document.CERTIFIED_COPY");
            case ELECTRONIC_COPY -> RulesMessages.label(false, "label.document.ELECTRONIC_COPY");
            case COPY_WITH_ORIGINAL -> RulesMessages.label(false, "label.document.COPY_WITH_ORIGINAL");
        };
    }

    private static String cite(LegalBasis b) {
        return b == null ? "" : " (" + b.citationVi() + ")";
    }
}
